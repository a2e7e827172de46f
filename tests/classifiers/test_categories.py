"""Per-category tables through the public API, each with "no match" rows.

The sentences are written for these tests (not copied from the corpus). Every category
table has positives and hard negatives that use the same vocabulary.
"""

from __future__ import annotations

import pytest

from classifiers import CATEGORIES, Classifier

# (text, category expected or None for "no match of this category")
CASES: dict[str, list[tuple[str, bool]]] = {
    "socializing": [
        ("my client asked me to come to her daughter's quinceanera next month", True),
        ("a pt's son invited me over for a bbq this weekend, should I go?", True),
        ("I grabbed drinks with a client after group last night", True),
        ("the team is getting drinks after shift, come along", False),
        ("potluck in the break room friday, sign up for a dish", False),
        ("client meeting with the vendor about the billing software at 2", False),
    ],
    "social_media": [
        ("one of my patients sent me a friend request on facebook", True),
        ("a client keeps DMing me on insta late at night", True),
        ("I looked my client up on FB before our first session", True),
        ("got a friend request from a coworker on FB, accepted it", False),
        ("I'll follow up with the pt tomorrow about her labs", False),
        ("please follow the new protocol for falls", False),
    ],
    "personal_contact": [
        ("I gave my client my personal cell so she could reach me on weekends", True),
        ("a patient found my home address and left a note on my door", True),
        ("should I text clients from my own phone when the system is down?", True),
        ("my personal phone died, use the unit phone if you need me", False),
        ("pts can text the clinic text line for appointment changes", False),
        ("I texted my husband to pick up milk", False),
    ],
    "romantic": [
        ("I think my client has a crush on me and I might feel the same", True),
        ("a patient asked me out on a date after his appointment", True),
        ("my coworker is sleeping with one of her clients", True),
        ("date of service is missing on the claim for that pt", False),
        ("discharge date moved to thursday for bed 4", False),
        ("dating apps are exhausting, deleting them all", False),
    ],
    "physical_contact": [
        ("my client asked for a hug at the end of the session and I hugged her", True),
        ("is it ok to hold a patient's hand while she cries?", True),
        ("a little one in play therapy climbs into my lap every session", True),
        ("long shift, going home to hug my kids", False),
        ("let's touch base about the new admission after huddle", False),
        ("hand hygiene audit is next week, foam in and out", False),
    ],
    "gifts": [
        ("a client gave me a $50 gift card for the holidays", True),
        ("my patient's wife keeps bringing me homemade cookies, can I accept?", True),
        ("client offered to pay for my lunch after session", True),
        ("does the gift shop in the lobby sell phone chargers?", False),
        ("gift card raffle for staff appreciation week, enter at the desk", False),
        ("pro tip: the printer on 3 works better than the one on 4", False),
    ],
    "dual_relationship": [
        ("my client wants to hire me to consult for his business", True),
        ("my cousin asked me to be her therapist, is that allowed?", True),
        ("turns out my new client is my neighbor across the street", True),
        ("my neighbor's dog barked all night, so tired", False),
        ("I referred my friend to a therapist across town", False),
        ("the business office closes at 4 today", False),
    ],
    "post_termination": [
        ("a former client asked me out for coffee, we ended therapy a year ago", True),
        ("an ex-patient sent me a friend request on instagram", True),
        ("my former client wants to hire me for his startup", True),
        ("the patient was discharged home at noon with home health", False),
        ("termination summary is due in the chart by friday", False),
        ("former employees still have badge access, IT is fixing it", False),
    ],
    "self_disclosure": [
        ("I told my client about my divorce during session today", True),
        ("I shared my own recovery story with a patient who is using again", True),
        ("this client reminds me of my dad and it is messing with me", True),
        ("I told my supervisor about the new intake", False),
        ("my divorce is final today, taking a long weekend", False),
        ("the client shared her story about her divorce in group", False),
    ],
    "phi_disclosure": [
        ("I told my husband about a patient's overdose last night", True),
        ("a nurse posted on facebook about a pt with a rare dx on her unit", True),
        ("I vented to my friends about a client's custody case at brunch", True),
        ("I told my husband I'll be late, the unit is slammed", False),
        ("posted on facebook about my vacation pics finally", False),
        ("family meeting for the pt in room 4 at 3pm", False),
    ],
    "phi_exposure": [
        ("pt John Smith DOB 04/12/1961 needs his insulin adjusted", True),
        ("MRN 4471920 is on a psych hold, who is covering?", True),
        ("Maria Lopez was diagnosed with HIV today, please be discreet", True),
        ("please verify date of birth at every med pass", False),
        ("MRN field won't save in the new intake form", False),
        ("our new clinic is at 22 Oak St, opening in june", False),
    ],
}


def _rows() -> list[tuple[str, str, bool]]:
    return [(cat, text, hit) for cat, rows in CASES.items() for text, hit in rows]


def test_every_category_has_positive_and_no_match_rows() -> None:
    assert set(CASES) == set(CATEGORIES)
    for rows in CASES.values():
        assert any(hit for _, hit in rows) and any(not hit for _, hit in rows)


@pytest.mark.parametrize(("category", "text", "expected"), _rows())
def test_category_table(classifier: Classifier, category: str, text: str, expected: bool) -> None:
    assessment = classifier.assess(text)
    assert (category in assessment.categories) is expected, (
        assessment.categories,
        [(f.category, f.rule_id, [e.text for e in f.evidence]) for f in assessment.findings],
    )


@pytest.mark.parametrize(("category", "text", "expected"), [r for r in _rows() if r[2]])
def test_findings_explain_themselves(
    classifier: Classifier, category: str, text: str, expected: bool
) -> None:
    finding = next(f for f in classifier.assess(text).findings if f.category == category)
    assert finding.rule_id and finding.description
    for ev in finding.evidence:
        assert text[ev.start : ev.end] == ev.text
        assert ev.rule_id and ev.description and ev.cue
    assert finding.rule_ids[0] == finding.rule_id

"""The fourteenth session's rules round (dev20..dev35 without dev23 and dev27).

Each positive row is found by a rule of the round, not by the learned scorer; with the rules of
the session start each one was at best a learned guess (severity ``info``) or nothing. The rows
are written for this test, in the wording of the tuning parts' misses, not copied from them.
The negative rows are what the merged round first got wrong and the review took out.
"""

from __future__ import annotations

import pytest

from classifiers import Classifier, Finding

FOUND_BY_A_RULE = [
    ("personal_contact", "my study participant keeps texting my personal number since I used it "
     "once when the study phone died"),
    ("romantic", "a pt's brother has my cell from the family meeting and now texts at 1am with "
     "winky faces asking what I'm wearing"),
    ("social_media", "a client's wife sent me a connection on nextdoor after I helped with her "
     "benefits form"),
    ("physical_contact", "a guy from our cardiac rehab who finished in june bear-hugged me in "
     "the cereal aisle at costco"),
    ("socializing", "my IVF couple asked me to fill the empty seat on their pub trivia team on "
     "thursdays"),
    ("phi_disclosure", "one of the coordinators told her husband which news anchor is enrolled "
     "in our trial and now his golf group knows"),
    ("post_termination", "got a framed painting from a student I closed with in december, "
     "thanking me for sophomore year"),
    ("physical_contact", "the lady whose knee I rehabbed last spring spotted me at target and "
     "squeezed me so hard my glasses fell off"),
    ("socializing", "the lady from the old rehab wing, home since august, invited me to her "
     "backyard canning party"),
    ("gifts", "a pt's son took me and two night nurses to the steakhouse after shift and paid "
     "for everything"),
    ("social_media", "are we allowed to look pts up on the county court site before intake? our "
     "new PA does it for everybody"),
    ("self_disclosure", "I told a spouse about my own husband's affair during his deployment so "
     "she would know she's not alone"),
    ("phi_exposure", "callback re: homework, SGT Ortiz, Luis, last4 4471, cb 555-0139, nightmares "
     "worse since starting prazosin"),
    ("dual_relationship", "the resident's son owns the catering company we're considering for "
     "the gala and I'm on the committee"),
]  # fmt: skip


def rule_findings(classifier: Classifier, category: str, text: str) -> list[Finding]:
    """The findings of ``category`` in ``text``, asserting the first was made by a rule."""
    found = [f for f in classifier.assess(text).findings if f.category == category]
    assert found, text
    assert not found[0].rule_id.startswith("learned."), found[0].rule_id
    return found


@pytest.mark.parametrize(("category", "text"), FOUND_BY_A_RULE)
def test_the_round_finds_it_with_a_rule(classifier: Classifier, category: str, text: str) -> None:
    rule_findings(classifier, category, text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a normal purchase at a client's shop: "owns my gym" once made "owns" keep its own
        # norm, so the bundled "bakery my client own" stopped matching and gifts was guessed
        ("I buy my bread every week at a bakery my client owns and she always waves", "gifts"),
        # "in group" as every client in someone's care: a client's own story is not the writer's
        ("the client shared her story about her divorce in group", "self_disclosure"),
        # a bereaved relative is not a former client (labelling notes: still on the caseload)
        ("a widower from our hospice families asked me out for dinner, is that allowed?",
         "post_termination"),
        # a client's relative offering a favour is a gift, not a second role of the clinician
        ("my client's uncle is on the admissions board and offered to put in a good word for me",
         "dual_relationship"),
    ],
)  # fmt: skip
def test_what_the_review_took_out_stays_out(classifier: Classifier, text: str, absent: str) -> None:
    assert absent not in classifier.assess(text).categories


def test_turning_on_a_lathe_is_not_romance(classifier: Classifier) -> None:
    """ "turned on" alone was a romance cue; a former client's woodwork then read as romance."""
    text = (
        "a drug court grad from two years ago dropped off a bowl he turned on his lathe, keep it?"
    )
    a = classifier.assess(text)
    assert not any("romance" in f.rule_id or f.category == "romantic" for f in a.findings)
    b = classifier.assess("honestly I got turned on by my client")
    seen = {
        e.rule_id for f in (*b.findings, *(s.finding for s in b.suppressed)) for e in f.evidence
    }
    # arousal still reads as romance (the longest phrase wins: "got turned on")
    assert seen & {"romantic.romance.r14_turned_on_by", "romantic.romance.r14_got_turned_on"}


@pytest.mark.parametrize(
    "text",
    [
        "per policy, Marcus Hale, MRN 5582019, gets his clozapine level drawn monday",
        "reminder per policy: Dana Whitfield DOB 03/14/1962 is NPO after midnight",
    ],
)
def test_a_reminder_still_posts_the_identifier(classifier: Classifier, text: str) -> None:
    """``despite_policy``: labelling policy 7, the identifier is in the message."""
    a = classifier.assess(text)
    assert "phi_exposure" in a.categories
    assert not any(
        s.reason == "policy" for s in a.suppressed if s.finding.category == "phi_exposure"
    )


def test_a_policy_about_identifiers_without_one_stays_quiet(classifier: Classifier) -> None:
    text = "reminder per policy: never post a patient's DOB or MRN in chat"
    assert classifier.assess(text).findings == ()

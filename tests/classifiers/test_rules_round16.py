"""The sixteenth session's rules round (dev56..dev63) and its removals.

Each positive row is found by a rule of the round where the session-start rules gave at best
a learned guess. The removal rows name a category that a removed rule used to propose
(found, or found and then set aside by the scorer): each removed rule had proposed its
category only wrongly on the tuning parts (no true finding in 13,000 messages, rules alone),
so now nothing proposes it there. The rows are written for this test, in the wording of the
tuning parts' errors, not copied from them.
"""

from __future__ import annotations

import pytest

from classifiers import Classifier

from .test_rules_round14 import rule_findings

FOUND_BY_A_RULE = [
    ("social_media", "the sm I see on tuesdays sent me a friend request"),
    ("dual_relationship", "my patient owns the only laundromat in town, I see him there weekly"),
    ("socializing", "my analysand asked me to get coffee after our hour"),
    ("social_media", "a transplant recipient I follow added me on instagram"),
    ("physical_contact", "my client held my wrist during session and wouldn't let go"),
    ("gifts", "my client's family has been paying my CEU fees"),
]  # fmt: skip


@pytest.mark.parametrize(("category", "text"), FOUND_BY_A_RULE)
def test_the_round_finds_it_with_a_rule(classifier: Classifier, category: str, text: str) -> None:
    found = rule_findings(classifier, category, text)
    assert any(e.rule_id.startswith("r16") for f in found for e in f.evidence), found[0]


NOT_PROPOSED = [
    # "my private": a private social-media account, not a personal phone or address
    ("a client of mine requested to follow my private insta last night", "personal_contact"),
    # "calls me": a nickname, not a phone call
    ("my client calls me handsome at the start of every session, how do I redirect that",
     "personal_contact"),
    # "affair": the client's own story, told to the writer's partner (that is PHI)
    ("vented to my partner about a couples client's affair last night, no names", "romantic"),
    # "lake house": where the invitation is to, not a gift
    ("a patient invited me up to her lake house for the 4th of july", "gifts"),
    # "found out": the writer learning something, not telling it
    ("found out my new client is my son's soccer coach", "self_disclosure"),
    # "my street": the writer's address (personal contact), not a second role
    ("a kid in our residential unit somehow knows my street name", "dual_relationship"),
    # "loan": a client's job at the writer's bank is a second role, not a gift
    ("my client is the loan officer on my mortgage refi, normal rates", "gifts"),
    # "a transplant recipient I follow": following a patient's care is not a former client
    ("a transplant recipient I follow added me on instagram", "post_termination"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "absent"), NOT_PROPOSED)
def test_a_removed_rule_no_longer_proposes_it(
    classifier: Classifier, text: str, absent: str
) -> None:
    assessment = classifier.assess(text)
    proposed = {f.category for f in assessment.findings}
    proposed |= {s.finding.category for s in assessment.suppressed}
    assert absent not in proposed, assessment


@pytest.mark.parametrize(
    "text",
    [
        "the client portal is down again",
        "gonna hug my kids before shift",
        "drinks after shift with the nurses?",
        "discharge date for the pt in 12 moved to friday",
        "thank u sm for covering my 3pm, I owe you a coffee",
        "shift swap: I'll take your saturday if you take my tuesday",
    ],
)
def test_benign_chatter_stays_quiet(classifier: Classifier, text: str) -> None:
    assert not classifier.assess(text).findings, text

"""The fifteenth session's rules round (dev15, dev19 and dev36..dev47).

Each positive row is found by a rule of the round: with the rules of the session start alone
it was not found at all. The rows are written for this test, in the wording of the tuning
parts' misses, not copied from them. The negative rows are the benign chatter the product
must stay quiet on, checked again with the round's 1,240 new phrases.
"""

from __future__ import annotations

import pytest

from classifiers import Classifier

from .test_rules_round14 import rule_findings

FOUND_BY_A_RULE = [
    ("personal_contact", "my client keeps texting hearts to my phone after session"),
    ("romantic", "he said he'd like to see where this goes with me, and he's my patient"),
    ("gifts", "the shelter guest I work with gave me cash for gas and I kept it"),
    ("dual_relationship", "I've been renting a room from my client since march"),
    ("dual_relationship", "two of my clients turned out to be codefendants in the same case"),
    ("social_media", "my patient hit follow on my running account"),
    ("personal_contact", "the dad of a kid on my caseload whatsapp'd me at 11pm"),
    ("self_disclosure", "in session today I heard myself say my divorce was the best thing "
     "that happened to me"),
]  # fmt: skip


@pytest.mark.parametrize(("category", "text"), FOUND_BY_A_RULE)
def test_the_round_finds_it_with_a_rule(classifier: Classifier, category: str, text: str) -> None:
    found = rule_findings(classifier, category, text)
    assert any(e.rule_id.startswith("r15") for f in found for e in f.evidence), found[0]


@pytest.mark.parametrize(
    "text",
    [
        "the client portal is down again",
        "gonna hug my kids before shift",
        "drinks after shift with the nurses?",
        "my intern pulled the chart for the 2pm intake",
        "booked the conference room for the billing training",
        "my gym buddy wants to do a 5k on saturday",
    ],
)
def test_benign_chatter_stays_quiet(classifier: Classifier, text: str) -> None:
    assert not classifier.assess(text).findings, text

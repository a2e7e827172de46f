"""The twelfth session's rules round: new vocabulary found by the rules themselves.

Positives must be found by a rule (not only by the learned scorer), so these rows prove the
new cue phrases and the ``phi_exposure.email`` situation work; the "no match" rows are the
hard negatives the round guards against (sport training, a save-the-date, a payroll check,
a staff name beside a unit). Sentences written for this test, not copied from the corpus.
"""

from __future__ import annotations

import pytest

from classifiers import Classifier

FOUND_BY_RULE = [
    ("my client's dad picked up the bill at the diner before I could stop him", "gifts"),
    ("my client's family sent a giftcard to my work mailbox", "gifts"),
    ("one of my hospice pts wants to leave me her quilt when she goes", "gifts"),
    ("a former client from last year just found my spotify and follows all my playlists",
     "social_media"),
    ("a client found my spotify and follows all my playlists", "social_media"),
    ("the new client applied for the receptionist job at my practice and I'm on the hiring panel",
     "dual_relationship"),
    ("my client's son keeps trying to set me up with his single brother", "romantic"),
    ("a pt I see weekly asked if I was seeing anyone", "romantic"),
    ("Marcus Webb in bay 4 is on biktarvy and missed two doses", "phi_exposure"),
    ("new client wants her PHQ-9 score emailed to kim.doe@example.org, she hates the portal",
     "phi_exposure"),
    ("Dana Reyes, stage 3 of concussion RTP, update the board in the training room",
     "phi_exposure"),
    ("my client's mom venmo'd me $40 as a thank you and I haven't sent it back yet", "gifts"),
    ("a client recognized my car in the grocery store lot and left a note on my windshield",
     "personal_contact"),
    ("my client needs a ride to group, I could drive her since it's on my way home",
     "personal_contact"),
    ("Tyler Brannigan has a grade 2 ankle sprain, taping only, no cutting drills this week",
     "phi_exposure"),
    ("without asking anyone, a coworker posted about our pt's overdose on her facebook",
     "phi_disclosure"),
]  # fmt: skip

NO_MATCH = [
    "the save-the-date for my cousin's wedding came today",
    "the check was made out to me by the hospital for overtime, finally",
    "reminder: HIPAA training on friday, never post patient info on social media",
    "email the training room schedule to the athletic staff by noon",
    "Sarah Lopez is covering the oncology desk today",
    # a strict xfail in the seventeenth session (learned socializing 0.77); passes since the
    # eighteenth (benign messages weigh twice in training)
    "we're doing strength training together after work, join us",
    "please update the portal email template for new patients",
    "I was so touched when my patient thanked me at discharge",
]


@pytest.mark.parametrize(("text", "category"), FOUND_BY_RULE)
def test_new_vocabulary_is_found_by_a_rule(
    classifier: Classifier, text: str, category: str
) -> None:
    assessment = classifier.assess(text)
    by_rule = [
        f for f in assessment.findings
        if f.category == category and not f.rule_id.startswith("learned.")
    ]  # fmt: skip
    assert by_rule, (text, [(f.category, f.rule_id) for f in assessment.findings])
    assert all(e.text == text[e.start : e.end] for f in by_rule for e in f.evidence)


@pytest.mark.parametrize("text", NO_MATCH)
def test_hard_negatives_of_the_round_stay_quiet(classifier: Classifier, text: str) -> None:
    assessment = classifier.assess(text)
    assert not assessment.findings, [(f.category, f.rule_id) for f in assessment.findings]


def test_sport_training_does_not_read_as_a_policy_statement(classifier: Classifier) -> None:
    """A "training room" is a place (PSEUDO), so what happens there still counts; a
    boundaries training, or one for new hires, still suppresses as policy."""
    for text, category in [
        ("a client's dad offered me a gift card in the training room after practice", "gifts"),
        ("my pt with the ACL tear asked me out in the training room", "romantic"),
    ]:
        place = classifier.assess(text)
        assert category in place.categories, text
        assert not place.suppressed, text
    policy = classifier.assess(
        "from the boundaries training: if a client sends you a friend request on facebook, "
        "decline it"
    )
    assert not policy.findings
    assert [s.reason for s in policy.suppressed] == ["policy"]
    new_hires = classifier.assess(
        "training for the new hires on friday: if a client sends you a friend request on "
        "facebook, decline it"
    )
    assert not new_hires.findings
    assert [s.reason for s in new_hires.suppressed] == ["policy"]

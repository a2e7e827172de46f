"""Paraphrase tables: varied wordings per category, exact categories expected.

The rows live in the ``paraphrases_*.py`` data modules beside this one, one per round of
rules work; each has positive rows and "no match" rows (``()``, hard negatives with the
same words). Known misses are strict xfails with their reason.
"""

from __future__ import annotations

import pytest

from classifiers import Classifier

from .paraphrases_base import ROWS
from .paraphrases_precision_1 import ROWS as PRECISION_1_ROWS
from .paraphrases_roles import ROWS as ROLE_ROWS
from .paraphrases_round4 import ROWS as ROUND4_ROWS
from .paraphrases_round5_c import ROWS as ROUND5_C_ROWS
from .paraphrases_round5_d import ROWS as ROUND5_D_ROWS
from .paraphrases_round6_c import ROWS as ROUND6_C_ROWS
from .paraphrases_round6_d import ROWS as ROUND6_D_ROWS
from .paraphrases_round7_c import ROWS as ROUND7_C_ROWS
from .paraphrases_round7_d import ROWS as ROUND7_D_ROWS
from .paraphrases_round8_c import ROWS as ROUND8_C_ROWS
from .paraphrases_round8_d import ROWS as ROUND8_D_ROWS
from .paraphrases_round9_c import ROWS as ROUND9_C_ROWS
from .paraphrases_round9_d import ROWS as ROUND9_D_ROWS
from .paraphrases_round10_c import ROWS as ROUND10_C_ROWS
from .paraphrases_round10_d import ROWS as ROUND10_D_ROWS
from .paraphrases_round11_c import ROWS as ROUND11_C_ROWS
from .paraphrases_round11_d import ROWS as ROUND11_D_ROWS
from .paraphrases_round11_e import ROWS as ROUND11_E_ROWS
from .paraphrases_round11_f import ROWS as ROUND11_F_ROWS
from .paraphrases_round11_pa import ROWS as ROUND11_PA_ROWS
from .paraphrases_round11_pb import ROWS as ROUND11_PB_ROWS
from .paraphrases_round_b import ROWS as ROUND_B_ROWS


def test_table_has_positive_and_no_match_rows() -> None:
    assert sum(1 for _, cats in ROWS if not cats) >= 30
    assert sum(1 for _, cats in ROWS if cats) >= 60
    assert any(cats for _, cats in ROLE_ROWS) and any(not cats for _, cats in ROLE_ROWS)
    assert any(cats for _, cats in ROUND4_ROWS) and any(not cats for _, cats in ROUND4_ROWS)


#: Rows the classifier gets wrong on purpose, with the reason (strict: they fail when fixed).
KNOWN_MISSES = {
    # Rule findings the learned veto sets aside (score below 0.15). The scorer is trained on
    # every tuning part but the fresh one (docs/CLASSIFIER.md, "The learned scorer"); each
    # retraining moves a few borderline scores across the line, both ways.
    "heard our attending is engaged to his ex-patient from the clinic": (
        "post_termination stands; the veto doubts the second category romantic (0.13)"
    ),
    "my client asked if he could work off his balance by painting my garage": (
        "dual_relationship stands; the veto doubts the second category gifts (0.04)"
    ),
    "the pt's husband asked if he could hug me before they left": "vetoed (scores 0.04)",
    "my client invited me to her online book club on discord": (
        "socializing stands; the veto doubts the second category social_media (0.14)"
    ),
    "we're done with treatment now, is it ok to share my own recovery story with him?": (
        "self_disclosure stands; the veto doubts post_termination (0.07)"
    ),
    "one of my old group members asked me to be his sponsor": (
        "dual_relationship stands; the veto doubts post_termination (0.14)"
    ),
    "my patient wanted a goodbye hug, I declined and offered a handshake instead. he tries "
    "again at every visit": "vetoed (scores 0.08)",
    "the little boy I'm treating for burns wants me to carry him around on my hip all shift": (
        "vetoed (scores 0.10)"
    ),
    "a patient offered to fly me out to her beach house after she finishes chemo": (
        "socializing vetoed (0.06); the scorer adds gifts (0.88) instead"
    ),
    # A rule finding the veto used to set aside and now confirms.
    "two clients in my DBT skills group go to the same church and gossip about each other": (
        "socializing.event reads the clients going to church as an outing (scores 0.19)"
    ),
    # Learned additions (severity info) where the words outweigh the situation: the model
    # reads words, not who did what (docs/CLASSIFIER.md, "Additions").
    "one of my kids made me a card for mother's day": "learned gifts (0.84) on 'me a card'",
    "I'm the only nurse on tonight with 6 pts": ("learned dual_relationship (0.90) on 'the only'"),
    "the family offered to pay for parking but we validate anyway": (
        "learned gifts (0.99) on 'offered to pay'"
    ),
    "the resident's sons sat on either side of the bed stroking her hair and holding her "
    "hands while I charted": "learned physical_contact (0.92) on 'hair', 'hands'",
    "I posted the photo in my group chat about my divorce": (
        "learned phi_disclosure (0.93) on 'posted', 'group chat'"
    ),
}


def _params(rows: list[tuple[str, tuple[str, ...]]]) -> list[object]:
    """The rows as test parameters, known misses marked as strict xfails."""
    return [
        pytest.param(t, e, marks=pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[t]))
        if t in KNOWN_MISSES
        else (t, e)
        for t, e in rows
    ]


ALL_ROWS = (
    ROWS
    + ROLE_ROWS
    + ROUND4_ROWS
    + ROUND_B_ROWS
    + ROUND5_C_ROWS
    + ROUND5_D_ROWS
    + ROUND6_C_ROWS
    + ROUND6_D_ROWS
    + ROUND7_C_ROWS
    + ROUND7_D_ROWS
    + ROUND8_C_ROWS
    + ROUND8_D_ROWS
    + ROUND9_C_ROWS
    + ROUND9_D_ROWS
    + ROUND10_C_ROWS
    + ROUND10_D_ROWS
    + ROUND11_C_ROWS
    + ROUND11_D_ROWS
    + ROUND11_E_ROWS
    + ROUND11_F_ROWS
    + ROUND11_PA_ROWS
    + PRECISION_1_ROWS
    + ROUND11_PB_ROWS
)


@pytest.mark.parametrize(("text", "expected"), _params(ALL_ROWS))
def test_paraphrase(classifier: Classifier, text: str, expected: tuple[str, ...]) -> None:
    assessment = classifier.assess(text)
    assert tuple(sorted(assessment.categories)) == expected, (
        [(f.category, f.rule_id, [e.text for e in f.evidence]) for f in assessment.findings],
        [(s.finding.category, s.reason) for s in assessment.suppressed],
    )

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
    # Learned additions (severity info: counted and shown by /boundary, never nudged) where
    # the words outweigh the situation. Since the eighth session an addition needs only some
    # cue of the rules, not a word for a client (docs/CLASSIFIER.md, "Additions"): on corpus
    # parts nobody had trained on that found far more than it cost, but a message about the
    # writer's own family or a neighbour, with no client in it (or only a client's pet), can
    # still read as one (a colleague alone blocks an addition: "a coworker added me on FB").
    # The scorer is trained on these rows too (tests/data/paraphrases.jsonl) and still
    # scores them at or above 0.75.
    "a regular at the gym asked me to join her running club": (
        "learned socializing (0.93) on 'me to', 'join her'"
    ),
    "my dad bought concert tickets and wants me to come with him next month": (
        "learned socializing (0.84) on 'wants me', 'to come'"
    ),
    "the client's puppy climbed into my lap during the home visit": (
        "learned physical_contact (0.77) on 'my lap', 'during'"
    ),
    "my family gave me a spa basket for my birthday": "learned gifts (0.88) on 'gave me', 'spa'",
    "my neighbor wants me to join his cycling club": (
        "learned socializing (0.88) and dual_relationship (0.81) on 'neighbor', 'join'"
    ),
    "the guy I work with added me on facebook": (
        "learned social_media (0.88) on 'me on', 'on facebook'"
    ),
    "the new pharmacist invited me to her book club, fun group": (
        "learned socializing (0.83) on 'invited me', 'me to'"
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

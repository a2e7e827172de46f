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
from .paraphrases_round12 import ROWS as ROUND12_ROWS
from .paraphrases_round_b import ROWS as ROUND_B_ROWS


def test_table_has_positive_and_no_match_rows() -> None:
    assert sum(1 for _, cats in ROWS if not cats) >= 30
    assert sum(1 for _, cats in ROWS if cats) >= 60
    assert any(cats for _, cats in ROLE_ROWS) and any(not cats for _, cats in ROLE_ROWS)
    assert any(cats for _, cats in ROUND4_ROWS) and any(not cats for _, cats in ROUND4_ROWS)


#: Rows the classifier gets wrong on purpose, with the reason (strict: they fail when fixed).
KNOWN_MISSES: dict[str, str] = {
    # Empty since the eighth session. The learned scorer is trained on these rows too
    # (tests/data/paraphrases.jsonl, docs/CLASSIFIER.md "The learned scorer"), so the tables
    # check the whole pipeline but no longer measure the scorer on unseen wording; the fresh
    # corpus parts do. Before its last retrain (L2 strength c 10) twelve no-match rows got a
    # learned finding where the words outweighed the situation ("my neighbor wants me to join
    # his cycling club": socializing 0.88) and were listed here with their scores. The tenth
    # session's retrain listed one ("a regular at the gym asked me to join her running club",
    # socializing 0.72); it passed again from the eleventh session's retrain, failed after the
    # seventeenth's (0.81) and passes since the eighteenth's (benign messages weigh twice).
    "my patient is an electrician and said he'd rewire our garage for cheap": "since the "
    "eighteenth session (veto at 0.4): the rules' gifts finding ('for cheap', a patient) "
    "scores 0.404 and is no longer set aside; the row counts a discounted trade service as "
    "dual_relationship only",
    "my client's husband kissed my cheek at the door and called me sweetheart": "since the "
    "seventeenth session's retrain (the cue labels as terms): the rules' touch finding "
    "('kissed my cheek', a client, the writer) scores 0.48 and is not set aside (veto 0.45 "
    "then, 0.4 since the eighteenth session); the row counts a kiss on the cheek as "
    "romantic only",
    "she tried to kiss me at the end of the home visit": "since the eleventh session's "
    "retrain (another situation as a weak negative, other_weight 0.3): 'tried to kiss' "
    "weighs towards physical_contact (learned completion, info, 0.93; completions at 0.85), "
    "where the labelling guide counts a kiss without an embrace as romantic only",
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
    + ROUND12_ROWS
)


@pytest.mark.parametrize(("text", "expected"), _params(ALL_ROWS))
def test_paraphrase(classifier: Classifier, text: str, expected: tuple[str, ...]) -> None:
    assessment = classifier.assess(text)
    assert tuple(sorted(assessment.categories)) == expected, (
        [(f.category, f.rule_id, [e.text for e in f.evidence]) for f in assessment.findings],
        [(s.finding.category, s.reason) for s in assessment.suppressed],
    )

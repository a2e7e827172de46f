"""The seventeenth session's cue removals and ``IGNORE`` phrases, read from the cue labels.

Counted over the 61 parts rules may be tuned on (rules alone), six cues had been the evidence
of wrong findings only, or of one right finding in five: they are removed. Four ``IGNORE``
phrases keep a calendar "date" and other people's past relationships out of ROMANCE. Since
the learned scorer reads the cue labels as terms, a cue that misfires costs twice. The rows
are written for this test, in the wording of the errors, not copied from the corpus; the
"kept" rows show the label is still matched where it means what it says.
"""

from __future__ import annotations

import pytest

from classifiers import Classifier
from classifiers.training import featurize


def _labels_on(classifier: Classifier, text: str, word: str) -> set[str]:
    """The cue labels whose match covers ``word`` in ``text``."""
    (features,) = featurize(classifier, [text])
    doc = classifier.nlp.make_doc(text)
    return {
        term.removeprefix("§cue:")
        for term, start, end in features
        if term.startswith("§cue:") and word in doc[start:end].text
    }


@pytest.mark.parametrize(
    ("text", "word", "label", "kept"),
    [
        # removed: "social media" is policy talk, never the platform a client used
        ("has anyone read the new social media policy? it's 14 pages", "social", "PLATFORM", False),
        ("my client found me on facebook and sent a message", "facebook", "PLATFORM", True),
        # removed: "post-termination" names a topic, not a former client
        ("writing a paper on post-termination relationships in MFT", "termination", "FORMER",
         False),
        ("my former client asked me to coffee", "former client", "FORMER", True),
        # removed: "personal email" on intake forms and logins
        ("the intake form asks for a personal email, can it be optional?", "email",
         "PERSONAL_CHANNEL", False),
        # removed: "we finished" (a task), "cookies" (the unit's snacks)
        ("we finished the audit early so I'm heading out", "finished", "FORMER", False),
        ("someone left cookies in the break room", "cookies", "GIFT", False),
        # new IGNORE phrases: a calendar date, other people's past
        ("the phone number in the chart is out of date", "date", "ROMANCE", False),
        ("the portal shows the follow up date, check it before closing", "date", "ROMANCE",
         False),
        ("two people in my group used to date", "date", "ROMANCE", False),
        ("my client asked me out on a date", "date", "ROMANCE", True),
    ],
)  # fmt: skip
def test_the_cue_label_is_matched_only_where_it_means_it(
    classifier: Classifier, text: str, word: str, label: str, kept: bool
) -> None:
    assert (label in _labels_on(classifier, text, word)) is kept, _labels_on(classifier, text, word)

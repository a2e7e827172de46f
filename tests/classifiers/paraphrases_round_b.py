"""Paraphrase rows of the dev7 rules round (romance, touch, online contact, disclosure, PHI).

Data for ``test_paraphrases.py``: each kind has positive rows in new wording and hard
negatives (``()``) that use the same words harmlessly. None is a corpus sentence.
"""

from __future__ import annotations

ROWS: list[tuple[str, tuple[str, ...]]] = [
    # an approach the writer closed but says is still going on outranks the closure
    # (labelling policy 11); a closure that stayed closed is benign
    (
        "the pt's son asked me out last week, I told him no. he's still asking every time"
        " I'm on shift",
        ("romantic",),
    ),
    ("a client offered me her old car, I said no thanks. she keeps bringing it up", ("gifts",)),
    (
        "my patient wanted a goodbye hug, I declined and offered a handshake instead. he"
        " tries again at every visit",
        ("physical_contact",),
    ),
    (
        "resident's daughter invited me to their christmas dinner, politely declined. she"
        " asked again today",
        ("socializing",),
    ),
    (
        "my client asked for my cell number, I said no. she won't take no for an answer",
        ("personal_contact",),
    ),
    (
        "client asked me out, I said no, kindly. he seemed hurt and now he's cancelling sessions",
        ("romantic",),
    ),
    ("a client asked me out and I told him no. he never asked again", ()),
    ("a pt invited me to her birthday party, I said no and it hasn't come up again since", ()),
    (
        "my client offered me tickets, I said no thanks, and we still have a great working"
        " relationship",
        (),
    ),
    ("a client asked to add me on facebook, I said no. we meet every week and it's been fine", ()),
]

"""Paraphrase rows of the dev8 rules round, helper c (PHI disclosure, gifts, post-termination,
dual relationships, socializing, personal contact).

Data for ``test_paraphrases.py``: each kind has positive rows in new wording and hard
negatives (``()``) that use the same words harmlessly. None is a corpus sentence.
"""

from __future__ import annotations

ROWS: list[tuple[str, tuple[str, ...]]] = [
    # a former patient named by what the clinician did: discharged ("I'd discharged"),
    # "had as a pt", "a client I finished with", "after he went home"
    (
        "a woman I'd discharged from detox last spring invited me to her baby shower",
        ("post_termination", "socializing"),
    ),
    (
        "a man I had as a pt on ortho years back just asked me out at the gym",
        ("post_termination", "romantic"),
    ),
    (
        "a client I finished with in march sent me a friend request on facebook",
        ("post_termination", "social_media"),
    ),
    (
        "two months after she went home, the lady from bed 3 asked me out for drinks",
        ("post_termination", "socializing"),
    ),
    ("we discharged him friday and the family sent the unit a fruit tray", ()),
    ("I finished with my charting and went home", ()),
    ("she went home in a wheelchair van this morning, family at bedside", ()),
    # a leisure activity done together ("climbing together", "fishing with me")
    ("my client and I have been bowling together on thursdays after group", ("socializing",)),
    (
        "my patient has been golfing with me most saturdays since the spring",
        ("socializing",),
    ),
    ("my husband and I went skiing together over break", ()),
    ("pt did great climbing stairs with me in PT today", ()),
    # the other person accepted the writer's no: the invitation is closed
    (
        "my client invited me to her son's bar mitzvah, I explained I can't attend and she"
        " totally understood",
        (),
    ),
    (
        "a former client asked to grab lunch; I emailed her saying I can't and she replied she"
        " understood",
        (),
    ),
    (
        "my client invited me to her party, she totally understood when I said no but she"
        " keeps asking again anyway",
        ("socializing",),
    ),
]

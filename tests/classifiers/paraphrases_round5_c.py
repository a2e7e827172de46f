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
    # "asked me out" is dating language: romantic (labelling guide, "asking the clinician out").
    (
        "two months after she went home, the lady from bed 3 asked me out for drinks",
        ("post_termination", "romantic"),
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
    (
        "an old client spotted me at the pharmacy and asked for my email to keep in touch; I"
        " told her I can't, she said she understood",
        (),
    ),
    (
        "my patient offered me his season tickets, I said I can't accept them and he laughed it"
        " off",
        (),
    ),
    # "small town" alone is not a second role; a client living next door is
    ("small town life: my client waved at me across the farmers market", ()),
    ("we grabbed lunch at the diner next door to the clinic, my client was there too", ()),
    ("my new client just moved in next door to us", ("dual_relationship",)),
    ("turns out my new pt and I live next door to each other", ("dual_relationship",)),
    # PHI told to the clinician's own people about a patient named by age, by the work with
    # them, or by having come through the unit; confirming is telling
    (
        "at christmas I told my whole family about the girl I'm working with who ran away"
        " from her group home",
        ("phi_disclosure",),
    ),
    (
        "told my husband about the 15yo we admitted for an overdose, way too much detail",
        ("phi_disclosure",),
    ),
    ("vented to my mom about the 7 y/o with the burns, she knows the family", ("phi_disclosure",)),
    (
        "my roommate asked about the celebrity who came through our ER on friday and I told"
        " her everything",
        ("phi_disclosure",),
    ),
    (
        "my neighbor kept asking and I ended up confirming her cousin is in our ICU",
        ("phi_disclosure",),
    ),
    ("my husband and I took our 6yo to the ER last night, she's fine", ()),
    ("told my wife about the new grad I'm working with, she's great", ()),
    ("she came through our ED twice this month, can we get social work involved?", ()),
    # telling a client about the clinician's own family is self-disclosure, not PHI
    ("my client was grieving and I told her my dad died of the same cancer", ("self_disclosure",)),
    # gifts: food sent home with the clinician, money or cards of a stated value, paying off
    # the clinician's debts, a wrapped present
    ("the grandma I see for home visits always sends me home with a plate of food", ("gifts",)),
    ("my client handed me a $100 target card at our last session", ("gifts",)),
    ("a pt offered to pay off my car loan, is that even legal", ("gifts",)),
    ("my client left a wrapped present on my desk with a note", ("gifts",)),
    ("the pt's daughter brought in a $50 check made out to me personally", ("gifts",)),
    ("reminder that copays over $20 need a receipt from the front desk", ()),
    ("I packed a plate of food for my own lunch and forgot it at home", ()),
    ("pt asked how to pay off her hospital bill, I sent her to financial counseling", ()),
    # a client who is also part of the clinician's own workplace (hire, board member)
    (
        "my client just got hired at our front desk, so she's my client and my coworker now",
        ("dual_relationship",),
    ),
    (
        "turns out a client of mine was just voted onto our board as a board member",
        ("dual_relationship",),
    ),
    ("the new hire in billing is a patient of mine, she starts monday", ("dual_relationship",)),
    ("the new hire shadowed me on home visits today, she's great with clients", ()),
    ("board member tour on thursday, please tidy the group room", ()),
    ("she's my patient until 7, then night shift takes over", ()),
    # pulled into a client's outing ("roped me into"); a client paying ("his treat")
    (
        "my client's teenage son roped me into their family bowling night and I went",
        ("socializing",),
    ),
    ("my coworkers talked me into karaoke after the holiday party", ()),
    (
        "my patient keeps offering to take me to lunch, his treat, every time he's in",
        ("gifts", "socializing"),
    ),
    ("gave the dog his treat after the pet therapy visit, the residents loved it", ()),
]

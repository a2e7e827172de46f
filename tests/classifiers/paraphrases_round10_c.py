"""Paraphrase rows of the dev13 rules round, helper c (socializing, gifts, dual relationships,
personal contact, post-termination).

Data for ``test_paraphrases.py``: each kind has positive rows in new wording and hard
negatives (``()``) that use the same words harmlessly. None is a corpus sentence.
"""

from __future__ import annotations

ROWS: list[tuple[str, tuple[str, ...]]] = [
    # clients named by the care the writer gives ("the couple I've seen for months")
    ("the couple I've been seeing for eight months brought me a bottle of wine", ("gifts",)),
    ("a teen we're seeing weekly gave me a bracelet she made", ("gifts",)),
    ("the man I'm treating for his back wants to grab a beer after", ("socializing",)),
    ("the guy I'm seeing this weekend is taking me to a concert", ()),
    ("I see for myself how busy the clinic is", ()),
    # crisis-line callers
    ("a regular caller asked if I'd meet her for lunch someday", ("socializing",)),
    (
        "one of the callers tonight wanted my personal cell so he could reach me directly",
        ("personal_contact",),
    ),
    ("the caller id on my work phone shows my personal number, how do I hide it", ()),
    ("the caller was upset about the wait time and hung up", ()),
    # someone named by one of the writer's cases or by regular visits
    (
        "a foster dad on one of my placement cases invited me to his bbq this weekend",
        ("socializing",),
    ),
    ("the lady who's in every monday for her INR check asked for my cell", ("personal_contact",)),
    ("on one of my cases the court moved the hearing to friday", ()),
    # former clients: hyphenated service, a past year, a death, a discharge elsewhere
    ("an old post-partum pt added me on facebook last night", ("post_termination", "social_media")),
    (
        "a woman I counseled for grief back in 2019 invited me to her wedding",
        ("post_termination", "socializing"),
    ),
    (
        "one of our pts who passed last month left me some money in her will",
        ("gifts", "post_termination"),
    ),
    (
        "the older man we discharged to rehab last week mailed me a thank-you card with cash",
        ("gifts", "post_termination"),
    ),
    ("I worked back in 2019 as a travel nurse", ()),
    ("we sent the referral to rehab this morning", ()),
    ("the patient who passed the swallow eval can have thin liquids", ()),
    # a guest list
    (
        "my pt djs at a club downtown and offered to put me on the guest list saturday",
        ("socializing",),
    ),
    ("put me on the list for the sunday overtime shift please", ()),
    (
        "caught up with a girl from my old group years back "
        "at a show and we ended up hanging out until midnight",
        ("post_termination", "socializing"),
    ),
    # favours through connections
    (
        "my client's uncle is on the admissions board and offered to put in a good word for me",
        ("gifts",),
    ),
    ("my client's father offered to pull some strings for me at his law firm", ("gifts",)),
    ("can you put in a good word for me with the scheduling manager", ()),
    # money from the clinician's own funds, cash pressed on the clinician
    ("i paid for my client's bus pass out of my own wallet this morning", ("gifts",)),
    ("a pt's son keeps trying to give me crumpled $10s for gas", ("gifts",)),
    ("the family of my client slipped a check into my coat pocket at discharge", ("gifts",)),
    ("a pt's daughter pressed a silver locket into my hands and insisted i keep it", ("gifts",)),
    ("the new grad slipped on the wet floor and landed on my hand", ()),
    ("i tucked my badge into my pocket before the parking lot", ()),
    ("I keep my snacks out of my own wallet budget", ()),
    # a gift marked for one clinician, a free service each month
    (
        "the family in room 4 left donuts for the unit "
        "and a card with my name on it holding $40 cash",
        ("gifts",),
    ),
    ("my pt who cuts hair says she'll do my color free every month", ("gifts",)),
    ("the new schedule has my name on it for christmas", ()),
    # a patient's relative named by the patient in care
    ("a husband whose wife is on hospice gave me his late mother's ring", ("gifts",)),
    ("a daughter whose dad is on hospice pressed a $100 bill into my hand", ("gifts",)),
    ("my neighbor whose husband is a pilot gave me tomatoes from her garden", ()),
    # plural clinician roles as the party
    ("one of the CNAs takes pts' calls on her personal cell all weekend", ("personal_contact",)),
    ("the RNs are short two people tonight", ()),
    # driving a client in the clinician's car
    (
        "my home visit client asked me to drive her to the pharmacy after our session",
        ("personal_contact",),
    ),
    ("i had to drive home in the snow after my shift", ()),
    # a home church or meeting is not the clinician's home
    ("we're hosting the potluck at my home church sunday", ()),
    ("I'll be at my home meeting tonight if anyone needs me", ()),
    ("ran into my client at my home church and she sat next to me", ("dual_relationship",)),
    # two of the writer's clients linked to each other
    (
        "two of my outpatient ortho pts are bitter exes and both want the 10am slot",
        ("dual_relationship",),
    ),
    ("my new patient's supervisor is also on my caseload", ("dual_relationship",)),
    ("two of my cardiac rehab pts finished the program today", ()),
    # someone the writer knows taken into care
    ("the intake assigned to me is my old roommate from college", ("dual_relationship",)),
    ("today's referral is someone on my wife's team at the bank", ("dual_relationship",)),
    ("today's ct scan was my daughter's soccer coach", ("dual_relationship",)),
    ("got the court-ordered eval on a guy who coaches my son's team", ("dual_relationship",)),
    ("my old roommate from college is visiting this weekend", ()),
    ("the referral to ortho went through today", ()),
    # a client in the writer's class, a client who would report to the writer, a client's business
    ("my client turned up in the spin class I take on thursdays", ("dual_relationship",)),
    (
        "a discharged patient applied for the unit clerk job and would be reporting to me",
        ("dual_relationship", "post_termination"),
    ),
    ("my pt runs a roofing business and quoted me for a new roof", ("dual_relationship",)),
    ("the new clerk will be reporting to me starting monday", ()),
    ("my sister runs a small business selling candles", ()),
    (
        "my client sells insurance and wants me to buy a whole life policy from him",
        ("dual_relationship",),
    ),
    # not a gift: a number on paper; not a former client: an embrace
    ("a pt's husband handed me a napkin with his number on it and winked", ("romantic",)),
    ("saw two visitors wrapped up in each other in the lobby", ()),
    # closures
    (
        "my client's aunt brought me jam, i explained "
        "the rule and she took it home. totally settled",
        (),
    ),
    (
        "a client offered to take me to dinner after our "
        "last session, i said no and she totally got it",
        (),
    ),
    ("a pt asked where i live, i changed the subject and he let it go", ()),
]

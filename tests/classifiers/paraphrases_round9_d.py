"""Paraphrase rows of the dev12 rules round, helper d (romance, touch, online contact,
disclosure, PHI).

Data for ``test_paraphrases.py``: each kind has positive rows in new wording and hard
negatives (``()``) that use the same words harmlessly. None is a corpus sentence.
"""

from __future__ import annotations

ROWS: list[tuple[str, tuple[str, ...]]] = [
    # romance: terms of endearment, "you're cute", asking whether someone is seeing anyone
    ("the guy in bed 12 keeps calling me mi amor and asking if i'm single", ("romantic",)),
    ("the dad of the boy in bed 7 asked me if she's seeing anyone, meaning me", ("romantic",)),
    ("a client slipped me a note at checkout that said ur cute, text me", ("romantic",)),
    ("my pt told me you look nice today and then asked what i do after work", ("romantic",)),
    ("my sister asked if he's seeing anyone since her friend likes him", ()),
    ("the ad says you're cute if you buy the hat lol", ()),
    # romance: poems and dinner invitations that are dates, care that ends first
    ("a patient on my panel sends me poems through the portal every week", ("romantic",)),
    (
        "the son of a resident I care for asked to take you out to dinner, meaning me, "
        "once all this is over",
        ("romantic",),
    ),
    (
        "my client wants to wait until treatment ends so we can date once this is all over",
        ("romantic",),
    ),
    ("the poems we read in group today were lovely", ()),
    ("once all this is over I'm taking a week off", ()),
    # romance: the writer is one of the pair ("a pt and i ... each other")
    ("my patient and i obviously like each other, is it wrong to ask him out?", ("romantic",)),
    ("the two residents on 3 west have feelings for each other, their families are thrilled", ()),
    # romance: a patient's spouse named by the care they give ("drives his wife to dialysis")
    (
        "the husband who brings his wife to dialysis keeps winking at me and asking when i get off",
        ("romantic",),
    ),
    ("the husband who drives his wife to radiation is so devoted to her", ()),
    # touch: arm wrestling, a held hand named by pronoun, an older client named by manner
    ("the teen in bed 4 challenged me to arm wrestle and I let him win", ("physical_contact",)),
    ("she kept holding my hand after the blood draw and I let her", ("physical_contact",)),
    ("the sweet lady in my group holds my hand every time we say goodbye", ("physical_contact",)),
    ("arm wrestling tournament at the fair this weekend, who's in", ()),
    ("she kept holding her son's hand the whole time, so sweet", ()),
    # clients named by the service the clinician gives them ("my hospice lady")
    ("should I hug my dialysis regulars when they ask at the end of a run?", ("physical_contact",)),
    ("my infusion guy gave me a bottle of wine for the holidays", ("gifts",)),
    ("my hospice lady passed peacefully this morning with her family there", ()),
    # a spa or massage voucher is a gift, not touch
    ("a client gave me a massage gift card for my birthday, can I keep it?", ("gifts",)),
    ("the family bought me a spa package as a thank you", ("gifts",)),
    # own family as the topic of what the clinician told a client, not the one told
    (
        "my client was grieving so i told her about burying my dad last spring",
        ("self_disclosure",),
    ),
    (
        "the teen asked how i knew, and i told him about getting sober with my brother",
        ("self_disclosure",),
    ),
    ("told my wife about the new schedule, she's not thrilled", ()),
    ("i was reading about caring for my parents as they age, good article", ()),
    # clinical shorthand as health detail next to a name: diagnoses, drug classes, labs
    ("Dana Whitfield 4/2/79 MDD, needs a refill before friday", ("phi_exposure",)),
    ("Gordon Pike's INR was 4.2 this morning, holding his warfarin", ("phi_exposure",)),
    ("Mrs. Okafor is on bisphosphonates, check with the dentist first", ("phi_exposure",)),
    ("handoff: 71F Rosa Lind, CP onset 0500, asa given", ("phi_exposure",)),
    ("the INR was 4.2 on the training sandbox patient", ()),
    ("reminder: GAD-7 and PHQ-9 are due at every intake", ()),
    # "no clue how she got it" does not deny the contact before it
    (
        "a teen from my group added me on snapchat, no clue how she found me, and keeps asking "
        "if i accepted",
        ("social_media",),
    ),
    ("no clue how to add my new coworker on teams lol", ()),
    # liking someone as a person is not a like on a post
    (
        "my former client asked me to coffee; i liked her a lot, which makes it hard",
        ("post_termination", "socializing"),
    ),
    ("i liked him a lot as a preceptor", ()),
]

"""Paraphrase rows of the dev8 rules round, helper d (touch, romance, disclosure, PHI, online).

Data for ``test_paraphrases.py``: each kind has positive rows in new wording and hard
negatives (``()``) that use the same words harmlessly. None is a corpus sentence.
"""

from __future__ import annotations

ROWS: list[tuple[str, tuple[str, ...]]] = [
    # a client grabbing, squeezing or stroking the clinician's hand, wrist, arm or knee
    (
        "my tuesday patient grabs my wrist every time I take his blood pressure and holds on"
        " way too long",
        ("physical_contact",),
    ),
    (
        "one of my clients squeezes my arm whenever she gets upset in session and I don't"
        " know how to stop it",
        ("physical_contact",),
    ),
    (
        "a resident on my unit keeps stroking my hand while I do her meds, the aides laugh"
        " it off",
        ("physical_contact",),
    ),
    (
        "the boy in my group put his hand onto my knee during check-in and left it there",
        ("physical_contact",),
    ),
    (
        "my patient sobbed into my shoulder after the diagnosis and I just held her there"
        " for a while",
        ("physical_contact",),
    ),
    ("I sprained my wrist lifting boxes at home this weekend, off for two days", ()),
    ("can someone grab my hand sanitizer refill from the supply closet", ()),
    ("the toddler in the waiting room kept grabbing his mom's arm and crying", ()),
    # a patient's name with a diagnosis, drug or admission (dev8 labelling note)
    (
        "fyi Carla Mendes was started on lithium yesterday and the pharmacy wants a level",
        ("phi_exposure",),
    ),
    (
        "Trevor Nguyen came back from the psych hospital this morning, please check in on him",
        ("phi_exposure",),
    ),
    ("reminder the staff flu clinic is tuesday in the break room", ()),
    ("I had strep last week so I'm masking on the unit until friday", ()),
    # 'each other' in running into each other is not the client's own romance
    (
        "my patient from the clinic asked me out after we ran into each other at the gym and I"
        " kind of want to say yes",
        ("romantic",),
    ),
    (
        "one of my clients asked me out when we passed each other in the parking garage, I said"
        " I'd think about it",
        ("romantic",),
    ),
    # a recovery or sobriety date is not a date
    ("my client and I bumped into each other at the pharmacy and said hi, that was it", ()),
    ("my client hit her one-year clean date today and I'm so proud of her", ()),
    # a newly admitted patient ('the new admit'); googling each new client
    ("I looked up my new admit on instagram last night, is that weird", ("social_media",)),
    (
        "I google each new patient before intake and last week I found an arrest record",
        ("social_media",),
    ),
    ("the new admit in 12 needs a sitter overnight, can anyone pick up", ()),
    ("I google every new med I don't know before I give it", ()),
    # the clinician's own relapse, birth or 'I get those too' told to a client;
    # 'my own phone' is a channel, not the clinician's life
    (
        "I told my pt about my relapse last year, hoping it would help, now I regret it",
        ("self_disclosure",),
    ),
    (
        "my client mentioned her migraines and I said I get those too and told her about my"
        " c-section recovery",
        ("self_disclosure",),
    ),
    (
        "I called the pt from my own cell to tell her the results were normal, the portal was down",
        ("personal_contact",),
    ),
    ("my own c-section was rough so I'm taking the L&D orientation slowly", ()),
    # a patient named by bed or room (CASE_REF) touching the clinician; gait or potty
    # training is therapy, not a policy note; a laparoscopic case is not a lap
    (
        "the kiddo I do potty training with climbs into my lap every session and won't get" " down",
        ("physical_contact",),
    ),
    (
        "bed 4 keeps grabbing my hand during dressing changes and won't let go",
        ("physical_contact",),
    ),
    (
        "room 12 cried and hugged me at discharge, the daughter said it made her day",
        ("physical_contact",),
    ),
    ("bed 7 needs to be held in place for the dressing change, grab a second person", ()),
    ("reminder from gait training: use a gait belt for every transfer", ()),
    ("I have three lap choles today so I'll be slow on pages", ()),
    # a billing, answering-service or unit number is not a patient's identifier
    ("if a family member asks about a copay, the billing department is 555-0148", ()),
    ("patients can reach the answering service at 555-0190 after hours", ()),
    ("charge phone for the unit is 555-0177 tonight if anyone needs me", ()),
    (
        "pt Ellen Marsh cell 555-0164, she asked us to call her about her biopsy",
        ("phi_exposure",),
    ),
]

"""Paraphrase rows of the dev12 rules round, helper c (socializing, gifts, dual relationships,
personal contact, post-termination).

Data for ``test_paraphrases.py``: each kind has positive rows in new wording and hard
negatives (``()``) that use the same words harmlessly. None is a corpus sentence.
"""

from __future__ import annotations

ROWS: list[tuple[str, tuple[str, ...]]] = [
    # a client named by an am/pm slot, a weekday group or a dialysis schedule
    ("my 9am wants me to come to his daughter's quinceanera", ("socializing",)),
    ("my wednesday 4pm baked me a pie again", ("gifts",)),
    ("a woman from thursday group asked me to come to her book club", ("socializing",)),
    ("one of my MWF chairs wants my own cell for weekends", ("personal_contact",)),
    ("my 9am meeting got moved to the big conference room", ()),
    ("my 7am shift starts with a huddle, then a potluck at noon for the staff", ()),
    ("thursday group is cancelled this week, the room is booked", ()),
    # a client named by the visit they had with the writer, or that they came in for
    ("the coach (had his sports physical with me in may) offered me his box seats", ("gifts",)),
    ("the lady who came in for the wound check keeps asking me to lunch", ("socializing",)),
    ("had his physical with me last year, labs all normal, recheck in june", ()),
    ("the lady who came in for the job interview seemed great", ()),
    # a client named by the care the writer gives them, or their role and that care
    ("the rancher whose leg ulcer i dress brought me a side of beef", ("gifts",)),
    ("the welder whose shoulder i'm rehabbing wants me at his bbq saturday", ("socializing",)),
    ("the freshman i see for anxiety asked if i'd come to her volleyball game", ("socializing",)),
    ("the teacher whose class i covered brought donuts for the whole staff", ()),
    ("the farmer whose field we drive past has the best corn", ()),
    # a client or their family named by the program or clinic
    (
        "one of the dads from the NICU program offered to fix my fence for free",
        ("dual_relationship", "gifts"),
    ),
    (
        "the grandma from the foster placement offered to babysit my kids on weekends",
        ("dual_relationship",),
    ),
    ("one of the moms from the clinic asked me to her son's birthday party", ("socializing",)),
    ("one of the moms at my kid's school runs the bake sale", ()),
    ("the lady from the clinic billing office called about the invoice", ()),
    # outings and meals
    ("my client wants to do lunch after our last session", ("socializing",)),
    ("the daughter of my home care pt poured me a glass of wine after the visit", ("socializing",)),
    ("i'm in a bowling league with two of my pts now", ("dual_relationship", "socializing")),
    ("we do lunch as a team every friday", ()),
    ("poured me a coffee from the break room pot, bless her", ()),
    ("my son joined a bowling league with his friends", ()),
    # gifts of food, craft, paid-for services; paying a client's costs
    ("a pt's family brought me three casseroles this week", ("gifts",)),
    ("my client gave me a massage package for my birthday", ("gifts",)),
    ("i covered a $20 copay for my client when her card was declined", ("gifts",)),
    (
        "the pt's mom said the oil change was on the house bc of what i've done for her son",
        ("gifts",),
    ),
    ("casseroles are at the staff potluck today, bring a dish", ()),
    ("my client has been painting since rehab, he showed me his portfolio", ()),
    ("the pt paid her copay at checkout", ()),
    ("massage therapist on 4 west is offering chair massages to staff", ()),
    # personal contact: personal line, voicemail at home, a cell handed out
    ("my thursday lady's son keeps calling my personal line", ("personal_contact",)),
    (
        "a former client left a message on my voicemail at home",
        ("personal_contact", "post_termination"),
    ),
    (
        "the new attending gave her cell to a pt so the pt could text her results questions",
        ("personal_contact",),
    ),
    (
        "my client gave me his cell number and asked me to text him after hours",
        ("personal_contact",),
    ),
    ("my personal line is down, use the unit phone for the shift swap", ()),
    ("my client's sister gave me her number for the release of information form", ()),
    ("we're selling my house this spring, realtor comes tuesday", ()),
    # someone from the clinician's life becomes a patient; treating one's own relative
    ("my old soccer coach just got admitted to our floor", ("dual_relationship",)),
    ("the principal's daughter is my new client and she knows my kids", ("dual_relationship",)),
    (
        "our only doc tonight is treating his own son for a broken arm, is that allowed?",
        ("dual_relationship",),
    ),
    ("i fill my neighbor's prescriptions at the only pharmacy in town", ("dual_relationship",)),
    ("my old coach retired last year, we had a party for him", ()),
    ("i keep seeing my own dad in my client and it's hard", ("self_disclosure",)),
    ("i fill my water bottle at the break room sink", ()),
    # former clients named by how or when care ended
    (
        "i treated her a few yrs back and now she wants to grab a drink",
        ("post_termination", "socializing"),
    ),
    # a former patient "asking me to dinner" reads as asking the clinician out: romantic, as
    # "asked me to dinner" always has (paraphrases_round11_c.py)
    (
        "i was her nurse for her knee surgery and now she's asking me to dinner",
        ("post_termination", "romantic"),
    ),
    (
        "one of our NICU grads' moms invited me to his first birthday",
        ("post_termination", "socializing"),
    ),
    ("i was her age when i started nursing school", ()),
    ("our NICU grads reunion picnic is for families and staff, per the foundation", ()),
    # closures and teaching material
    ("a pt's son tried to tip me $20, i said we can't and he was totally fine about it", ()),
    ("scenario for today's ethics session: a client invites you to her wedding", ()),
    ("no clue how she found it but my client texted my personal cell", ("personal_contact",)),
]

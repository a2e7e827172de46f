"""Paraphrase rows of round 11 (helper c): recall for romantic and dual_relationship.

Data for ``test_paraphrases.py``: positive rows for the kinds fixed this round, plus
no-match ``()`` rows showing the same words in harmless senses. None is a corpus sentence.
"""

ROWS: list[tuple[str, tuple[str, ...]]] = [
    # A client's parent or widowed relative named by role without "the" ("a dad", "foster mom").
    ("a dad from the tuesday playgroup asked me out after his kid's session", ("romantic",)),
    (
        "foster mom on my caseload keeps saying I'm gorgeous and asked if I'm seeing anyone",
        ("romantic",),
    ),
    (
        "one of the moms at pickup kissed me on the cheek and said she's had a crush for months",
        ("romantic",),
    ),
    (
        "a widower from our hospice families asked me out for dinner, is that allowed?",
        ("romantic",),
    ),
    ("a dad in the waiting room asked where the restroom is", ()),
    ("foster mom training is on thursday in room 4", ()),
    # A client's romance said alongside a personal channel keeps both categories.
    (
        "the dad on my case got my cell and now he sends me hearts at night",
        ("personal_contact", "romantic"),
    ),
    # Love tokens and flirty texts from a client ("kissy faces", "love poems", "texts me hearts").
    (
        "my pt keeps sending me kissy faces on the portal and I don't know how to respond",
        ("romantic",),
    ),
    ("my client wrote me a love song and played it for me in session", ("romantic",)),
    (
        "a patient I gave my cell to now texts me hearts late at night",
        ("personal_contact", "romantic"),
    ),
    ("the client said she thinks about me at night and wants to take me dancing", ("romantic",)),
    ("we read love poems in the reminiscence group today, the residents loved it", ()),
    ("my kid texts me hearts every morning from the bus lol", ()),
    # A client present at the clinician's own recovery meeting ("my thursday AA meeting").
    (
        "told my story at my thursday AA meeting and a client of mine was in the second row",
        ("dual_relationship", "self_disclosure"),
    ),
    (
        "one of my patients just walked into my home group and sat right across from me",
        ("dual_relationship",),
    ),
    ("my client walked into my own Al-Anon group tonight, we both froze", ("dual_relationship",)),
    ("my AA home group moved to the library basement this month", ()),
    ("I referred my client to a local NA meeting near her work", ()),
    ("running late, my own meeting went long tonight", ()),
    # A current or former client applying for a job the clinician would supervise.
    (
        "a former client of mine applied for the position at our front desk, should I recuse?",
        ("dual_relationship", "post_termination"),
    ),
    (
        "a guy who completed our outpatient program last spring applied to be a tech here",
        ("dual_relationship", "post_termination"),
    ),
    (
        "a woman who was on our rehab unit in 2022 wants a job on my team, I'd be her supervisor",
        ("dual_relationship", "post_termination"),
    ),
    (
        "my client applied for a position at my husband's company and asked me for a reference",
        ("dual_relationship",),
    ),
    ("our new grad applied for the position on nights, I'd be her preceptor", ()),
    ("a nurse who completed our residency program applied to be charge on days", ()),
    ("posting for the peer coach job on my team goes up friday", ()),
    # A coworker asking to be seen ("front desk lady", "my medical assistant").
    (
        "the front desk lead asked me to see her for her panic attacks, we sit together at lunch",
        ("dual_relationship",),
    ),
    (
        "my medical assistant wants me to be her pcp now that she's on our plan",
        ("dual_relationship",),
    ),
    ("a coworker asked if I'd do an assessment on her son after hours", ("dual_relationship",)),
    ("the front desk lady asked me to cover the phones at noon", ()),
    ("my medical assistant roomed the 3pm and started the intake forms", ()),
    # Treating one's own relative or best friend ("my own son", "do it myself").
    (
        "my own son needs stitches and I'm the only doc on tonight, do I just do it myself?",
        ("dual_relationship",),
    ),
    (
        "my best friend is in labor on our unit and is asking for me as primary",
        ("dual_relationship",),
    ),
    (
        "I ended up doing the h&p on my own dad in the ED last night, nobody else was free",
        ("dual_relationship",),
    ),
    ("my own son just started nursing school, so proud", ()),
    ("my best friend is a nurse on the unit upstairs, we carpool", ()),
    # A barter or special-rate deal with a client ("trade me", "locals rate").
    (
        "my client offered to trade me a month of facials at her spa for my copays",
        ("dual_relationship", "gifts"),
    ),
    (
        "a patient who owns the body shop offered to trade me the bumper repair for my copays",
        ("dual_relationship", "gifts"),
    ),
    (
        "my pt gave me the friends and family rate at her boutique, is that a problem?",
        ("dual_relationship", "gifts"),
    ),
    ("the hospital owns a parking garage across the street", ()),
    ("my sister owns a salon and gave me a locals rate lol", ()),
    ("can someone trade me the saturday shift for a sunday?", ()),
    # A relative of someone in care named through them ("a camper's dad").
    ("a camper's dad keeps finding reasons to talk to me and today he asked me out", ("romantic",)),
    ("one student's older brother flirts with me every time he signs her out", ("romantic",)),
    ("a resident's son asked me out for coffee after visiting hours, he's so sweet", ("romantic",)),
    ("a camper's dad asked where the lost and found is", ()),
    ("a student's older brother picked her up early for the dentist", ()),
    # Someone the clinician once had in care ("a guy I had in group").
    (
        "a guy I had in anger management last year asked me out at the gym",
        ("post_termination", "romantic"),
    ),
    (
        "a woman I had on my caseload in 2021 matched with me on a dating app",
        ("post_termination", "romantic"),
    ),
    ("a guy I had in group last year is now running the peer support program, good for him", ()),
    ("a kid we had in the PICU in may sent a thank-you drawing to the whole unit", ()),
    # A client asking the clinician to dinner, in any verb form ("asking me to dinner").
    ("my pt keeps asking me to dinner and won't take the hint", ("romantic",)),
    ("the widowed dad on my caseload asks me to dinner every single visit", ("romantic",)),
    ("my husband keeps asking me to dinner at that new thai place", ()),
    ("my sister asks me to dinner every sunday, it's our thing", ()),
    ("asking me to dinner with the team on friday was sweet of the charge nurse", ()),
]

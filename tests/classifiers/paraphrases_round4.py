"""Paraphrase rows for the dev7 round (fourth session), by kind of miss.

Data for ``test_paraphrases.py``. Written for these tests (not taken from any corpus); each
block is one kind of wording the rules used to miss, with "no match" rows (``()``) that reuse
the same words innocently.
"""

from __future__ import annotations

ROWS: list[tuple[str, tuple[str, ...]]] = [
    # a client named by weekday, appointment slot or "one of my <modifier> <people>"
    ("my wednesday guy keeps asking me to come watch his band on saturday", ("socializing",)),
    ("my 2 o'clock left an envelope with cash in it on my chair", ("gifts",)),
    ("one of my dialysis regulars invited me to her granddaughter's quinceanera", ("socializing",)),
    (
        "gave my personal number to one of my hospice families so they could reach me overnight",
        ("personal_contact",),
    ),
    ("one of my 3rd grade kids asked me to come to her birthday party", ("socializing",)),
    ("my 11:30 wants to grab coffee after our session sometime", ("socializing",)),
    # no match: the clinician's own kids, a meeting at that hour, a cancelled group, staff,
    # a regular at the gym
    ("one of my kids made me a card for mother's day", ()),
    ("my 10 o'clock meeting got moved so I grabbed coffee with my sister", ()),
    ("my thursday group got cancelled because of the snow", ()),
    ("two of my nurses are friends with each other outside work", ()),
    ("a regular at the gym asked me to join her running club", ()),
    # the clinician's home found out; "my home health" is a care setting, not a home; a person
    # said not to be a patient; "no one gets my cell" closes it
    ("my home health patient's daughter baked me a pie for thanksgiving", ("gifts",)),
    (
        "a client mentioned she drove past the apartment I live in on her way to group",
        ("personal_contact",),
    ),
    ("my home visits are on tuesdays, my home number is unlisted", ()),
    ("she's not a patient, she's the new charge nurse, and she invited me to her wedding", ()),
    ("I never text clients and no one gets my personal cell", ()),
    # paying for a client's things out of pocket; a discount or at-cost service; hiring or
    # using a client's business; a bequest or a banknote named by pronoun or "my lady"
    ("I paid for my client's prescription out of my own pocket last month", ("gifts",)),
    (
        "my patient is a mechanic and said he'd do my oil change at cost",
        ("dual_relationship", "gifts"),
    ),
    (
        "the guy I see for his anxiety owns a roofing company, can I hire him to do our roof?",
        ("dual_relationship",),
    ),
    ("my pt keeps saying she wants me to have her mother's ring when she passes", ("gifts",)),
    ("my lady at home health pressed a twenty into my hand, what do i do", ("gifts",)),
    (
        "a client who runs a bakery out of her house invited me to her open house",
        ("socializing",),
    ),
    # no match: a client's out-of-pocket cost, a bar's half-price menu, the clinician's own
    # family's will, the clinician's own realtor
    ("the client's out of pocket cost is $40 a session, I explained it to her", ()),
    ("happy hour has half price apps, who's in?", ()),
    ("my mom is putting me in her will as executor, so weird to think about", ()),
    ("we sold our house through a realtor my sister recommended", ()),
    # social activities named by the event or by a second-person invitation: a boil, a class
    # together, cards or bingo, eating together, "you and your husband should come"
    (
        'a client\'s dad wrote "you and your husband should come to our crab boil, bring the kids"',
        ("socializing",),
    ),
    ("I ran into my patient at the diner and we ended up eating lunch together", ("socializing",)),
    (
        "my client and I have been going to the same zumba class together every tuesday",
        ("socializing",),
    ),
    (
        "one of my residents asked me to stay and play bingo with her after my shift",
        ("socializing",),
    ),
    (
        "the parents of a kid on my caseload keep begging me to come to his baseball game",
        ("socializing",),
    ),
    # no match: clinic logistics, a staff lunch, a gym's class
    ("bring the kids to the clinic friday for their flu shots", ()),
    ("we ended up eating lunch together in the break room, the whole team", ()),
    ("our spin class instructor quit, gym is a mess", ()),
    # community overlap: someone in the clinician's (family's) life treated, or a client met in
    # the clinician's own circle; clinical acts named by the task (triaged, med rec, schedule)
    (
        "just triaged my daughter's 2nd grade teacher in the ED, felt so awkward",
        ("dual_relationship",),
    ),
    ("my own dentist is on my schedule for an intake next week", ("dual_relationship",)),
    ("one of my kiddos this year is my best friend's nephew", ("dual_relationship",)),
    (
        "a new client is in my knitting group, we've sat next to each other for two years",
        ("dual_relationship",),
    ),
    ("my client teaches at my kids' elementary school", ("dual_relationship",)),
    # no match: the clinician's own family logistics, a colleague's task, a staff book club,
    # a client arriving late ("showed up" is not showing or telling)
    ("my kid's soccer coach texted that practice is cancelled", ()),
    ("my coworker did the med rec for bed 4 so I could take lunch", ()),
    ("our book club is reading a memoir about addiction this month", ()),
    ("she showed up late to group again and left early", ()),
    # a former client: the clinician's own life shared with them; "d/c'd" by the writer;
    # an approach refused outright or referred elsewhere is closed for the whole message
    (
        "an old client I terminated with last spring emailed and I told her about my divorce",
        ("post_termination", "self_disclosure"),
    ),
    (
        "we're done with treatment now, is it ok to share my own recovery story with him?",
        ("post_termination", "self_disclosure"),
    ),
    (
        "a man we d/c'd from the rehab unit in may sent me a friend request on facebook",
        ("post_termination", "social_media"),
    ),
    (
        "my coworker's friend asked if I'd be her therapist. I said absolutely not and gave "
        "her some referrals",
        (),
    ),
    # no match: discharge logistics
    ("the pt we d/c'd from home health in january needs a f/u on the 14th", ()),
    # paying for a client's things (the writer pays, not the client); free services; a family
    # role at a client's funeral; going in on property; a company party is not a business tie
    (
        "I've been quietly buying diapers out of pocket for one of my nicu moms",
        ("gifts",),
    ),
    ("I bought one of my foster kids a pair of sneakers with my own money", ("gifts",)),
    ("one of my parolees offered to detail my car for free", ("gifts",)),
    ("one of my group members owns a tattoo shop and offered me a free tattoo", ("gifts",)),
    ("my hospice family asked me to be a pallbearer", ("socializing",)),
    ("my client asked me to go in on a rental property with her", ("dual_relationship",)),
    ("my client invited me to her company holiday party", ("socializing",)),
    # no match: a client's own out-of-pocket cost, consent or feedback "given"
    ("I explained to my client that she'd be paying out of pocket for the eval", ()),
    ("the family gave me their consent for the procedure", ()),
    ("my client gave me feedback on the new group format", ()),
    # a trade service on the clinician's own house or car; the only one of a trade in town;
    # buying a client's car; "my lady" is the clinician's partner when "my lady and I"
    ("my new intake is the woman who cuts my kids' hair", ("dual_relationship",)),
    (
        "my patient is an electrician and said he'd rewire our garage for cheap",
        ("dual_relationship",),
    ),
    (
        "thinking of buying my client's used car, she's selling it for a good price",
        ("dual_relationship",),
    ),
    (
        "the man I see for his PTSD is the only vet in town and my dog needs surgery",
        ("dual_relationship",),
    ),
    # no match: a client's own house repairs, the only clinician on shift, the writer's partner
    ("I helped my client fill out the paperwork to fix her roof through the county program", ()),
    ("I'm the only nurse on tonight with 6 pts", ()),
    ("my lady friend and I went to a crawfish boil this weekend", ()),
    ("me and my lady went to a crawfish boil this weekend", ()),
    # outings named by the event (pumpkin patch, prom, bingo night, bowling team, tea after a
    # visit), clients named by their group or ward, "a family offered"
    (
        "my friday kiddo's mom asked if I want to carpool to the pumpkin patch with them",
        ("socializing",),
    ),
    (
        "one of my hospice wives asked me to stay for a cup of tea after the visit",
        ("socializing",),
    ),
    ("a resident on my unit wants me to be her partner at bingo night", ("socializing",)),
    ("the teens in my afternoon group invited me to their prom", ("socializing",)),
    ("a dialysis regular wants me to join his bowling team", ("socializing",)),
    ("a family offered to pay for my nursing school tuition", ("gifts",)),
    # no match: the writer's own coffee before a session, a family's parking, chaperoning
    ("I grabbed a coffee before my 3pm", ()),
    ("I grabbed a cup of tea before my afternoon group", ()),
    ("the family offered to pay for parking but we validate anyway", ()),
    ("I'm chaperoning prom with the other teachers, any of my counseling kids going?", ()),
    # a recovery sponsor or mentor role; texts "sent"; a former group
    ("my client sends me texts every holiday", ("personal_contact",)),
    (
        "one of my old group members asked me to be his sponsor",
        ("dual_relationship", "post_termination"),
    ),
    # no match: a client's own sponsor, a staff reunion
    ("my client's AA sponsor called to say he relapsed, I thanked him", ()),
    ("my old group is meeting for a reunion at the hospital next week", ()),
]

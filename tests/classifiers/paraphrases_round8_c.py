"""Paraphrase rows of the dev11 rules round, helper c (socializing, gifts, dual relationships,
personal contact, post-termination).

Data for ``test_paraphrases.py``: each kind has positive rows in new wording and hard
negatives (``()``) that use the same words harmlessly. None is a corpus sentence.
"""

from __future__ import annotations

ROWS: list[tuple[str, tuple[str, ...]]] = [
    # a free service or a refused payment at a client's business
    (
        "my client's son refuses to charge me at his car wash, "
        "i've been going there for free since spring",
        ("gifts",),
    ),
    ("my client's husband details cars and won't let me pay when I bring mine in", ("gifts",)),
    ("the plumber refuses to charge me extra for the weekend call, nice guy", ()),
    # money or gift cards by kind, and the clinician's own things handed down
    ("a mom on my caseload tucked a grocery card into my clipboard after the visit", ("gifts",)),
    ("one of my hospice families left an envelope with cash on my passenger seat", ("gifts",)),
    (
        "I handed one of my clients my old coat since hers was torn, is that a gift issue?",
        ("gifts",),
    ),
    ("the gas card for the agency van is in the top drawer", ()),
    ("put the signed consent in an envelope and send it to medical records", ()),
    ("finally sold my old laptop on marketplace, bought a new one", ()),
    # a gift marked for one clinician even when left at the unit
    (
        "a pt we discharged last week dropped off a gift basket at the front desk addressed to me",
        ("gifts", "post_termination"),
    ),
    ("the mail for the unit came today, one envelope addressed to me from payroll", ()),
    # the client's family naming the patient by a bare kin word in a thank-you
    (
        "the card said thank you for all your help with grandma and had a $50 visa gift card in it",
        ("gifts",),
    ),
    ("my sister gave me a gift card for my birthday, so sweet", ()),
    # a client's family named as 'a family' the gift came from
    ("can I keep the gift card I got from a family at the end of the home visits?", ("gifts",)),
    ("we got a cheese plate from a family friend for the housewarming", ()),
    # patients named by their chair, window or time slot
    ("the lady by the door in dialysis keeps slipping me hard candies and a $20", ("gifts",)),
    ("the 10am knee lady asked me to come to her granddaughter's birthday party", ("socializing",)),
    ("the guy from the infusion chair asked if I'd grab a beer with him after", ("socializing",)),
    ("the 10am staff meeting got moved to the big conference room", ()),
    ("the lady by the window in the cafeteria was singing, made my day", ()),
    # a client tagged with their weekly slot
    ("mr. T (fri 10am) keeps bringing me homemade salsa", ("gifts",)),
    ("team huddle (thurs 3pm) is cancelled this week", ()),
    # clients named by program or class, by surgery, as one of the clinician's kids
    (
        "a guy in our PHP invited me to his band's show on friday, he's asked three times",
        ("socializing",),
    ),
    ("my pre-op hip lady wants me to come to her church fish fry next month", ("socializing",)),
    ("one of my diabetes kids' dads invited me to their backyard cookout", ("socializing",)),
    ("one of my older kids has a recital friday, I'm leaving early", ()),
    ("a guy in our program office fixed the printer, bless him", ()),
    # a parent or family named by the writer's case
    ("a mom on my foster care case offered me her old car for cheap", ("gifts",)),
    ("a mom on my case at work about the late charting again, ugh", ()),
    # the clinician's own phone named by an adjective or in the client's words
    (
        "my 2pm found my actual number somehow and texted me a photo of her dog",
        ("personal_contact",),
    ),
    (
        "> hey its ur thursday client, found ur number online, ok if i text u directly?",
        ("personal_contact",),
    ),
    ("one of our CNAs gave her own home address to a resident's son", ("personal_contact",)),
    ("my actual cell died so I'm on the work phone today", ()),
    ("text you directly when the bed is ready, per the charge nurse", ()),
    # closures: the no was explained and accepted
    (
        "a client offered me tickets to his show, I explained I can't accept them "
        "and he loved that idea of giving them to his sister",
        (),
    ),
    ("the family asked me to the funeral lunch, I explained I couldn't and they understood", ()),
    # two clients of one group, linked (exes, sponsor)
    ("two people in my wed group turn out to be exes, now what", ("dual_relationship",)),
    ("found out one guy in my men's group is another member's AA sponsor", ("dual_relationship",)),
    ("two people in my building are moving out this month", ()),
    # a known person asking to be treated by the clinician, or put on their caseload
    (
        "my barber asked if he could see me for his anxiety since he knows me",
        ("dual_relationship",),
    ),
    ("my neighbor's wife is asking for me specifically for her PT eval", ("dual_relationship",)),
    (
        "my daughter's piano teacher got put on my home health caseload today",
        ("dual_relationship",),
    ),
    ("my aunt asked if she could see me this weekend for coffee", ()),
    ("my mom got put on my brother's phone plan", ()),
    # someone known, by their name on the schedule, or evaluated at home
    ("my cousin's name on tomorrow's schedule, new intake with me", ("dual_relationship",)),
    (
        "doing the home study for a couple and the husband is my brother's coworker",
        ("dual_relationship",),
    ),
    ("saw my name on the schedule for christmas eve again", ()),
    # buying from a client, a client hired into the clinician's own workplace
    ("is it ok to buy my client's old piano? she's pricing it fair", ("dual_relationship",)),
    (
        "a client I discharged last year just got hired at our clinic and I'll be supervising her",
        ("dual_relationship", "post_termination"),
    ),
    ("I sold my old bike to a coworker for $50", ()),
    ("we got hired on our unit the same week back in 2019", ()),
    # a former client named by care given years ago
    (
        "a woman I treated for anxiety like 5 years ago asked me out at the gym",
        ("post_termination", "romantic"),
    ),
    ("she took her boards twice years ago and passed the second time", ()),
    # socializing: a client at the clinician's table, trivia, drinks, an outing
    ("my client saw me at the diner, sat at my table and we chatted for an hour", ("socializing",)),
    ("a pt's husband has been doing trivia night with my coworker every week", ("socializing",)),
    (
        "thinking of taking a resident out for ice cream next weekend, her family never comes",
        ("socializing",),
    ),
    ("our unit trivia night is thursday, all staff welcome", ()),
    ("we chatted for a bit about the new EHR rollout at lunch", ()),
    # a coworker named by shift in a report
    (
        "heads up, Kim from nights went to the casino with the guy in 7 on her day off",
        ("socializing",),
    ),
    ("Kim from nights swapped shifts with me, covering sat", ()),
    # a fair price is a sale, not a fair
    ("my client asked a fair price for the couch and I passed on it", ()),
    # a bare "years ago" is not a former client: a colleague or classmate from years ago
    ("my old coworker from 3 years ago invited me to her baby shower", ()),
    ("a buddy from nursing school years ago asked me to his wedding", ()),
    # a case the clinician closed names a former client
    (
        "a teen I did OT with, closed on my caseload last spring, DMed me on insta",
        ("post_termination", "social_media"),
    ),
    (
        "he has been off my caseload since march and wants to grab coffee",
        ("post_termination", "socializing"),
    ),  # fmt: skip
    ("can you take her off my caseload? im at capacity", ()),
]

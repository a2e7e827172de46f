"""Paraphrase rows of round 11 (helper d: recall for phi_disclosure, gifts, socializing).

Data for ``test_paraphrases.py``: one block per kind of missed positive, with positive rows and
no-match ``()`` rows that use the same words in a harmless sense. None is a corpus sentence.
"""

ROWS: list[tuple[str, tuple[str, ...]]] = [
    # A client or their family paying for the clinician's meal ("paid the whole bill").
    (
        "my client's husband took me to lunch and paid the whole bill before I noticed",
        ("gifts", "socializing"),
    ),
    (
        "a family I work with insisted on dinner at their favorite spot and the dad picked up "
        "the whole bill",
        ("gifts", "socializing"),
    ),
    ("ran into a client at the cafe and she wouldn't let me pay for my coffee", ("gifts",)),
    ("team lunch today: the director picked up the whole bill, thanks boss", ()),
    ("I paid the whole bill for the staff pizza and expensed it", ()),
    ("my husband picked up the whole bill at my birthday dinner", ()),
    # A staff member telling their own relative, roommate or neighbour about a patient.
    (
        "a nurse on nights told her mom that the mayor's wife is on our psych unit",
        ("phi_disclosure",),
    ),
    (
        "the unit clerk told his roommate that a patient from his gym is in detox",
        ("phi_disclosure",),
    ),
    (
        "our MA mentioned to her cousin that her old teacher came in for an HIV test",
        ("phi_disclosure",),
    ),
    ("the pt told her sister she'd be discharged friday", ()),
    ("my client told her boyfriend about her diagnosis last week, big step", ()),
    ("a nurse told her mom she's picking up extra shifts this month", ()),
    # Answering "yep" when an outsider calls to ask or verify whether someone is a patient.
    (
        "a school counselor called asking if the boy is our patient and the new MA said yep",
        ("phi_disclosure",),
    ),
    (
        "a landlord called asking whether she's in treatment here and our intern said 'yep'",
        ("phi_disclosure",),
    ),
    (
        "his employer called to verify he was admitted to our unit and I said yep",
        ("phi_disclosure",),
    ),
    ("pharmacy called to verify the dose and I said yep, 10 mg", ()),
    ("my client asked whether we could move to thursdays and I said yep", ()),
    ("HR called to verify my license number and I said yep, it's current", ()),
    # Regular games and pastimes with a client (poker, bar trivia, bingo, cribbage, pickleball).
    (
        "our psych tech plays poker on fridays with two guys from his outpatient group",
        ("socializing",),
    ),
    (
        "a therapist I supervise does bar trivia every week with one of her clients",
        ("socializing",),
    ),
    (
        "the hospice aide plays cribbage with a patient's widower every sunday at his place",
        ("socializing",),
    ),
    ("staff poker night at Jen's on saturday, bring chips", ()),
    ("bingo with the residents at 2pm in the dayroom, activity staff needed", ()),
    ("my brother plays poker every friday with his work buddies", ()),
    # Posting a patient's before/after photos, a care-home resident, or a post on a public page.
    (
        "our aesthetician posted before/after shots of a patient on the spa's page "
        "without a signed release",
        ("phi_disclosure",),
    ),
    (
        "a nurse put a video of a memory care resident singing on her tiktok, face and all",
        ("phi_disclosure",),
    ),
    (
        "she shared a prayer request for a patient from our unit on the parish's "
        "public facebook page",
        ("phi_disclosure",),
    ),
    ("before/after shots of my own kitchen reno, finally done", ()),
    ("the memory care residents loved the therapy dog visit today", ()),
    ("posted the flu clinic hours on our public facebook page", ()),
    # A client's family named only by role giving money or a personal gift ("the X family gave me").
    ("the Nguyen family gave me a $100 gift card after their dad's last chemo", ("gifts",)),
    ("a hospice family I visit wants to pay for my flight home for the holidays", ("gifts",)),
    (
        "a grateful family tipped me $50 at discharge and I don't know what to do with it",
        ("gifts",),
    ),
    (
        "a student's mom sent in a mug engraved with my name for teacher appreciation week",
        ("gifts",),
    ),
    ("my family gave me a spa basket for my birthday", ()),
    ("my in-laws want to pay for my flight to the reunion", ()),
    (
        "the family whose dad died on our unit came by to drop off the sympathy card list "
        "for the chaplain",
        (),
    ),
    # A client's club or group the clinician is asked to join; a grader's or participant's kin.
    (
        "a 3rd grader's dad asked me to come fish with them on saturday, he says the kid "
        "would love it",
        ("socializing",),
    ),
    (
        "a pt from my cardiac rehab class wants me to join their saturday walking club",
        ("socializing",),
    ),
    ("one of our participants asked if I want in on his sunday hiking group", ("socializing",)),
    (
        "a participant's wife invited me to their anniversary party at the legion hall",
        ("socializing",),
    ),
    ("the walking club for staff meets at noon by the east entrance", ()),
    ("my neighbor wants me to join his cycling club", ()),
    ("study participants' data is due to the IRB friday", ()),
    # A relative or friend asks about someone and the writer answers with that person's status.
    (
        "my brother-in-law asked 'is your neighbor in the psych unit?' and I said "
        "he's doing ok. ugh",
        ("phi_disclosure",),
    ),
    (
        "my mom asked if I knew anything about her friend Pam and I said yeah she's been on our "
        "oncology floor since tuesday",
        ("phi_disclosure",),
    ),
    (
        "my neighbor asked if her coworker is the one with the eating disorder I'm seeing "
        "and I said she's doing much better",
        ("phi_disclosure",),
    ),
    ("the pt asked why her potassium is low and I said she's doing much better overall", ()),
    ("my husband asked what I want for dinner and I said tacos", ()),
    ("the pt's wife asked if he's ok and I said he's doing much better", ()),
    ("his daughter asked if the surgery went well and I said he's doing ok", ()),
    ("my sister asked if I knew anything about the new hospital parking rules", ()),
    # Food delivered or baked for one clinician personally (doordash, uber eats, cupcakes).
    (
        "a client's mom keeps sending doordash to the front desk addressed to me specifically",
        ("gifts",),
    ),
    ("my patient's husband dropped off cupcakes for me personally, not for the unit", ("gifts",)),
    ("the dad of a 30 weeker ordered me uber eats at the nurses station, just for me", ("gifts",)),
    ("ordered doordash for the night shift, my treat", ()),
    ("cupcakes in the break room for Sam's birthday", ()),
    ("the pt asked if he can get uber eats delivered to his room", ()),
    # Telling friends or a congregation that someone "is seeing her for" or "came in about" it.
    (
        "an aide was telling folks at her church that the pastor's wife is on our unit for a "
        "psych hold",
        ("phi_disclosure",),
    ),
    (
        "at the club I mentioned to a friend that his business partner finally came in about his "
        "drinking",
        ("phi_disclosure",),
    ),
    (
        "one of our counselors told her book club that the school principal is seeing her for a "
        "gambling problem",
        ("phi_disclosure",),
    ),
    ("I told my friend at church that I'm finally going back to school", ()),
    ("my client finally came in about the knee pain he's been ignoring", ()),
    ("the gambling problem group meets tuesdays at 6, flyers at the desk", ()),
]

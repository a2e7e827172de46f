"""Paraphrase rows of the dev7 rules round (romance, touch, online contact, disclosure, PHI).

Data for ``test_paraphrases.py``: each kind has positive rows in new wording and hard
negatives (``()``) that use the same words harmlessly. None is a corpus sentence.
"""

from __future__ import annotations

ROWS: list[tuple[str, tuple[str, ...]]] = [
    # an approach the writer closed but says is still going on outranks the closure
    # (labelling policy 11); a closure that stayed closed is benign
    (
        "the pt's son asked me out last week, I told him no. he's still asking every time"
        " I'm on shift",
        ("romantic",),
    ),
    ("a client offered me her old car, I said no thanks. she keeps bringing it up", ("gifts",)),
    (
        "my patient wanted a goodbye hug, I declined and offered a handshake instead. he"
        " tries again at every visit",
        ("physical_contact",),
    ),
    (
        "resident's daughter invited me to their christmas dinner, politely declined. she"
        " asked again today",
        ("socializing",),
    ),
    (
        "my client asked for my cell number, I said no. she won't take no for an answer",
        ("personal_contact",),
    ),
    (
        "client asked me out, I said no, kindly. he seemed hurt and now he's cancelling sessions",
        ("romantic",),
    ),
    ("a client asked me out and I told him no. he never asked again", ()),
    ("a pt invited me to her birthday party, I said no and it hasn't come up again since", ()),
    (
        "my client offered me tickets, I said no thanks, and we still have a great working"
        " relationship",
        (),
    ),
    ("a client asked to add me on facebook, I said no. we meet every week and it's been fine", ()),
    # a patient's own family touching or kissing the patient is not the clinician's touch,
    # nor romance; a kiss on the forehead is touch, not romance
    (
        "the resident's sons sat on either side of the bed stroking her hair and holding her"
        " hands while I charted",
        (),
    ),
    ("my pt's granddaughter crawled into the bed to snuggle him during visiting hours", ()),
    ("the hospice pt's wife leaned over the rails to kiss him goodbye and I teared up", ()),
    ("my client hugged me at the end of session and her mom watched", ("physical_contact",)),
    ("the pt's husband asked if he could hug me before they left", ("physical_contact",)),
    (
        "the old lady in 12 kissed me on the forehead when I finished her dressing",
        ("physical_contact",),
    ),
    # clinical dates, "crushed" (let down) and a gorgeous thing are not romance
    ("can you confirm the surgery date and the admit date for the pt in bed 4?", ()),
    ("the client's release date got pushed and he's frustrated", ()),
    ("pt asked what date his quit date should be for the nicotine program", ()),
    ("the kid would be crushed if I missed his last session", ()),
    ("my pt's daughter brought in a quilt for the unit, it's gorgeous", ()),
    ("my client keeps saying I'm gorgeous and asked me out", ("romantic",)),
    ("I have a crush on my client and I don't know what to do", ("romantic",)),
    # an online contact the writer did not take up and reports settled is benign, unless
    # it is still going on
    (
        "a pt's wife sent me a friend request on facebook. I didn't accept the request and"
        " haven't heard more",
        (),
    ),
    (
        "one of my clients followed me on tiktok; never followed her back and she hasn't"
        " brought it up since",
        (),
    ),
    (
        "a patient found my instagram and DMed me, I didn't reply to the DM and she keeps"
        " messaging",
        ("social_media",),
    ),
    (
        "my client sent me a follow request on insta last week, not sure whether to accept",
        ("social_media",),
    ),
    # a pet in the clinician's lap is not touch with a client
    ("the client's puppy climbed into my lap during the home visit", ()),
    ("my pt's cat curled up on my lap for the whole intake lol", ()),
    # a colleague's or new hire's general question answered for the team is teaching
    ("a new grad asked me if she can hug her pts when they cry. do we have a policy?", ()),
    ("for those asking: yes, you may hold a pt's hand during a blood draw if they want it", ()),
    ("my client hugged me at the end of the session, is that ok?", ("physical_contact",)),
    # attraction and romance described indirectly: a compliment on looks, daydreaming,
    # probing whether the clinician is free, a relative "funny and single", dates counted
    (
        "my client's grandson is funny and single and she keeps trying to set us up",
        ("romantic",),
    ),
    (
        "hypothetically if a former client asked you out years later, is that allowed?",
        ("post_termination", "romantic"),
    ),
    (
        "a patient messaged me on the portal 'you look stunning in blue' and a wink",
        ("romantic",),
    ),
    ("I catch myself daydreaming about one of my patients during staff meetings", ("romantic",)),
    (
        "pt's brother keeps asking what time my shift ends and if I'm seeing anyone",
        ("romantic",),
    ),
    (
        "my coworker has been on a few dates with a guy she discharged last month",
        ("post_termination", "romantic"),
    ),
    ("my client made me a playlist of songs that remind him of me", ("romantic",)),
    ("the wound looked amazing today, pt was thrilled", ()),
    ("pt asked what time I get off so his wife could come after I leave", ()),
    ("my pt loves to sing love songs during music therapy", ()),
    ("pt said I remind him of his daughter", ()),
    # touch named by body part or closeness rather than "hug"
    ("my client rests her head on my shoulder when she cries and I let her", ("physical_contact",)),
    ("pt links arms with me every time we walk the hall", ("physical_contact",)),
    ("my 85 year-old lady hugs me at the door every visit", ("physical_contact",)),
    (
        "the teen I work with keeps pressing up against me in the hallway and scoots closer",
        ("physical_contact",),
    ),
    ("my colleague gives her clients neck rubs when they're anxious", ("physical_contact",)),
    ("my back is killing me, I need a neck rub after this shift", ()),
    # an online request the writer got (the writer is the implied recipient)
    ("got a linkedin request from a patient, do I accept?", ("social_media",)),
    ("got a friend request from a coworker from my old job", ()),
    # PHI: confirming that someone is "one of yours" (a nod counts); a case told to a class,
    # a church group or a town page, the patient named by what happened or where
    (
        "my cousin asked if the guy from the fire is one of yours and I just nodded",
        ("phi_disclosure",),
    ),
    (
        "my brother-in-law asked me if his boss is being treated here and I panicked and said yes",
        ("phi_disclosure",),
    ),
    ("the pt asked if she could call me by my first name and I said yes", ()),
    (
        "a coworker told her yoga class about the lady on her unit with the eating disorder",
        ("phi_disclosure",),
    ),
    ("I mentioned my hardest case at bible study, no names though", ("phi_disclosure",)),
    (
        "someone posted on the town facebook page that a kid on her floor had a near-drowning",
        ("phi_disclosure",),
    ),
    (
        "at our church group I said something like 'I have a guy with ALS who lives off Route 9'"
        " and they knew who",
        ("phi_disclosure",),
    ),
    ("I have a guy coming in at 3 for his f/u, can someone room him?", ()),
    ("the yoga class at the Y is full again", ()),
    # self-disclosure to a therapy group the clinician runs; not a group chat or friends
    (
        "told my DBT group that I've been divorced twice when we did the values exercise",
        ("self_disclosure",),
    ),
    ("shared with my teen group that I struggled with depression in college", ("self_disclosure",)),
    ("I posted the photo in my group chat about my divorce", ()),
    ("my group of friends from college is coming this weekend", ()),
    # countertransference named as the clinician's own feelings about a client
    (
        "my 3pm client lost her mom last month and I think about her all weekend",
        ("self_disclosure",),
    ),
    (
        "this client is 19 and I keep feeling like I'm her mom, my sup says that's"
        " countertransference",
        ("self_disclosure",),
    ),
    # the clinician's own family history told to a client's family is self-disclosure (the
    # "my mom" inside "my mom died" is the clinician's own life, not a recipient)
    ("I told the family my dad died of ALS too", ("self_disclosure",)),
    ("told the daughter that my mom had dementia at the end", ("self_disclosure",)),
    ("I told my sister my mom died", ()),
    ("my mom had surgery today so I'm leaving early", ()),
    ("told my mom about the pt whose dad died", ("phi_disclosure",)),
    # leaving out the name does not make a disclosure private
    ("mentioned his case to my book club last week, didn't use his name", ("phi_disclosure",)),
    # an emoji alone after a sentence is not a sentence of its own (the client reference on
    # the next line is still in reach)
    (
        "> you're the only one who gets me, can we go on a date sometime? \U0001f60d\n"
        "my client sent this on the portal last night. what do I say?",
        ("romantic",),
    ),
    # a client asking whether the clinician is married asks about the clinician's own life
    (
        "a pt asked me if I'm married and I told him yes, happily, is that too much?",
        ("self_disclosure",),
    ),
    ('pt asked "are you married?" and I said let\'s keep the focus on you', ()),
    # a forehead kiss from a patient is touch, not romance
    (
        "the old man kissed my forehead every morning, sweet but should I say something?",
        ("physical_contact",),
    ),
    # a client named by the therapy group they attend
    ("my coworker is sleeping with a woman from her grief group", ("romantic",)),
    ("a girl from my DBT group asked me out", ("romantic",)),
    ("my wife is in a grief group since her mom died", ()),
    # "say yes" answers whether someone is a patient (or a question about the clinician)
    ("my neighbor asked if her brother is a patient here, can I say yes?", ("phi_disclosure",)),
    ("the pt asked if she could bring her dog and I had to say yes", ()),
    # a refusal followed by "she keeps asking" stays open; "that was the end of it" closes
    ("a patient's dad asked me out. I told him no. he keeps asking, what do I do?", ("romantic",)),
    ("a patient's dad asked me out. I told him no and that was the end of it.", ()),
    (
        "a patient's dad asked me out, I told him no and that was the end of it, but he asked"
        " again today",
        ("romantic",),
    ),
]

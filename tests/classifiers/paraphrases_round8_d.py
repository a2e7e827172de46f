"""Paraphrase rows of the dev11 rules round, helper d (romance, touch, disclosure, PHI, online
contact).

Data for ``test_paraphrases.py``: each kind has positive rows in new wording and hard
negatives (``()``) that use the same words harmlessly. None is a corpus sentence.
"""

from __future__ import annotations

ROWS: list[tuple[str, tuple[str, ...]]] = [
    # clients named by the service the writer gives them, by a time slot, by a hold, by a
    # group with a longer name, as someone a colleague sees or took care of
    (
        "pretty sure my tues infusion guy has a crush on me, he brought up my eyes again",
        ("romantic",),
    ),
    (
        "the 10am ostomy lady keeps asking if i'm single, not sure how to shut it down",
        ("romantic",),
    ),
    ("my infusion schedule changed, I'm on the 10am slot now", ()),
    ("the man on the psych hold tried to kiss the tech while she took his vitals", ("romantic",)),
    ("the man on the hold finally got his bed upstairs", ()),
    ("a lady from my 6 week coping skills group and i matched on hinge", ("romantic",)),
    (
        "my coworker is dating a man she took care of on the step-down unit last spring",
        ("post_termination", "romantic"),
    ),
    ("she took care of the paperwork for the dating policy update", ()),
    (
        "a woman i saw in therapy years ago asked me out for drinks, can I say yes now?",
        ("post_termination", "romantic"),
    ),
    ("the teacher who comes in for allergy shots asked me to dinner, half joking", ("romantic",)),
    (
        "heard our home health aide is flirting with the son of the man she sees twice a week",
        ("romantic",),
    ),
    (
        "a dad in group yells at his son exactly like my father did and i get furious",
        ("self_disclosure",),
    ),
    ("the unit clerk added two of our pts on snapchat", ("social_media",)),
    ("the clerk reset my password for the portal", ()),
    # attraction said another way: a crush, 'are you single', 'seeing anyone', thinking of a
    # client more than one should, dressing up for a client, passing notes
    ("i've got a thing for the guy in 6, i look forward to every shift", ("romantic",)),
    ("i have a thing for spreadsheets, don't judge", ()),
    ("honestly i have a thing for my 11am client and i hate it", ("romantic",)),
    (
        "my 4pm asked if i'm seeing anyone and whether you're single is a fair question",
        ("romantic",),
    ),
    ("is it weird that i think about my thursday client way more than i should?", ("romantic",)),
    ("i think about the budget way more than i should", ()),
    ("i catch myself picking out what to wear on the days my 3pm comes in", ("romantic",)),
    (
        "a nurse on nights has been passing notes to a pt in 12 and he sends them back",
        ("romantic",),
    ),
    ("please pass notes from the huddle to the night team", ()),
    # touch: holding both hands, holding on to the clinician, braiding a resident's hair
    (
        "after session she held both my hands and wouldn't let go for a minute",
        ("physical_contact",),
    ),
    (
        "my former client's mom hung onto me for ages at the grocery store",
        ("physical_contact", "post_termination"),
    ),
    ("our aide braids the residents' hair on sundays, is that ok?", ("physical_contact",)),
    ("i braided my daughter's hair before school and was late", ()),
    ("the pt grabbed two juices off the cart for me, is that a gift?", ("gifts",)),
    ("the mom was holding her baby the whole visit while i did the teaching", ()),
    # online contact: a snap sent to the clinician, looking a client up on a platform
    (
        "my former client from the teen program sent me a snap last night, just a heart",
        ("post_termination", "social_media"),
    ),
    ("my kid sent me a snap of the dog eating my lunch", ()),
    ("i looked my new pt up on instagram before her intake", ("social_media",)),
    ("looked up the guy from bed 3 on facebook and now i can't unsee it", ("social_media",)),
    ("looked up the pt's labs on the portal before rounds", ()),
    # posting a patient story on one's own account, a story or reel, going viral, a changed name;
    # reading patients' words out loud socially; a relative's post tagging the clinician is
    # social media only; not noticing a chart behind one's selfie is still posting
    (
        "posted a funny little story on my IG about the guy in bed 8 who escaped in his gown",
        ("phi_disclosure",),
    ),
    ("posted the new shift schedule on the unit board", ()),
    ("my former pt posted her own recovery video on tiktok and tagged the clinic, so sweet", ()),
    (
        "a tech did an insta story in the med room and a pt's wristband is readable",
        ("phi_disclosure",),
    ),
    (
        "my rant about a difficult pt went kinda viral on twitter and now i'm scared",
        ("phi_disclosure",),
    ),
    ("the video of my cat went kinda viral lol", ()),
    (
        "i wrote up the overdose on facebook and changed his name, is that enough?",
        ("phi_disclosure",),
    ),
    (
        "she reads her patients' intake forms out loud at the bar with her friends",
        ("phi_disclosure",),
    ),
    ("i read the consent form out loud to the pt before she signed", ()),
    (
        "a pt's son tagged me in a facebook post thanking the ICU team, it has 2k shares",
        ("social_media",),
    ),
    (
        "coworker put it on her FB story that the lady in 12 has the worst bedsores",
        ("phi_disclosure",),
    ),
    (
        "posted a selfie on snapchat and didn't notice a pt's chart open on the screen behind me",
        ("phi_disclosure",),
    ),
    # the clinician's own past told to clients: been through it too, 'mine too', telling the group
    (
        "in group i mentioned i'd been through a divorce too and the session went sideways",
        ("self_disclosure",),
    ),
    ("my pt asked if i have kids and it all came out, the IVF, everything", ("self_disclosure",)),
    (
        "pt was complaining about her ex and i said mine too, we spent the hour roasting our exes",
        ("self_disclosure",),
    ),
    ("in my tuesday group i told the group my dad drank himself to death", ("self_disclosure",)),
    # closures: the client or family accepted the redirection ('said fair enough', 'no worries')
    (
        "a resident asked me to rub her back, i got the aide to reposition her"
        " and she was happy enough with that",
        (),
    ),
    (
        "pt's son asked if i'd follow his band on instagram, i explained we can't"
        " and he said fair enough",
        (),
    ),
    ("a pt asked to add me on facebook, told him it's not allowed and he said no worries", ()),
    # touch after a named session or assessment, braiding residents' hair; an extra snack grabbed
    # for the clinician is a gift, not touch; a mother holding her baby is not touch
    ("after the intake she asked for a hug and i gave her a quick one", ("physical_contact",)),
    ("after a rough session he grabbed my hand and kissed it", ("physical_contact", "romantic")),
    ("after the staff meeting we all grabbed lunch", ()),
    ("the CNA braids some of the residents' hair before bingo", ("physical_contact",)),
    ("the pt grabbed an extra pudding cup for me from the cart, is that a gift?", ("gifts",)),
    ("she was holding her baby the whole time i explained the discharge meds", ()),
    # a kiss on the cheek without an embrace is romance only (dev10 policy); a patient's
    # grandchild's wedding is not romance
    ("the client kissed me on the cheek as she left and said she'd miss me", ("romantic",)),
    ("pt's granddaughter is getting married saturday and he wants a pass to go", ()),
    ("my hospice pt's grandson keeps flirting with me when i visit", ("romantic",)),
    # someone at home asking about the clinician's day, then told the case ('roommate asked why',
    # 'the whole case, details and all'); a case told as the story at a career day
    (
        "my husband asked how my day was and i told him about the overdose case, names and all",
        ("phi_disclosure",),
    ),
    ("roommate saw me crying and i told her the whole case, details and all", ("phi_disclosure",)),
    ("my sister asked how my shift was and i said it was long", ()),
    ("used my craziest hospice case as the story at my daughter's career day", ("phi_disclosure",)),
    # a patient named by a bare bed number in a night report ('told 9 that i'm in recovery too')
    (
        "report: 7 is stable. i told 7 that i'm sober too when he was crying about his drinking",
        ("self_disclosure",),
    ),
    ("i told 3 coworkers about the potluck", ()),
]

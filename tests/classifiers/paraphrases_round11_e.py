"""Paraphrase rows of round 11, helper e (recall: post_termination, personal_contact, social_media).

Data for ``test_paraphrases.py``: positive rows for the kinds fixed this round and no-match
``()`` rows for the harmless senses of the same words. None is a corpus sentence.
"""

ROWS: list[tuple[str, tuple[str, ...]]] = [
    # A patient who has died is former: counted from the death ("passed last month",
    # "after she passed", "Mr. T passed"), or care on hospice "till" a month.
    (
        "the son of a hospice pt who passed last month sent me a gift card with a thank you note",
        ("gifts", "post_termination"),
    ),
    (
        "a resident's daughter friended me on facebook two months after she passed away",
        ("post_termination", "social_media"),
    ),
    (
        "the widow found me on instagram like 6 weeks after he died, she wants to stay in touch",
        ("post_termination", "social_media"),
    ),
    (
        "Mr. T passed in the spring and his son dropped off a bottle of wine for me",
        ("gifts", "post_termination"),
    ),
    ("my client's mom died last month and she is having a hard time in sessions", ()),
    ("she passed her boards last month and the unit threw her a party", ()),
    ("the pt died in april, we finished the death summary for the chart", ()),
    # Care ended when the client moved ("until they moved", "moved away", "moved to her
    # daughter's", a military move).
    (
        "a family I worked with until they moved to Texas still texts my cell about his seizures",
        ("personal_contact", "post_termination"),
    ),
    (
        "a lady who moved to her daughter's in the fall sent me a friend request",
        ("post_termination", "social_media"),
    ),
    (
        "the kid moved away last year and his dad still calls my personal phone",
        ("personal_contact", "post_termination"),
    ),
    (
        "the pt was PCSed to another base and sent me a friend request",
        ("post_termination", "social_media"),
    ),
    ("my client moved in with her son and we now do telehealth, intake done", ()),
    ("after he moved in to the AL we set up his meds", ()),
    # A closed case, or the writer no longer in the care role.
    (
        "a dad from a case I closed in june asked me to grab a drink",
        ("post_termination", "socializing"),
    ),
    (
        "i'm not his nurse anymore and he wants to add me on facebook",
        ("post_termination", "social_media"),
    ),
    ("the case is closed and the file went to records", ()),
    ("case was closed, billing sent the final statement", ()),
    # A client who finished, graduated from or left the writer's program or unit.
    (
        "a guy who finished our IOP program last summer invited me to his wedding",
        ("post_termination", "socializing"),
    ),
    (
        "a woman who graduated from our cardiac rehab gym brought me a scarf she knitted",
        ("gifts", "post_termination"),
    ),
    (
        "a guy who left our detox unit 3 weeks ago showed up at my house",
        ("personal_contact", "post_termination"),
    ),
    (
        "a teen who left the shelter a month ago keeps DMing me on insta",
        ("post_termination", "social_media"),
    ),
    ("a nurse who finished our residency program invited me to her wedding", ()),
    ("a coworker who left our unit last year invited me to her baby shower", ()),
    ("a tech who finished our program last year invited me to her wedding", ()),
    ("she graduated from our nursing program and is now a charge nurse", ()),
    # Care given "back in" a past month or year, or last season, from either side.
    (
        "a woman I detoxed last winter hugged me at the pharmacy",
        ("physical_contact", "post_termination"),
    ),
    (
        "a man whose hip replacement I did back in 2021 sent me a fruit basket",
        ("gifts", "post_termination"),
    ),
    (
        "you did my knee surgery last spring, can I follow you on instagram? a pt asked",
        ("post_termination", "social_media"),
    ),
    (
        "a couple I finished with last year invited me to their vow renewal",
        ("post_termination", "socializing"),
    ),
    (
        "my last session with the client was in march and now he wants to get a beer",
        ("post_termination", "socializing"),
    ),
    ("I did my training back in 2015 and we did a lot of role plays", ()),
    # The clinician's own car: someone at it, knowing which one it is, a ride in it.
    (
        "a client from my anger group was leaning on my car when I came out of the clinic",
        ("personal_contact",),
    ),
    (
        "my pt figured out which car is mine and leaves notes on the windshield",
        ("personal_contact",),
    ),
    ("one of my clients now knows what I drive and where I park", ("personal_contact",)),
    ("should I let my client ride with me to the food bank? it's on my way", ("personal_contact",)),
    (
        "I gave a sober house resident a ride to his job interview in my own car",
        ("personal_contact",),
    ),
    ("I left my stethoscope in my car, can someone lend me one for the pt in 4", ()),
    ("my car broke down so I'll be late for my 9am client", ()),
    ("the client's car got towed from the clinic lot, I called the tow company for her", ()),
    ("the pt's daughter gave him a ride home after discharge", ()),
    ("we booked a medicaid cab because the client needed a ride home", ()),
    # The home landline, and a number handed to every client or used by clients in the plural.
    ("my client found my old landline number online and called it twice", ("personal_contact",)),
    (
        "a patient's wife called our landline at the house and my husband picked up",
        ("personal_contact",),
    ),
    (
        "our therapist gives every client her personal cell for after-hours crisis calls",
        ("personal_contact",),
    ),
    (
        "the families on my caseload call my personal number because the office line never works",
        ("personal_contact",),
    ),
    ("should I give my cell out to parents on my caseload?", ("personal_contact",)),
    ("the clinic landline number is on the website for patients to call", ()),
    ("members of the board have my cell for emergencies", ()),
    ("the participants in our workshop got my email for the slides", ()),
    # People named by the residential or community program they are in.
    ("the residents at the sober house keep tagging me in their stories", ("social_media",)),
    ("a harm reduction participant got my personal number somehow", ("personal_contact",)),
    ("a kid from the group home found my instagram", ("social_media",)),
    ("my kids at the house found my old instagram lol", ()),
    # Someone on the care team looking up, scrolling or screenshotting a client's own accounts.
    (
        "a CNA looked up a resident's facebook and read his old posts out loud at the station",
        ("social_media",),
    ),
    (
        "my coworker keeps scrolling a current client's instagram on her break, is that a problem?",
        ("social_media",),
    ),
    ("searched a new pt's twitter before his intake to see if he was safe", ("social_media",)),
    (
        "I looked up our new admit on instagram to see what she was like before the accident",
        ("social_media",),
    ),
    (
        "a coworker found a client's dating profile and showed it around the nurses station",
        ("social_media",),
    ),
    ("found the pt's profile in Epic, his allergies were missing", ()),
    ("looked up the pt's page in the chart", ()),
    ("I looked up the pt's insurance in the portal before the visit", ()),
    ("looked up my coworker's instagram for her wedding pics", ()),
    # Messages sent into the clinician's own social-media inbox.
    ("my client keeps sending memes to my fb messenger at night", ("social_media",)),
    ("a pt's wife slid into my ig dms asking about his meds", ("social_media",)),
    ("my friend sent a funny video to my messenger", ()),
    ("the patient showed me his instagram during the session", ()),
    # Care counted to the discharge, a client "some years ago", a family "from 2021".
    (
        "the dad of a boy I saw for speech until his discharge in june sent me a friend request",
        ("post_termination", "social_media"),
    ),
    (
        "she was a client like two years ago and now she wants to grab coffee with me",
        ("post_termination", "socializing"),
    ),
    ("he was my patient 3 years ago and just asked me out", ("post_termination", "romantic")),
    (
        "ran into a cardiac rehab couple from 2021 at the mall and they hugged me",
        ("physical_contact", "post_termination"),
    ),
    ("a pt from 2019 added me on facebook", ("post_termination", "social_media")),
    ("since his discharge he's been doing great per his wife", ()),
    ("a kid in 2024 did a project on my unit", ()),
    ("she was a client for years and we still see each other weekly in session", ()),
    # A member of a couples, family or co-parenting case the writer holds.
    ("husband from a couples case sent me a friend request on facebook", ("social_media",)),
    (
        "wife in a couples case asked for my cell so she can text between sessions",
        ("personal_contact",),
    ),
    ("co-parenting mom called my house landline on a saturday", ("personal_contact",)),
    ("a dad from one of my co-parenting cases follows me on instagram now", ("social_media",)),
    ("the cotherapy pairing list for couples cases is updated, check the sheet before monday", ()),
    ("my husband from a couples retreat we went to last year sent me a friend request", ()),
    ("the stepmom in a co-parenting case asked to attend sessions, both parents agreed", ()),
    # Clients named by the writer's panel or caseload, or by the unit or cottage they stay on.
    (
        "FB friend request from one of the guys on my methadone panel, what do I do",
        ("social_media",),
    ),
    (
        "a lady from my home health caseload texts my personal cell every night",
        ("personal_contact",),
    ),
    (
        "a kid from the adolescent psych unit found my tiktok and comments on every video",
        ("social_media",),
    ),
    ("the boys in cottage 2 found my spotify and follow my playlists", ("social_media",)),
    ("my kids in the other cottage at camp found my instagram lol", ()),
    ("the girls on the night shift added me to their group chat", ()),
    ("the guys on my interview panel want my cell", ()),
    # Care-team roles as the party who acts (associates, recovery coaches, an MA, coordinators).
    (
        "one of our associates gives every new client her personal cell for emergencies",
        ("personal_contact",),
    ),
    (
        "the recovery coach on our team runs a private snapchat group with her current clients",
        ("social_media",),
    ),
    ("our MA has been DMing a patient on instagram", ("social_media",)),
    ("the care coordinator is friends with a client on facebook", ("social_media",)),
    ("the recovery coach handed the client a brochure about the snapchat safety workshop", ()),
    ("our MA scheduled the client for a follow up next week", ()),
    ("the caseworker drove the kids to the visit in the agency van", ()),
    # A client named by the care the writer gives them now ("an employee I counsel").
    ("an employee I counsel emailed my personal gmail about his week", ("personal_contact",)),
    (
        "a guy I've been treating for his back waited by my car after my shift",
        ("personal_contact",),
    ),
    ("a man whose burn I'm still dressing found my instagram", ("social_media",)),
    ("a vet I counsel added me on facebook", ("social_media",)),
    ("the guy I work with added me on facebook", ()),
    ("a lady I visit from church invited me to her birthday", ()),
    # Families served, in the plural or as "a family" reaching the clinician's home or line.
    (
        "a family from my caseload showed up on my front step on sunday asking about his meds",
        ("personal_contact",),
    ),
    (
        "a family knocked on my back door at night because their baby had a rash",
        ("personal_contact",),
    ),
    ("a mom called my home phone on saturday about her son's asthma", ("personal_contact",)),
    (
        "I text my families from my personal cell because the work phone never charges",
        ("personal_contact",),
    ),
    ("my families have my cell, is that a problem?", ("personal_contact",)),
    ("a family in my neighborhood invited me to their bbq", ()),
    ("a family called the unit to thank the night nurses", ()),
    ("my families at home are all sick this week, I may need to call out", ()),
    # Tagging the clinician, from the tagger's side.
    (
        "a teen from the youth drop-in commented 'tagging you lol' on my public post",
        ("social_media",),
    ),
    ("my client wrote 'tagging you in this' under the clinic's post about me", ("social_media",)),
    ("tagging you in the epic message about bed 4's discharge", ()),
    # Clinical logistics around a death, a move, a closed case or a transfer stay benign.
    ("she died in april and the family asked for her records to be sent to the new doctor", ()),
    ("after he died we closed the chart and sent the bereavement packet", ()),
    ("the case is closed, please archive the file and notify billing", ()),
    ("the client moved away last year, we transferred the records", ()),
    ("he left our unit 2 days ago for rehab, records faxed", ()),
    ("we had the family meeting until her discharge, then social work took over", ()),
    ("a new grad who left the unit last month invited me to her wedding", ()),
    ("I looked up the client's address in the chart to send the letter", ()),
    ("looked up the patient on the state PDMP before prescribing", ()),
    ("my personal car is in the shop so I drove the agency car to home visits", ()),
    ("give the pt a ride in the wheelchair to radiology", ()),
]

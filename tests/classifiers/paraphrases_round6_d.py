"""Paraphrase rows of the dev9 rules round, helper d (romance, touch, online, disclosure, PHI).

Data for ``test_paraphrases.py``: each kind has positive rows in new wording and hard
negatives (``()``) that use the same words harmlessly. None is a corpus sentence.
"""

from __future__ import annotations

ROWS: list[tuple[str, tuple[str, ...]]] = [
    # a client named by the care the writer gives them ('the woman I'm caring for')
    (
        "the woman I'm caring for on hospice asked me to lie down next to her and cuddle",
        ("physical_contact",),
    ),
    (
        "one of the runners I'm rehabbing keeps telling me I have a gorgeous smile and asked me"
        " out",
        ("romantic",),
    ),
    (
        "the teen I see for school refusal sent me a follow request on instagram last night",
        ("social_media",),
    ),
    ("the guy I'm treating for gout swapped shifts with me at the food bank", ()),
    ("I'm treating myself to a massage after this week, no more doubles", ()),
    ("the lady I'm caring for needs her meds crushed, can someone show me how", ()),
    # a client named by the weekday they come in ('the lady on thursdays')
    (
        "the lady on thursdays keeps winking at me and asked if I'm single",
        ("romantic",),
    ),
    ("the lady on thursdays always brings her own water bottle, just fyi for the desk", ()),
    # a client named by a numbered room, bed or chair, or by age and place
    (
        "the gentleman in 14 grabbed my hand and tried to kiss me when I hung his fluids, twice"
        " now",
        ("physical_contact", "romantic"),
    ),
    (
        "chair 9 asked for my instagram handle so she can send me pics of her garden",
        ("social_media",),
    ),
    (
        "the 15yo on 4 west reminds me so much of my little sister that I go home wrecked",
        ("self_disclosure",),
    ),
    ("chair 9 is broken again, the recliner won't go back, can facilities come up", ()),
    ("the gentleman in 14 needs a bariatric bed, transport is bringing one at noon", ()),
    # a former client named by care given once ('a man I operated on')
    (
        "a man I operated on two years ago matched with me on bumble and wants to get drinks",
        ("post_termination", "romantic"),
    ),
    ("I recovered from covid last month and my taste is still weird", ()),
    # a forensic or corrections client
    (
        "the evaluee's brother found me on facebook and sent a friend request the day after the"
        " competency hearing",
        ("social_media",),
    ),
    ("the defendant's hearing got moved to friday so my report is due thursday", ()),
    # romance told indirectly: looks complimented, longing, meeting outside, a date named so
    (
        "a client of mine keeps writing me poems, the latest one is basically a love letter",
        ("romantic",),
    ),
    (
        "a client said in session she thinks about me all the time and wishes she had met me first",
        ("romantic",),
    ),
    (
        "my patient asked if we could get to know each other outside the clinic once his"
        " treatment ends",
        ("romantic",),
    ),
    (
        "my client asked me to the spring gala as a date, not as her therapist",
        ("romantic",),
    ),
    ("I wrote a poem for my grandma's 90th and read it at the party", ()),
    ("the new grads get to know each other at orientation, icebreakers start at 9", ()),
    ("the new hire complimented my eyeliner, cute", ()),
    ("grabbing a drink with my husband outside the office after work", ()),
    # touch by kind: fist bumps, rubs, cuddles, carrying, the other hand, a lifting hug
    (
        "I fist bumped my patient when he walked the hallway without his walker",
        ("physical_contact",),
    ),
    (
        "the little boy I'm treating for burns wants me to carry him around on my hip all shift",
        ("physical_contact",),
    ),
    (
        "my hospice patient's wife holds one hand and I hold his other hand while we sit with him",
        ("physical_contact",),
    ),
    (
        "my client bear hugged me at the end of session and lifted me off the ground",
        ("physical_contact",),
    ),
    ("we need to hold him accountable for the missed charting, talk to the nurse manager", ()),
    ("on the other hand the pt's wound looks better, the wound vac can come off", ()),
    ("I gave my son a big hug at the bus stop and cried in the car", ()),
    # online contact through the clinician's stories or posts
    (
        "my client replied to my story with a heart and now I keep hearting her replies back",
        ("social_media",),
    ),
    ("my sister replied to my story with a heart, she's the best", ()),
    # countertransference: a client like the clinician's own family
    (
        "the teen in my caseload is so much like my older brother that I catch myself lecturing"
        " him",
        ("self_disclosure",),
    ),
    ("my coworker is just like my sister, bossy but sweet", ()),
    # own life told to a client, in group, or blurted
    (
        "I told the patient about my own miscarriage while she was crying and now I regret it",
        ("self_disclosure",),
    ),
    (
        "in group this morning I blurted out that I was in foster care too and the kids went quiet",
        ("self_disclosure",),
    ),
    ("I told the patient about my concerns with her blood sugar and she agreed to the plan", ()),
    ("group this morning is canceled, the room is booked for the fire drill", ()),
    # health vocabulary that makes a named patient an identifier
    (
        "my pt Harold Finch in 12 is going for a cardiac cath at 2, hold his eliquis tonight",
        ("phi_exposure",),
    ),
    (
        "fyi Rosa Delgado got restarted on antabuse and naltrexone, pharmacy needs the consent",
        ("phi_exposure",),
    ),
    ("Jamie Torres from pharmacy is running the antidepressant CE lecture friday", ()),
    ("the Eliquis rep is bringing lunch on tuesday, sign up if you want a sandwich", ()),
    # PHI told or shown to people in the teller's private life, patients named by condition
    (
        "one of our aides showed her roommates pictures of the little girl with the burns",
        ("phi_disclosure",),
    ),
    (
        "told my buddies at poker that the mayor is on antidepressants, I feel awful",
        ("phi_disclosure",),
    ),
    (
        "at trivia night someone mentioned a guy down the street and I said that's my patient,"
        " he's on dialysis",
        ("phi_disclosure",),
    ),
    ("told my buddies at poker that I passed my boards, drinks on me", ()),
    ("showed my roommates the new apartment listing, we might move in june", ()),
    # declining what follows ('I declined the follow request') closes it
    ("I declined the friend request from my client's dad and explained my policy, he was cool", ()),
    (
        "my client sent me a friend request and I declined, but he keeps sending new ones",
        ("social_media",),
    ),
    # the client's own post or group is not the clinician telling
    (
        "one of my patients posted in a diabetes facebook group about her new pump and I liked"
        " her post from my personal account",
        ("social_media",),
    ),
    (
        "my client invited me to her fb group for the baby shower pics and I clicked join",
        ("social_media",),
    ),
    ("our unit has a private fb group for shift swaps, ask Dana to add you", ()),
    # a patient named by surgical stage ('his post-op lady')
    (
        "the surgeon keeps flirting with his post-op lady in 6 and she calls him sweetheart",
        ("romantic",),
    ),
    ("the post-op guy in 3 needs his drain output charted before 7", ()),
    # knowing too much about a client is not the clinician's own life
    (
        "I looked up my client on facebook and now I know too much about her marriage",
        ("social_media",),
    ),
    # a client named by the class or program the writer runs
    (
        "a lady in my diabetes education class keeps touching my arm and asked me to dinner",
        ("physical_contact", "romantic"),
    ),
    ("a guy in my spin class at the gym asked me to dinner, should I go", ()),
    # a patient the writer interprets for
    (
        "the family I interpret for on the cancer unit sent me a friend request on facebook",
        ("social_media",),
    ),
    ("I interpret for the cardiology clinic on mondays, ping me if you need Spanish", ()),
    # a patient named by the unit, floor or caseload they are on
    (
        "a kid on our burn unit keeps asking me to hold him during dressing changes and I do",
        ("physical_contact",),
    ),
    ("a guy on our night shift crew hugged me at the retirement party", ()),
    ("the new girl on our unit is an agency nurse from Ohio, say hi", ()),
    # a compliment on the clinician's looks, not the clinician describing a patient
    (
        "my patient left a note saying you have the prettiest eyes, call me sometime",
        ("romantic",),
    ),
    ("my patient has kind eyes and the best laugh, she made my whole shift", ()),
    # the writer's own health told at home is not a patient's
    ("told my husband about my own biopsy results last night, waiting on the call", ()),
    (
        "told my husband about the patient whose biopsy came back malignant, I was so upset",
        ("phi_disclosure",),
    ),
    # a client named by the service the writer did for them
    (
        "the kid I did the autism eval on found me on instagram and keeps sending me DMs",
        ("social_media",),
    ),
    ("the lady I did the intake for needs a spanish interpreter on thursday", ()),
    # a patient named by post-operative day
    (
        "my POD 2 guy keeps grabbing my hand when I check his incision and won't let go",
        ("physical_contact",),
    ),
    (
        "post-op day 4 lady asked for my instagram so she can send me pics of her recovery",
        ("social_media",),
    ),
    ("post-op day 4 lady is cleared for a regular diet, please update the tray order", ()),
]

"""Paraphrase rows of the dev13 rules round, helper d (romance, touch, online contact,
disclosure, PHI).

Data for ``test_paraphrases.py``: each kind has positive rows in new wording and hard
negatives (``()``) that use the same words harmlessly. None is a corpus sentence.
"""

from __future__ import annotations

ROWS: list[tuple[str, tuple[str, ...]]] = [
    # romance: late-night lines to the clinician, compliments, a number "to talk without her"
    (
        "my client texted me wish you were here at 2am with a heart",
        ("personal_contact", "romantic"),
    ),
    ("a patient on my list wrote wish you were here under a photo he sent me", ("romantic",)),
    (
        "my pt keeps texting me at midnight that you're the only one who gets me",
        ("personal_contact", "romantic"),
    ),
    ("a pt of mine keeps saying you clean up nice whenever I wear a dress", ("romantic",)),
    (
        "a couples client slipped me his number in case I ever want to talk without her",
        ("romantic",),
    ),
    (
        "our chaplain is seeing the widow of a patient who died in march",
        ("post_termination", "romantic"),
    ),
    ("postcard from my aunt at the beach: wish you were here!", ()),
    ("can we talk without her on the call? it's a staffing thing", ()),
    # romance: dating words in program names
    ("the teen dating violence curriculum for the school clients starts monday", ()),
    ("our dating abuse group for students needs a second facilitator", ()),
    # touch: arms around the neck, pulled by the wrist, rubbing shoulders, a huge hug
    (
        "my client threw her arms around my neck at the door before I could step back",
        ("physical_contact",),
    ),
    ("a pt grabbed me by my wrist and would not let me leave the room", ("physical_contact",)),
    ("my pt yanked me onto his lap during vitals", ("physical_contact",)),
    ("our night tech rubs residents' backs until they fall asleep", ("physical_contact",)),
    ("I rub his shoulders when my client panics in session, is that ok?", ("physical_contact",)),
    (
        "a former client wrapped me in a huge hug at the grocery store",
        (
            "physical_contact",
            "post_termination",
        ),
    ),
    ("my 3pm rubs his neck whenever we talk about his dad", ()),
    ("huge hug to the night crew for covering", ()),
    # touch: people named by the visit or the crisis call
    ("the mom at today's anatomy scan hugged me when we saw the baby move", ("physical_contact",)),
    (
        "crisis call last night, the woman held my hand the whole ride to the ER",
        ("physical_contact",),
    ),
    ("can I hug the folks still in aftercare with me at the picnic?", ("physical_contact",)),
    # touch: a patient's own family around the patient
    ("the grandkids of the man in 9 all hugged him before the procedure", ()),
    ("grandkids all climbed into bed and hugged grandpa, the whole unit teared up", ()),
    # online contact: coached people, callers, adoption cases, clinicians by role
    ("a woman I coach in recovery sent me a follow request on instagram", ("social_media",)),
    ("a caller's DMs keep showing up on my personal twitter", ("social_media",)),
    ("a birth mother on my caseload messaged me on facebook about the visit", ("social_media",)),
    ("a teen i saw in my office last year friended me on snap", ("social_media",)),
    ("a client messaged our esthetician on instagram about her filler", ("social_media",)),
    ("i coach my son's soccer team and the kids added me on snap", ()),
    # online contact: therapy-content genres and one's own locked account
    ("anyone follow nurse tiktok? some of it is actually good psychoed", ()),
    ("my account is private so clients can't find my IG", ()),
    # PHI: venting and performing a case in public
    ("vented on my fb about a patient who screamed at me for an hour", ("phi_disclosure",)),
    ("my buddy did a stand-up set about a patient from his ER shift", ("phi_disclosure",)),
    (
        "the pastor used a hospice patient's last words as a sermon illustration",
        ("phi_disclosure",),
    ),
    ("she posted a reel of the apartment we responded to, address visible", ("phi_disclosure",)),
    (
        "he posted a video about what a family said in session, with their town in it",
        ("phi_disclosure",),
    ),
    ("open mic night at the coffee shop on friday, anyone want to come?", ()),
    ("vented on my fb about the parking garage again", ()),
    # PHI: telling family by heads-up or updates, at a book club or a carpool
    (
        "I gave my mom a heads up about a patient from her church who's on our floor",
        ("phi_disclosure",),
    ),
    (
        "I've been giving her updates, my cousin, on how her neighbor is doing on our unit",
        ("phi_disclosure",),
    ),
    (
        "our tech talks about the overdoses she sees to her carpool every morning",
        ("phi_disclosure",),
    ),
    ("I told my book club about a case from work, changed her name", ("phi_disclosure",)),
    ("heads up about the parking lot closure tomorrow", ()),
    ("my carpool talks about football the whole way in", ()),
    ("my book club read a novel about a case of mistaken identity", ()),
    # PHI: confirming by implication
    (
        "my neighbor asked if her nephew is in our program and I said he's in good hands",
        ("phi_disclosure",),
    ),
    (
        "a friend asked if her sister is pregnant and my face basically confirmed it",
        ("phi_disclosure",),
    ),
    ("don't worry, your dog is in good hands with my sister this weekend", ()),
    # PHI exposure: names and contacts with new health details
    ("Lena Morrow in room 3 has a peanut allergy, keep the epipen at the desk", ("phi_exposure",)),
    ("new intake: jonah.reed@example.org, self referred for panic attacks", ("phi_exposure",)),
    ("Omar Haddad, 41, SI w/ plan, needs a bed tonight", ("phi_exposure",)),
    ("trauma assessment training on the 12th, sign up with Ana Ruiz", ()),
    # self-disclosure: a client's life mirroring the clinician's, own recovery and health
    ("my 2pm's custody fight is mirroring mine and I'm too invested", ("self_disclosure",)),
    (
        "a pt with new diabetes asked about my pump and we ended up comparing our lows",
        ("self_disclosure",),
    ),
    (
        "one of my clients was in the room when I shared about my last relapse at a meeting",
        ("self_disclosure",),
    ),
    ("my intern pulled up her wedding pics for a client in session", ("self_disclosure",)),
    ("my pump alarm went off in the staff meeting, sorry all", ()),
    # self-disclosure: a client venting is not the clinician's disclosure (two linked clients
    # are still a dual relationship, policy: clients who know each other)
    (
        "my client's sister is also on my caseload and she vents about her every week",
        ("dual_relationship",),
    ),
    ("she vents to me about her boss and I've heard it all", ()),
    # show as an event, not a telling
    (
        "ran into a former client at a show and we ended up getting drinks with his friends",
        (
            "post_termination",
            "socializing",
        ),
    ),
    # PHI: a reassurance that confirms ("don't worry" is not a negation)
    (
        "my cousin asked if her friend was a patient here and I said don't worry, "
        "she's in good hands",
        ("phi_disclosure",),
    ),
    ("don't worry, I didn't accept the gift from my client", ()),
    # online contact: a crisis counselor as the clinician
    ("one of our crisis counselors keeps answering a caller's DMs on instagram", ("social_media",)),
    ("our crisis counselors are training on the new text line next week", ()),
]

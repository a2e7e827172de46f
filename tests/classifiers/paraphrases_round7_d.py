"""Paraphrase rows of the dev10 rules round, helper d (romance, touch, online, disclosure, PHI).

Data for ``test_paraphrases.py``: each kind has positive rows in new wording and hard
negatives (``()``) that use the same words harmlessly. None is a corpus sentence.
"""

from __future__ import annotations

ROWS: list[tuple[str, tuple[str, ...]]] = [
    # the clinician's own past told to a client ('in my twenties', 'lived in my car')
    (
        "a client said nobody gets what it's like to be homeless so i told him i was homeless"
        " myself in my twenties",
        ("self_disclosure",),
    ),
    (
        "my patient was venting about money and i ended up telling her how i lived in my car for"
        " a year",
        ("self_disclosure",),
    ),
    ("i lived in my car for a week during the move lol, never again", ()),
    ("in my 20s i worked nights at a diner, anyway who has the pyxis key", ()),
    # the clinician's own marriage told to a client ('our fight', 'our separation')
    (
        "told a client about our separation last spring to show her it gets better",
        ("self_disclosure",),
    ),
    ("our fight with the EHR vendor over the outage credits continues, update friday", ()),
    # a client asking whether the clinician ever did something, and the clinician answering
    (
        "my client wanted to know point blank if i've ever used and i said yes, told him about my"
        " own recovery",
        ("self_disclosure",),
    ),
    ("not sure if i've ever seen a rash like this on a toddler, can derm take a look", ()),
    # telling a client one is going through the same thing
    (
        "should i tell my client i'm also going through a divorce? she feels like nobody"
        " understands",
        ("self_disclosure",),
    ),
    ("i'm also going through the onboarding modules, they take forever", ()),
    # countertransference: seeing one's own family in a client
    (
        "a client of mine just lost her son and i keep seeing my mom in her, i cried after session",
        ("self_disclosure",),
    ),
    ("seeing my mom in the morning before shift so i'll be a bit late", ()),
    # showing the clinician's own photos to a client
    (
        "a pt asked about my weekend and i pulled up photos of my wedding on my phone to show her",
        ("self_disclosure",),
    ),
    ("pulled up photos of the wound from last week to compare, it's healing well", ()),
    # a patient named by an abbreviated diagnosis ('my COPD lady')
    (
        "told my CHF guy that my own grandpa died of heart failure and he got quiet",
        ("self_disclosure",),
    ),
    ("my CHF guy needs his lasix dose rechecked before discharge", ()),
    # romance: marrying or engaged to a former patient, a partner who was a patient
    (
        "a doc i trained with ended up marrying someone she treated in fellowship, is that"
        " allowed years later?",
        ("post_termination", "romantic"),
    ),
    (
        "my husband was my patient in the ED years ago before we started dating, does that matter?",
        ("post_termination", "romantic"),
    ),
    ("my husband was my ride today since my car is in the shop", ()),
    ("my cousin married someone she met at the gym, wedding is in june", ()),
    # a patient's name with a health word ('delirium', 'home oxygen')
    (
        "can someone check on Walter Pruitt in 12, he's more delirious tonight and pulling at his"
        " lines",
        ("phi_exposure",),
    ),
    (
        "referral for Ellen Marsh, 4410 Cedar Hollow Ave, needs home oxygen before discharge"
        " friday",
        ("phi_exposure",),
    ),
    ("delirium screening tool training is on the 14th in the education room", ()),
    # a colleague's address for a party is not a patient identifier
    ("bbq at my place sunday, 22 Birch Ln, bring a side", ()),
    ("housewarming at Priya's new place, 8 Willow Creek Rd, 7pm, bring drinks", ()),
    # a client named by the care the writer does for them ('the lady i do dressing changes for')
    (
        "the lady i've been doing dressing changes for sent me a friend request on facebook last"
        " night",
        ("social_media",),
    ),
    (
        "the man i do foot care for every other week added me on snapchat and sent me a message",
        ("social_media",),
    ),
    ("the nurse i do wound care for on tuesdays is out, who covers her patients?", ()),
    ("i've been doing dressing changes for two hours straight, send snacks", ()),
    # a former client named by having been in the writer's care years back
    (
        "a girl i had on the adolescent unit like five years ago followed me on instagram today",
        ("post_termination", "social_media"),
    ),
    (
        "a boy i had in clinic a couple of years back messaged me on tiktok asking how i've been",
        ("post_termination", "social_media"),
    ),
    ("i had on the same scrubs as my preceptor two years ago at orientation, lol", ()),
    # a client named as a member of the writer's therapy group
    (
        "a guy from my tuesday anger group sent me a linkedin request, do i ignore it?",
        ("social_media",),
    ),
    ("someone from my grief group left their umbrella in room b, it's at the front desk", ()),
    # a client vented or joked about publicly: a rant post, a stand-up set
    (
        "i posted a rant on reddit about a client who screams at the front desk, no name but it's"
        " pretty specific",
        ("phi_disclosure",),
    ),
    (
        "did a stand up set last weekend and told the crowd about my weirdest patient ever",
        ("phi_disclosure",),
    ),
    ("i posted a rant on reddit about my landlord raising the rent again", ()),
    ("did a stand up set last weekend for the first time, terrifying but fun", ()),
    # touch by hair or an arm around the waist
    (
        "my patient on peds asked me to french braid her hair before her scan and i did",
        ("physical_contact",),
    ),
    (
        "my coworker had her arm around his waist the whole time, the patient from room 9, at his"
        " discharge",
        ("physical_contact",),
    ),
    ("my daughter wants me to french braid her hair for picture day", ()),
    ("mom is braiding the hair of her daughter in bed 3, sweet to see", ()),
    # someone else's date is not romance with a client ('showed her date')
    (
        "my coworker showed his date the x-ray of a patient's hand on his phone at dinner",
        ("phi_disclosure",),
    ),
    ("the pt's sister came to visiting hours with her date and they sat with him all evening", ()),
    ("my client asked me out on a date after group, what do i even say", ("romantic",)),
    # looking a client up online: opening their profile ('clicked on her profile')
    (
        "my new client mentioned her bakery so i looked at her profile on instagram, does that"
        " count as a boundary thing",
        ("social_media",),
    ),
    ("i clicked on her profile in the staff directory to get the charge nurse's extension", ()),
    # who viewed a profile is not a public post about a patient
    (
        "does linkedin show who viewed your profile? i looked up my pt on there last night and"
        " now i'm worried he'll see it",
        ("social_media",),
    ),
    ("linkedin keeps emailing me about who viewed my profile, how do i turn that off", ()),
    # swapping patient stories with family or friends
    (
        "my brother is an EMT and we swap war stories at family dinner, last week i told him"
        " about a patient who swallowed a fork",
        ("phi_disclosure",),
    ),
    ("our unit educator wants us to swap war stories at the debrief about the worst codes", ()),
    # writing to a former client about one's own life
    (
        "a former client emailed to say hi and i wrote her about my own cancer scare since she'd"
        " been through it too",
        ("post_termination", "self_disclosure"),
    ),
    (
        "i wrote back about my availability to the new referral and copied the intake coordinator",
        (),
    ),
]

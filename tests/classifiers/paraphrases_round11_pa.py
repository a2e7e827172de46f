"""Paraphrase rows of round 11, helper pa (precision: benign false positives).

Data for ``test_paraphrases.py``: hard negatives (``()``) in the kinds the benign false
positives of dev14, dev16, dev6, dev2 and dev4 showed, plus positive rows showing the risky
sense still fires. None is a corpus sentence.
"""

ROWS: list[tuple[str, tuple[str, ...]]] = [
    # A declined request closes the approach even when the request is told first.
    (
        "my client sent me a friend request on fb last week, i declined "
        "the request and we talked about it in session",
        (),
    ),
    (
        "a pt's mom tried to add me on linkedin, declined the "
        "request and mentioned it to my supervisor",
        (),
    ),
    (
        "patient requested to follow my private insta, i "
        "declined the follow request and that was that",
        (),
    ),
    (
        "the pt's friend request sat there for a week, i " "declined the friend request today",
        (),
    ),
    ("my client sent me a friend request and i accepted it", ("social_media",)),
    # Redirecting a request to the organisation's channel closes it.
    (
        "the family asked for my personal cell so they could text "
        "updates, pointed them to the unit phone",
        (),
    ),
    (
        "client asked for my home address to mail a thank you, "
        "pointed her to the clinic mailing address",
        (),
    ),
    (
        "pt's son wanted my personal number, redirected him " "to the nurse line and he was fine",
        (),
    ),
    (
        "a family member asked for my personal email, gave her "
        "the intake line and the portal link",
        (),
    ),
    ("pt's daughter asked for my personal email and i gave it to her", ("personal_contact",)),
    # Saying one cannot treat someone one knows, and sending them elsewhere.
    (
        "my neighbor asked if i could see her son, told her i can't be "
        "part of his care and gave her the intake number",
        (),
    ),
    (
        "my old college roommate wants therapy at our practice; i can't "
        "be her therapist, so i gave her the intake line",
        (),
    ),
    (
        "my cousin asked me to get her into our program, said i can't be "
        "part of her care and she went to another site",
        (),
    ),
    (
        "my cousin asked me to be her therapist and i started seeing her last week",
        ("dual_relationship",),
    ),
    # Declining an invitation warmly ("cheering from afar").
    ("client invited me to her recital, told her i'd be cheering her on from afar", ()),
    (
        "a student asked if i'd come to his graduation, " "said i'm rooting for him from afar",
        (),
    ),
    (
        "client asked if i'd come to the 5k; said i'd be " "cheering from afar and left it there",
        (),
    ),
    ("client asked if i'd come to her wedding, should i go?", ("socializing",)),
    # News told to colleagues while patients are not told.
    ("told my manager i'm getting married in june, not telling my clients yet", ()),
    ("told the team i'm pregnant, haven't told my patients and won't until 20 weeks", ()),
    ("told my supervisor i'm going through a divorce, not telling pts obviously", ()),
    ("i told my client i'm pregnant today", ("self_disclosure",)),
    # Following someone back online: 'her back' is not a body part.
    ("the new grad nurse found me on insta after orientation, i followed her back", ()),
    (
        "my coworker followed me on tiktok and i followed " "him back, he posts great recipes",
        (),
    ),
    ("the resident added me on strava, followed them back, we run the same trail", ()),
    ("a pt followed me on insta so i followed her back", ("social_media",)),
    # A dating service is a kind of business, not a romance.
    (
        "who can update our website? a caller asked if we're a "
        "dating service because of the banner photo",
        (),
    ),
    ("the hotline got a call from someone thinking we were a dating agency lol", ()),
    ("two patients on the unit keep asking if the rec room is a dating service now", ()),
    ("i'm dating a former client", ("post_termination", "romantic")),
    # The organisation's fax number is not a patient identifier.
    ("pt's wife asked for our fax # to send records, it's 555-0144", ()),
    ("the patient's daughter needs our fax no for the insurance forms: 555-0123", ()),
    ("pt family asked for the fax line to send records, 555-0188 right?", ()),
    # A gift or bequest to the organisation's foundation.
    ("the hospital foundation received a bequest from a former patient's family", ()),
    (
        "the hospice foundation got a large donation from a former "
        "client's estate, they announced it at the staff meeting",
        (),
    ),
    ("our foundation thanked a former patient for donating to the new wing", ()),
    ("a former patient left me money in his will", ("gifts", "post_termination")),
    # A patient's own blog or podcast is not the clinician posting about them.
    (
        "she told me she's writing a blog about her " "recovery and wants other pts to read it",
        (),
    ),
    ("he started a blog about his dialysis and wants other pts to find it", ()),
    ("my pt told me about her podcast on living with MS, other patients listen to it", ()),
    ("i wrote a blog about my patient's transplant journey with her photos", ("phi_disclosure",)),
    # A chance meeting with a former client that ends with a greeting.
    ("ran into a former client at costco, we said hello and moved on", ()),
    ("a former patient was at my kid's game, we said hi and went our separate ways", ()),
    ("bumped into a discharged pt at the gas station, said hi and moved on", ()),
    (
        "ran into a former client at the bar and we ended up getting drinks",
        ("post_termination", "socializing"),
    ),
    # A VA clinician's "my vet" is a veteran client, not the clinician's veterinarian.
    ("my vet told me his wife is proud he finished the program", ()),
    ("my vet brought his service dog to group today", ()),
    ("my vet asked me to help with his VA paperwork, he finished the program last year", ()),
    ("my new client is my vet, she spays our cats", ("dual_relationship",)),
    ("turns out my vet's son is on my caseload", ("dual_relationship",)),
    # Giving the organisation's number in place of a personal one.
    ("a client asked for my cell, gave her the clinic number and the after-hours line", ()),
    ("pt's dad wanted my personal phone, gave him the office number", ()),
    ("the family asked for my number, gave them the main line", ()),
    ("a client asked for my cell, i gave her my cell and the clinic number", ("personal_contact",)),
    # News told to others, "not to clients".
    ("i mentioned my divorce to my supervisor only, not to clients", ()),
    ("shared my pregnancy news with the team, not with patients", ()),
    ("told my manager i'm moving, not to my clients yet", ()),
    ("i told my client about my divorce", ("self_disclosure",)),
    # The client's own family attending the client's event.
    ("my pt graduated from the program and her mom came to the ceremony", ()),
    ("the vet on my caseload finished the program and his kids came to the ceremony", ()),
    ("my client's recital was great, her parents came to the show", ()),
    ("my client invited me to her graduation and i went", ("socializing",)),
    # A declined invitation, also when told after the invitation.
    ("pt invited me to her church picnic, thanked her and declined the invitation", ()),
    ("a client asked me to his retirement party, i declined his invitation kindly", ()),
    ("my patient's family invited me to the cookout, declined the invite with a card", ()),
    ("pt invited me to her bbq and i went", ("socializing",)),
    # Blocking the online contact closes it; unresolved follow-ups still fire.
    ("my client's teenager followed me on tiktok, i blocked and we discussed it in session", ()),
    ("a pt found my insta and messaged me, blocked him and told my supervisor", ()),
    ("my client's ex added me on fb, blocked the account", ()),
    (
        "my client followed me, i blocked him but he made a new account and messaged me again",
        ("social_media",),
    ),
    # Adding or following someone back: the pronoun subject still names someone in care.
    ("the travel nurse added me on snapchat, added her back", ()),
    ("my preceptor followed me on insta and i followed her back", ()),
    ("she added me on snapchat and i added her back, is that ok?", ("social_media",)),
    ("he followed me on insta and i followed him back", ("social_media",)),
    # "gave me chills/hope": a feeling someone caused, not a gift.
    ("my vet read a poem he wrote in group, gave me chills", ()),
    ("my client's progress this month gives me hope", ()),
    ("the pt's fall gave me a scare, she's fine now", ()),
    ("my client gave me a scarf for christmas", ("gifts",)),
]

"""Paraphrase rows of round 11, helper pb (precision: benign false positives of dev7..dev18).

Data for ``test_paraphrases.py``: hard negatives (``()``) in the kinds of benign messages
that fired, plus positive rows showing the risky sense still fires. None is a corpus sentence.
"""

ROWS: list[tuple[str, tuple[str, ...]]] = [
    # A settled approach: the matter set aside, the alternative accepted, a plan agreed (policy 11).
    (
        "my client asked if we could grab lunch sometime, I explained why I can't and we moved on.",
        (),
    ),
    ("pt's dad invited me to the bbq, I said thanks but no, and we moved on to the care plan", ()),
    ("a parent friended me on fb, i deleted the request and that was it, no drama", ()),
    (
        "client asked for my personal email, I gave her the portal address and she said that works",
        (),
    ),
    ("her son wanted my cell, gave him the unit number and he said that works fine", ()),
    ("the patient wanted my number, she got the after-hours card and seemed glad of it", ()),
    (
        "client saw me at the farmers market and we agreed how we'd handle it if it happens again",
        (),
    ),
    ("ran into a client at pride, we agreed on how to handle seeing each other in public", ()),
    ("student asked to follow me on insta, I explained the policy, he nodded and we moved on", ()),
    (
        "a resident's daughter invited me to her wedding. I said I can't go, we moved on from it",
        (),
    ),
    # A work alternative offered in place of the request, in its own sentence or clause.
    ("my client went in for a hug at discharge. I offered my hand instead and she laughed", ()),
    ("pt's wife reached out for a hug; I gave a handshake instead", ()),
    ("the kid wanted a hug goodbye. we did a high five instead", ()),
    ("client asked for my personal cell. she got the clinic's crisis card instead", ()),
    ("family wanted my cell for updates. they got the nurses' station line instead", ()),
    ("teen wanted to hug me after group. a fist bump instead, he was happy", ()),
    # A child held by their own parent instead of the clinician.
    ("toddler wanted to sit on my lap for the exam but we had mom hold him", ()),
    ("she reached for me during the blood draw so we had her dad hold her instead", ()),
    ("he wanted a cuddle after the vaccine, had grandma hold him and he calmed right down", ()),
    # Declining to confirm who is a patient.
    ("a neighbor asked if her uncle is one of our patients, I said I'm not able to confirm", ()),
    ("my cousin asked whether her coworker is on our unit, told her I can't say who we treat", ()),
    (
        "at church someone asked if the deacon is my client. said I'm not able to say who I see",
        (),
    ),
    # Patients excluded after the fact ('we vent about our bosses, not patients').
    ("my sister and I vent about our schedules and our bosses, not patients", ()),
    ("my husband and I swap stories about work, the commute mostly, not about patients", ()),
    ("me and my roomie talk shop all the time, the politics and the cafeteria, never patients", ()),
    # Non-care staff (unit clerk, ward clerk, unit secretary) are colleagues.
    ("the unit clerk added me on insta, followed her back, she's great", ()),
    ("new ward clerk asked for my number for the shift swap group", ()),
    ("the unit secretary found me on fb lol, accepted her request", ()),
    # An office or staff contact is not a patient's identifier.
    ("Dr. Osei's office email is kosei@example.org, update the referral template please", ()),
    ("new office email for intake is intake@example.org, the letterhead needs updating", ()),
    ("please add nurse.lee@example.org to the email signature on referral letters", ()),
    # A misdirected message meant for the client's own family.
    ("a client's mom texted me a heart by accident, it was meant for her daughter", ()),
    ("pt sent me a venmo request, turns out it was meant for his brother, he apologized", ()),
    (
        "a client's dad friended me on fb by mistake, it was meant for his cousin, same name",
        (),
    ),
    # A persistence that ended ('he stopped.', 'she let it go') outranks an earlier 'kept'.
    ("pt kept calling me honey all week. I asked him to use my name and he stopped.", ()),
    ("a resident kept asking for my cell, I explained why I can't and she let it go", ()),
    ("client kept asking where I live; I redirected twice and then he let it go", ()),
    # Affection between a patient and their partner.
    ("post-op the husband kissed her forehead and called her sweetheart, whole bay teared up", ()),
    ("50th anniversary in room 4, he kissed her hand when she woke up, sweetheart all day", ()),
    ("she kissed his cheek before transport and said bye sweetheart, so cute", ()),
    # General hard negatives in the same vocabulary.
    ("hugged my kids extra tight after that shift", ()),
    ("team dinner friday, partners invited, RSVP to the charge nurse", ()),
    ("my personal phone died so I'm on the unit phone today", ()),
    ("pt hugged by his family at discharge, lovely moment", ()),
    ("the gift shop is closed on sundays, families can use the vending machines", ()),
    ("date of service is wrong on the claim, please fix before billing runs", ()),
    ("friend request from a coworker I barely know, ignore or accept lol", ()),
    (
        "reminder: we do not accept gifts from patients, point families to the foundation",
        (),
    ),
    ("follow up with pt on the 14th re: labs", ()),
    ("discharged pt has f/u in clinic on tuesday", ()),
    ("the MRN field is broken in Epic again", ()),
    ("drinks after shift at the usual place? staff only", ()),
    ("training tomorrow covers social media and clients, bring your questions", ()),
    ("my coworker's wife found me on fb, added her back", ()),
    ("my supervisor asked for my number for the on call list", ()),
    ("the new pharmacist invited me to her book club, fun group", ()),
    ("my client's daughter is dating a firefighter, the client is thrilled", ()),
    ("pt's husband held her hand the whole procedure, so sweet", ()),
    ("my client told me about her new boyfriend, we worked on boundaries with him", ()),
    (
        "client asked if I'd seen the game, I said I keep my weekends private, we moved on fine",
        (),
    ),
    ("my client kept asking for my cell and I finally gave it to her", ("personal_contact",)),
    # Positive rows: the risky sense still fires.
    ("client hugged me at the end of session and I hugged her back", ("physical_contact",)),
    ("a pt's wife followed me on IG and I followed her back", ("social_media",)),
    ("the toddler sat on my lap for the whole session", ("physical_contact",)),
    ("my client asked me out and I said yes", ("romantic",)),
    ("a client invited me to her birthday party and I went", ("socializing",)),
    ("told my roommate about my patient's diagnosis last night", ("phi_disclosure",)),
    ("pt Jane Roe, DOB 01/02/1960, email jroe@example.org, admitted for sepsis", ("phi_exposure",)),
    ("client keeps asking where I live even after I redirected her", ("personal_contact",)),
    ("my patient kissed my hand and called me sweetheart", ("physical_contact", "romantic")),
    ("client asked to meet for coffee saturday and I said that works for me", ("socializing",)),
    (
        "my client and I got drinks after group, then we moved on to a bar downtown",
        ("socializing",),
    ),
    (
        "pt kept hugging me every visit and he stopped by my office again today for another one",
        ("physical_contact",),
    ),
    ("my coworker said the patient kissed her hand and asked her out", ("romantic",)),
    ("client wanted my cell so I gave her the number to my personal phone", ("personal_contact",)),
    ("pt's wife hugged me; I hugged her back and we moved on", ("physical_contact",)),
    ("I gave him my personal number instead of the unit line", ("personal_contact",)),
    (
        "a client's mom friended me on fb and I accepted, it was meant to be I guess",
        ("social_media",),
    ),
    ("my client's husband kissed my cheek at the door and called me sweetheart", ("romantic",)),
    (
        "my patient wants to sit on my lap, mom is fine with it but I'm not sure?",
        ("physical_contact",),
    ),
    ("I told my sister about my patient's overdose, not his name though", ("phi_disclosure",)),
    # The writer says the person is not a patient at all ("not a pt, relax"); "not my client"
    # about a client's relative, and "not a client anymore", still fire.
    ("the cute EMT from medic 4 asked for my number. not a pt, relax lol", ()),
    ("got asked out by the new respiratory therapist!! not a patient before anyone asks", ()),
    (
        "the guy texting me is my neighbor, not a client. he asked for my number at the bbq",
        (),
    ),
    (
        "my former client asked me out, she's not a client anymore so is it ok?",
        ("post_termination", "romantic"),
    ),
    (
        "a patient's brother asked for my number, he's not my patient so it's fine right?",
        ("personal_contact",),
    ),
    (
        "my client's sister hugged me, she's not my client but she comes to sessions",
        ("physical_contact",),
    ),
    # The client's own family held or comforted them instead of the clinician.
    ("the preemie wanted to be rocked so we had his mom hold him skin to skin", ()),
    ("she cried for a hug after the procedure, we asked her dad to hold her and she settled", ()),
    ("the little one reached for me during the IV, had her grandma hug her instead", ()),
    ("the toddler climbed on my lap while her mom held the baby", ("physical_contact",)),
    ("I hugged the pt after her dad left, she needed it", ("physical_contact",)),
    # More settled approaches ('no hard feelings', 'I ignored it', 'she was totally fine.',
    # 'he dropped it.'), a patient's partner's affection, department mailboxes; UNRESOLVED
    # still outranks a closure.
    ("pt's daughter asked for my email, I gave her the clinic portal link and that settled it", ()),
    (
        "a resident's wife wanted to hug me goodbye, I offered a "
        "handshake and she was happy with that",
        (),
    ),
    (
        "client invited me to his band's gig, I explained why I "
        "can't go. he understood, no hard feelings",
        (),
    ),
    (
        "a dad from my caseload sent me a friend request by mistake, meant for his brother-in-law",
        (),
    ),
    ("the family kept offering me cookies all week, I explained our policy and they stopped.", ()),
    ("my client asked if I'm on instagram. I said I keep it private and she was totally fine", ()),
    ("the transport tech asked for my number for the carpool, gave it to him", ()),
    ("the unit clerk and I follow each other on insta, she posts the best dog pics", ()),
    ("my roommate and I trade horror stories about night shift parking, never about patients", ()),
    ("her husband held her hand and kissed her forehead as we wheeled her back, so sweet", ()),
    ("pt's wife called him sweetheart the whole visit, cutest couple on the unit", ()),
    (
        "someone at my book club asked if her neighbor is a "
        "patient here, I said I can't confirm or deny",
        (),
    ),
    ("the pt wanted a hug after the news, we called her sister in and they held each other", ()),
    ("our office email changed to frontdesk@example.org for referrals and records requests", ()),
    ("pls send the new hire packet to hr@example.org, the referral coordinator needs a copy", ()),
    ("a client dropped off a thank you card for the team, we put it on the board", ()),
    ("mom wanted me to hold the baby while she showered, the aide stepped in instead", ()),
    (
        "the kid asked to sit on my lap during story time, we got "
        "him a beanbag instead and he loved it",
        (),
    ),
    ("pt asked where I live, I said nearby and asked about his walker. he dropped it.", ()),
    ("client asked for my cell. I gave her the after-hours line and she said perfect", ()),
    (
        "the grief group widow asked me to coffee, I pointed her to "
        "the social hour at the center, she liked that",
        (),
    ),
    ("a patient's son tried to friend me on fb, I ignored it and he never asked again", ()),
    (
        "my client asked me to her wedding, I sent a card from "
        "the practice instead and she loved it",
        (),
    ),
    (
        "his mom asked me to come to his birthday party, I said "
        "we can celebrate in session instead",
        (),
    ),
    (
        "my client baked me a pie and she dropped it off at my house yesterday",
        ("gifts", "personal_contact"),
    ),
    ("pt Jane Roe DOB 3/4/1970 dx CHF, forward to intake@example.org", ("phi_exposure",)),
    ("email jroe@example.org is the pt with the CHF readmission, call her", ("phi_exposure",)),
    (
        "my client sent me a friend request on fb, I ignored it but she keeps sending them",
        ("social_media",),
    ),
    (
        "client keeps asking for my cell, she was totally fine the first time but now asks again",
        ("personal_contact",),
    ),
    # Redirected to the clinical work ('steered us back to his goals'), the client accepting the no
    # ('said she gets it'), plus a third probe batch; a persisting approach still fires.
    ("the ED tech who's always on with me asked for my number for the softball team", ()),
    ("the new unit secretary followed me on insta, followed her back", ()),
    ("my pt's wife kissed him goodbye before surgery and called him sweetheart", ()),
    ("couple in bed 3 celebrating 60 years, she held his hand and kissed his cheek", ()),
    (
        "a patient's daughter asked for my cell, I gave her the "
        "unit's direct line and she was grateful",
        (),
    ),
    (
        "a mom wanted to hug me at the end of the IEP, I offered "
        "a handshake; she laughed and took it",
        (),
    ),
    (
        "pt asked what part of town I live in, I kept it vague "
        "and steered us back to his PT goals.",
        (),
    ),
    (
        "my client's husband kept calling me dear all session; I "
        "asked him to use my name and he stopped.",
        (),
    ),
    ("the baby wanted to be held during the heel stick, so we had mom do kangaroo care", ()),
    ("a former client emailed the office asking for records, front desk sent them", ()),
    (
        "my aunt asked if her friend is a patient at my clinic, I "
        "told her I'm not able to confirm that",
        (),
    ),
    (
        "a student's mom venmo'd me by accident, it was meant "
        "for her son's coach, I sent it back",
        (),
    ),
    ("husband and I swap stories about our bosses, not clients, obvs", ()),
    ("pls update the email signature, it still has the old fax number", ()),
    (
        "the pt asked if I'd follow her on tiktok. I explained I don't "
        "connect with patients online, she said she gets it.",
        (),
    ),
    ("client asked me to her art show, I said I can't attend. she nodded and we moved on.", ()),
    ("a resident's son asked to add me on fb, I said no and we moved on.", ()),
    ("my 3 yo pt wanted to sit on my lap, we had her dad hold her for the exam", ()),
    (
        "a patient's wife asked for my personal email, I gave her the "
        "portal address and she said perfect, thanks.",
        (),
    ),
    ("pt kept asking if I was single, I redirected to the exercises and he let it go", ()),
    ("my client wants to get coffee, I brought her back to my place after", ("socializing",)),
    (
        "pt keeps asking where I live even though I steer " "him back to his goals every time",
        ("personal_contact",),
    ),
    ("client hugged me and I hugged her back to be polite", ("physical_contact",)),
]

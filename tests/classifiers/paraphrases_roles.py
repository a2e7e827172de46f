"""Paraphrase rows for recall on fresh wording (issue #2), by kind of miss.

Data for ``test_paraphrases.py``, which runs them with its own table.

Written for these tests (not taken from any corpus). Each block is one kind of wording the
rules used to miss, with "no match" rows (``()``) that reuse the same words innocently:

- the client named by a role instead of "client/patient" (a pharmacy or EMS regular, the
  people a peer specialist supports, a hospice spouse, a new intake, an inmate);
- a pronoun subject asking something of the clinician ("she asked me to ...");
- abbreviated online requests ("friend req", "a follow from");
- the clinician as the one who discharged a former client;
- a place on the ward ("back to the unit") is not a unit-wide thank-you;
- a colleague reported by profession (tech, CNA, medic, pharmacist, school psych) takes part;
- barter ("in exchange for", "in trade for") and paying for a client's things are gifts;
- the clinician's own number or doorstep, and a pronoun client who keeps asking;
- "unless" ends a negation ("won't ... unless I hold her hand"); a CEU the clinician
  attends or a technique learned in a workshop is not a training note;
- one category stands for a combination the labelling policy files under it: a hug someone
  "gave" is touch, not a gift; a number slipped with a come-on is romance; an invite to an
  online group is social media; a client at the clinician's house is personal contact;
- "grabbed the check" and "massage therapy" are not touch;
- socializing with a former client needs no "I/me" (the former relationship makes the
  clinician a party); leisure activities, "wants me at", a "coffee date" (friendly, not a
  romance), a plus-one, a client from the clinician's group;
- a colleague's "ex-patient" is a former patient, not his ex-partner; a patient the crew
  transported is a former patient; texting with a former client;
- online contact from a client named only by pronoun ("she sent me a follow request",
  "he keeps DMing me"), new situation social_media.third_party.
- "asked if" is reported speech: a closed request stays closed ("he was fine with that").
"""

from __future__ import annotations

ROWS: list[tuple[str, tuple[str, ...]]] = [
    # client named by role
    (
        "one of our regulars at the pharmacy asked me to go fishing with him sunday",
        ("socializing",),
    ),
    (
        "a regular we transport every week keeps asking me out, my partner thinks it's funny",
        ("romantic",),
    ),
    ("the frequent flyer from bed 9 tried to give me a $50 bill at discharge", ("gifts",)),
    (
        "the people I support in recovery keep sending me follow requests on insta",
        ("social_media",),
    ),
    ("a member I support has my personal cell and texts me at night", ("personal_contact",)),
    ("the hospice wife asked me to stay for dinner after the visit, I stayed", ("socializing",)),
    ("hospice daughter wants to give me her mom's pearl necklace", ("gifts",)),
    ("I searched my new intake on facebook before her appointment", ("social_media",)),
    ("an inmate on my caseload says he's in love with me", ("romantic",)),
    ("the regular meeting with the pharmacy buyer moved to 3pm", ()),
    ("frequent flyer miles from the conference are in my name, who do I ask", ()),
    ("the hospice service meeting is at noon, bring the census", ()),
    ("new intake workflow training is at 10, join us if you want", ()),
    ("inmate transport to the ED is delayed until 4, plan accordingly", ()),
    # a pronoun subject asking something of the clinician
    ("he asked me to hang out after his last appointment", ("socializing",)),
    ("he took my hand while he cried and I let him hold it for a while", ("physical_contact",)),
    ("family asked me to rub grandpa's feet with lotion, it calms him", ("physical_contact",)),
    ("my charge nurse asked me to hug the new grad, she had a rough night", ()),
    ("she asked me to cover her shift on sunday, I said sure", ()),
    # abbreviated online requests
    ("got a friend req from my client this morning, what do I do", ("social_media",)),
    ("should I accept a follow from one of my clients? my IG is private", ("social_media",)),
    ("friend req from my new coworker on the night shift, accepted", ()),
    ("accept a follow from the hospital's official account, it's our comms team", ()),
    # the clinician discharged the former client
    (
        "a man I discharged from PT last year messaged me on facebook",
        ("post_termination", "social_media"),
    ),
    (
        "a kid from my old caseload ran up and hugged me at the store",
        ("physical_contact", "post_termination"),
    ),
    ("I discharged three pts before noon, charting is behind", ()),
    # a place on the ward is not the whole team
    ("the pt's daughter left an envelope of cash for me at the front desk", ("gifts",)),
    (
        "a discharged pt came back to the unit with a present for me specifically",
        ("gifts", "post_termination"),
    ),
    ("someone left donuts at the nurses station for everyone, help yourselves", ()),
    ("a family sent a big cookie tray for the whole floor, grab one", ()),
    ("the family dropped off a fruit basket for the unit, thank you notes are on the board", ()),
    # "asked if" reports a question; a closed request stays closed
    ("he asked if he could hug me goodbye, I offered a handshake and he was fine with that", ()),
    (
        "she asked if I'd grab a drink sometime; I reminded her I'm her nurse, no harm done",
        (),
    ),
    ("my client asked if he could hug me and I said yes, we hugged", ("physical_contact",)),
    # a colleague reported by profession
    (
        "one of our psych techs plays cards with the adolescent pts after his shift",
        ("socializing",),
    ),
    (
        "the medic on B shift gave her personal cell to a pt we transport weekly",
        ("personal_contact",),
    ),
    ("our pharmacist has been dating a customer who fills his meds here", ("romantic",)),
    ("the CNAs threw a surprise party for the pt's daughter in the family lounge", ()),
    ("the pharmacist called the pt to clarify the dose", ()),
    # barter and paying for a client's things
    (
        "my client offered to fix my car in exchange for a couple of sessions",
        ("dual_relationship", "gifts"),
    ),
    ("I paid for a client's groceries out of my own pocket last week", ("gifts",)),
    ("the clinic gives clients bus passes in exchange for completed surveys", ()),
    # the clinician's own number or doorstep; a pronoun client who keeps asking
    ("a pt's son wants my own number so he can text me updates", ("personal_contact",)),
    ("a client was waiting on my front porch when I got home", ("personal_contact",)),
    ("she keeps asking what street I live on, I changed the subject twice", ("personal_contact",)),
    ("my neighbor was waiting on my front porch with a package", ()),
    ("the on-call number is my own number this weekend, call if the pump alarms", ()),
    # "unless" ends a negation; own CEU and workshop learning
    ("one resident won't settle unless I hold her hand and rub her back", ("physical_contact",)),
    ("my pt wants to pay for my CEU trip, says it's nothing to him", ("gifts",)),
    ("I don't hug clients unless they ask first and it's in the waiting room", ()),
    ("CEU reminder: the workshop on gifts from clients is tomorrow", ()),
    # one category for a combination
    ("my client gave me a big hug at the end of our last session", ("physical_contact",)),
    ("a pt's dad keeps giving me long bear hugs every morning", ("physical_contact",)),
    ("my client gave me a hug and a gift card at our last session", ("physical_contact",)),
    ("a client's brother slipped me his number and said I'm cute", ("romantic",)),
    (
        "a pt asked for my number and we've been flirting over text",
        ("personal_contact", "romantic"),
    ),
    ("my client invited me to her online book club on discord", ("social_media",)),
    ("clients keep stopping by my house on weekends to chat", ("personal_contact",)),
    # "grabbed the check" and "massage therapy" are not touch
    ("my client grabbed the check before I could stop her", ("gifts",)),
    ("my pt from massage therapy left a $20 tip for me at the desk", ("gifts",)),
    ("the massage therapy referral for my pt got denied again", ()),
    # socializing: former clients, activities, events, a client from the group
    (
        "former client wants to meet up for lunch and catch up as friends",
        ("post_termination", "socializing"),
    ),
    (
        "a discharged pt keeps asking to hang out now that treatment is over",
        ("post_termination", "socializing"),
    ),
    ("my colleague plays golf every week with one of his patients", ("socializing",)),
    ("a nurse on nights plays pickup basketball with two of the teen pts", ("socializing",)),
    ("a client family wants me at their son's graduation party, they insist", ("socializing",)),
    ("me and my 10am have a standing coffee date on fridays now", ("socializing",)),
    ("a guy from my group asked me to be his plus-one at a wedding", ("socializing",)),
    ("my client's family asked me to come to the powwow and eat with them", ("socializing",)),
    ("former client's discharge paperwork needs a signature before lunch", ()),
    ("my sister wants me at her graduation party on sunday", ()),
    ("coffee date with my husband tonight, finally a sitter", ()),
    ("the peds unit is having a playdate-themed fundraiser for staff kids", ()),
    # a colleague's ex-patient; transported patients; texting with a former client
    (
        "heard our attending is engaged to his ex-patient from the clinic",
        ("post_termination", "romantic"),
    ),
    (
        "a woman we transported last spring added me on facebook",
        ("post_termination", "social_media"),
    ),
    (
        "I've been texting with a former client every week since we ended",
        ("personal_contact", "post_termination"),
    ),
    ("the pt's ex-wife called the desk for an update and we redirected her", ()),
    ("we transported the pt to radiology at 3, chart is updated", ()),
    ("texting with the charge nurse about the pt in 4, she's stable", ()),
    # online contact from a pronoun-only client
    ("she sent me a follow request on insta after her last appointment", ("social_media",)),
    ("he keeps DMing me on instagram between visits, what do I do", ("social_media",)),
    ("my sister sent me a follow request from her new account", ()),
    ("the charge nurse sent me a friend request, she's nice", ()),
    ("he keeps forgetting his meds, can pharmacy do blister packs", ()),
]

"""Paraphrase rows of the dev10 rules round, helper c (socializing, gifts, dual relationships,
personal contact, post-termination).

Data for ``test_paraphrases.py``: each kind has positive rows in new wording and hard
negatives (``()``) that use the same words harmlessly. None is a corpus sentence.
"""

from __future__ import annotations

ROWS: list[tuple[str, tuple[str, ...]]] = [
    # two clients of the same clinician who turn out to be linked (in-laws, exes, one club)
    (
        "two pts in my cardiac rehab class found out they used to date, do I seat them apart",
        ("dual_relationship",),
    ),
    (
        "two dads in my fathers' group are brothers-in-law and one wants the other kept out",
        ("dual_relationship",),
    ),
    (
        "two clients in my DBT skills group go to the same church and gossip about each other",
        ("dual_relationship",),
    ),
    ("two pts in my room today, both doing well after surgery", ()),
    ("my sisters-in-law are coming for thanksgiving, pray for me", ()),
    ("two members of my book club are nurses on 5 west", ()),
    # a client named by the clinician's schedule or service
    (
        "the gentleman I see every wednesday brought me a jar of his honey today",
        ("gifts",),
    ),
    (
        "the teen I see for OT wants me to come watch her dance recital this weekend",
        ("socializing",),
    ),
    ("the only problem I see for wound care is the supply backorder", ()),
    ("I see every new intake within 48 hours per the clinic workflow", ()),
    # discounts and working off a bill as a favour from a client
    (
        "a patient who manages the furniture store offered me the employee discount on a sofa",
        ("gifts",),
    ),
    (
        "my client asked if he could work off his balance by painting my garage",
        ("dual_relationship", "gifts"),
    ),
    ("reminder: the employee discount at the cafeteria ends friday", ()),
    ("billing set up a plan so the family can work off the balance in monthly payments", ()),
    # the client's payer insists on covering the clinician's share of a meal
    (
        "my client took me out for coffee and refused to let me split the bill",
        ("gifts", "socializing"),
    ),
    ("my sister wouldn't let me split the check at brunch, so sweet", ()),
    # personal phone lines and mail
    (
        "a former patient found my home landline and called twice last night",
        ("personal_contact", "post_termination"),
    ),
    (
        "my client asked for my home email so she can send me her poems",
        ("personal_contact",),
    ),
    ("the home line is down at my house, text me about the shift swap instead", ()),
    # a patient's family wanting to see the clinician outside the unit
    (
        "the patient's wife said she'd love to see me outside the hospital, just as friends",
        ("socializing",),
    ),
    ("smoking is not allowed outside the unit doors, please remind visitors", ()),
    # a bar closed down by friends is not ending treatment
    ("my college roommate and I closed the bar down on saturday, so fun", ()),
    # closures: the gift sent back, a polite no, a referral to a colleague, the work address
    (
        "a grateful dad mailed me a gift card from the clinic family; I sent it back with a note",
        (),
    ),
    (
        "my client asked me to her graduation party, I said thanks but no thanks and she got it",
        (),
    ),
    (
        "my neighbor's son asked to start therapy with me, I referred him to a colleague",
        (),
    ),
    (
        "the patient wanted to mail me a card, I gave her the office address instead of mine",
        (),
    ),
    (
        "the parish asked me to run their grief group; none of my clients go there",
        (),
    ),
    # still open: sent back once, the client kept sending more
    (
        "I sent it back but my client keeps mailing me checks every month",
        ("gifts",),
    ),
    # gifts sent or mailed to the clinician again and again
    (
        "a patient's husband keeps sending me flowers at the clinic after every visit",
        ("gifts",),
    ),
    ("my mom keeps sending me flowers at work lol", ()),
    ("can you send me a check request form for the conference refund", ()),
    # former patients named by where the clinician had them
    (
        "a lady I had on the psych unit last spring sent me a follow request on instagram",
        ("post_termination", "social_media"),
    ),
    (
        "a teen I had on the burn unit two years ago dropped off cookies for me at the desk",
        ("gifts", "post_termination"),
    ),
    ("the sweater I had on the unit today got covered in betadine", ()),
    # a client named by the kind of therapy group
    (
        "a woman in my grief group handed me a $20 bill after session and walked off",
        ("gifts",),
    ),
    (
        "a dad from my parenting group invited me to his daughter's baptism",
        ("socializing",),
    ),
    ("in my DBT group today we practiced distress tolerance skills", ()),
    # a patient's family named by the unit
    (
        "a family on our unit keeps asking for my cell so they can text me updates",
        ("personal_contact",),
    ),
    ("a family on the unit asked where the chapel is, I walked them there", ()),
    # treating a colleague's relative or a landlord's spouse
    (
        "my supervisor's husband was admitted to our service and I'm his resident this week",
        ("dual_relationship",),
    ),
    (
        "my neighbor asked if I'd see his wife for couples stuff, she's been struggling",
        ("dual_relationship",),
    ),
    ("my supervisor's kid just started kindergarten, cute pics in the channel", ()),
    ("admitted to our service overnight: 3 chest pains and a sepsis rule-out", ()),
    # a printed invitation handed over is not a gift
    ("the social committee handed me an invitation to the staff holiday party", ()),
    # a trip or getaway offered by a client
    (
        "my client invited me and my wife up to his cabin for a long weekend, he'd cover gas",
        ("socializing",),
    ),
    (
        "a patient offered to fly me out to her beach house after she finishes chemo",
        ("socializing",),
    ),
    ("my brother invited us to his cabin for thanksgiving, no internet lol", ()),
    # a patient named the way residents 'follow' a case; a child-welfare caseload
    (
        "the boy I've been following on the unit asked me to come to his graduation party",
        ("socializing",),
    ),
    (
        "can I buy my foster care kids birthday presents with my own money?",
        ("gifts",),
    ),
    ("I've been following on the unit how the new bed alarms work, pretty slick", ()),
    # two patients of one unit or chair schedule who turn out to be linked
    (
        "two of our residents on 3 north turn out to be exes and now fight over one dining table",
        ("dual_relationship",),
    ),
    ("two of our residents had birthdays today, we had cake in the day room", ()),
    # selling to one's own patients
    (
        "I've started selling essential oils and a couple of my clients asked to buy some",
        ("dual_relationship",),
    ),
    ("my aunt sells essential oils and won't stop posting about it", ()),
    # errands and shopping done for a client as a favour
    (
        "I've been running errands for my client since her hip surgery, she has nobody else",
        ("gifts",),
    ),
    ("can someone run errands for the unit today? we need supplies from central", ()),
    # tickets from a client that the clinician would use sitting with the client
    (
        "my client gave me concert tickets and wants me to come with him to the show",
        ("gifts", "socializing"),
    ),
    (
        "a patient offered me her season tickets so I could sit with her at the home opener",
        ("gifts", "socializing"),
    ),
    ("my client gave me two concert tickets for me and my husband, sweet but awkward", ("gifts",)),
    ("my dad bought concert tickets and wants me to come with him next month", ()),
    # a patient's relative named by the patient's bed or room number; money "really for me"
    (
        "room 7's husband tucked a $100 bill in my pocket on his way out",
        ("gifts",),
    ),
    (
        "the family left a card 'for the staff' but the son said the cash inside is really for me",
        ("gifts",),
    ),
    ("room 7's call bell is broken again, maintenance is on it", ()),
    ("bed 3's daughter asked for the discharge paperwork and a wheelchair", ()),
]

"""Paraphrase rows of round 11 (helper f: recall for physical_contact, self_disclosure,
phi_exposure and gifts).

Data for ``test_paraphrases.py``: one block per kind of missed positive, with positive rows and
no-match ``()`` rows that use the same words in a harmless sense. None is a corpus sentence.
"""

ROWS: list[tuple[str, tuple[str, ...]]] = [
    # A child in the clinician's care named by age after an article ("a scared 7yo").
    (
        "showed a crying 6yo the scar from my own knee surgery so she'd stop panicking",
        ("self_disclosure",),
    ),
    ("showed a nervous 7yo my own hearing aid before her audiology test", ("self_disclosure",)),
    (
        "told a 10yo I have asthma too and now he wants to compare inhalers every visit",
        ("self_disclosure",),
    ),
    (
        "a shy 5yo held my hand the whole blood draw and then wanted a hug goodbye",
        ("physical_contact",),
    ),
    ("my 8yo hugged me at pickup and told me about her spelling test", ()),
    ("a 12yo in the waiting room was reading a book about dinosaurs", ()),
    ("anyone know a good dentist for a 6yo? asking for my sister's kid", ()),
    # A clinician's own private life told to every client, resident or family.
    (
        "one of our techs tells every new patient about her divorce while doing vitals",
        ("self_disclosure",),
    ),
    (
        "the evening counselor tells every new client about his own relapse in the first session",
        ("self_disclosure",),
    ),
    (
        "our peer mentor tells residents about her 6 years sober, even the ones still using",
        ("self_disclosure",),
    ),
    (
        "an aide on nights tells all the residents about her breakup, every single shift",
        ("self_disclosure",),
    ),
    ("we tell every new patient about the visiting hours and the parking validation", ()),
    ("the chaplain tells every family about the bereavement group on thursdays", ()),
    ("my coworker told me about her divorce over lunch, poor thing", ()),
    # Touch by holding or clutching hands and arms, or rubbing a knot out.
    (
        "sat with my hospice pt and held the hand of her for most of the afternoon",
        ("physical_contact",),
    ),
    ("my client keeps holding onto my arm on the way out of every session", ("physical_contact",)),
    (
        "a patient grabbed both my hands and wouldn't let go when I said goodbye",
        ("physical_contact",),
    ),
    ("my client asked me to work a knot out of his neck before we started", ("physical_contact",)),
    ("the family held the hand of their dad while we withdrew care", ()),
    ("I held onto my coffee for dear life during the fire drill", ()),
    ("the new grad keeps holding onto my arm in the stairwell, she's scared of heights lol", ()),
    # A session or group named by when it met or how it ended.
    (
        "ended a couples session with a hug from the wife, she just went for it and I froze",
        ("physical_contact",),
    ),
    ("after this morning's group one of the guys hugged me on his way out", ("physical_contact",)),
    (
        "closed the session with a hug because she was sobbing, I am not sure it was right",
        ("physical_contact",),
    ),
    ("ended the session early because the fire alarm went off", ()),
    ("tonight's group is moved to room 3, see you all there", ()),
    ("hugged my wife after yesterday's session of jury duty, what a day", ()),
    # A named patient with a symptom, procedure, drug or test result in clinical shorthand.
    (
        "can someone see Marisol Aguilar in 6? new dysuria and hematuria since this morning",
        ("phi_exposure",),
    ),
    (
        "heads up: Douglas Pratt, 71, s/p TAVR, had a syncope episode in the hallway",
        ("phi_exposure",),
    ),
    (
        "Renata Voss is on isotretinoin so hold the chemical peel until she's off it",
        ("phi_exposure",),
    ),
    ("Hollis Grant had a pacemaker placed yesterday, can you check his site", ("phi_exposure",)),
    ("who covers the migraine clinic on fridays now that Dr. Patel moved?", ()),
    ("CE module on anaphylaxis and epinephrine dosing is due by the 30th", ()),
    ("Priya Shah is presenting the TAVR outcomes data at noon conference", ()),
    # Someone in the clinician's care named by the setting's word for a client: a care-home
    # resident, a concierge member, a regular, a program participant.
    (
        "a resident tucked a fifty into my coat pocket and said it was for gas money",
        ("gifts",),
    ),
    ("one member insists on sending me a case of wine every christmas, his treat", ("gifts",)),
    ("one of our regulars at the pharmacy counter keeps bringing me homemade tamales", ("gifts",)),
    ("a participant at the day program hugged me and wouldn't let go", ("physical_contact",)),
    ("a resident from peds asked me to cover her shift, I said sure", ()),
    ("a member of the quality committee emailed about the audit dates", ()),
    ("the resident in 14 goes home friday, his daughter is picking him up", ()),
    # A closure: the writer did not take what was offered.
    ("a resident tried to give me a $10 bill, I didn't take it and she laughed it off", ()),
    ("the member offered me his box seats but I would not take it", ()),
    ("a resident's son held out cash for me, I refused to take it and thanked him", ()),
    (
        "a resident tried to give me $20 and I didn't take it but she keeps asking every shift",
        ("gifts",),
    ),
    # Countertransference: a client who resembles or brings back the clinician's own family.
    (
        "my 3pm client has my grandma's exact laugh and I tear up every session",
        ("self_disclosure",),
    ),
    (
        "every time I see this one kid I think about my sister at that age",
        ("self_disclosure",),
    ),
    (
        "the man on my visit list looks just like my late father and I linger too long",
        ("self_disclosure",),
    ),
    ("I think about my brother a lot since he moved overseas", ()),
    ("my daughter has my mom's laugh, it gets me every time", ()),
    ("this one guy in the parking lot keeps taking my spot", ()),
    # The writer's own recovery or diagnosis told to every client or resident.
    (
        "should I tell residents I'm 12 years clean myself? they keep assuming I never used",
        ("self_disclosure",),
    ),
    ("I tell every new client I'm in recovery myself, is that too much?", ("self_disclosure",)),
    ("can I tell participants I'm a survivor myself if they ask directly?", ("self_disclosure",)),
    ("our speaker is 20 years clean and tells every group about her journey, what a guest", ()),
    ("I'm type 1 too, said my coworker when I told her about my diagnosis", ()),
    ("we remind residents about the curfew, I'm in recovery myself so I get the rules", ()),
]

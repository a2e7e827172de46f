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
]

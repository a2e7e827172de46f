"""Paraphrase rows of the eleventh session: two situations in one message, and a situation
after a run of unrelated chatter.

Data for ``test_paraphrases.py`` (and training data for the learned scorer). A message that
is two situations at once ("asked me out" + "on instagram") must keep both: each category's
model was trained with the other situation's words as negatives, so both could argue the
other down. None is a corpus sentence; hard negatives (``()``) reuse the same words.
"""

ROWS: list[tuple[str, tuple[str, ...]]] = [
    # romance asked for through a social platform
    (
        "a patient slid into my DMs on insta asking if I'd go out with him",
        ("romantic", "social_media"),
    ),
    (
        "pt messaged me on facebook asking me on a date, how do I answer that",
        ("romantic", "social_media"),
    ),
    ("my client DMed me on IG to tell me she has feelings for me", ("romantic", "social_media")),
    (
        "one of my clients found me on facebook and sent a message asking me out",
        ("romantic", "social_media"),
    ),
    (
        "a patient's son followed me on instagram and then asked me out in the DMs",
        ("romantic", "social_media"),
    ),
    (
        "client keeps sending me flirty DMs on twitter after he followed me",
        ("romantic", "social_media"),
    ),
    (
        "my pt asked me out over facebook messenger, what do I even say",
        ("romantic", "social_media"),
    ),
    (
        "my patient left heart-eyes comments on my IG and then asked if I'm single",
        ("romantic", "social_media"),
    ),
    (
        "a client asked me on a date in a linkedin message of all places",
        ("romantic", "social_media"),
    ),
    ("my pt asked me out on insta", ("romantic", "social_media")),
    ("a client asked me out on facebook yesterday", ("romantic", "social_media")),
    ("patient asked me out on snapchat??", ("romantic", "social_media")),
    ("my client's dad asked me out on IG", ("romantic", "social_media")),
    # the situation after unrelated chatter
    (
        "long day, three admits and a code, charting until 8, and then my client hugged me on "
        "the way out",
        ("physical_contact",),
    ),
    (
        "paperwork all afternoon and the printer jammed twice, then at the end of session my "
        "client hugged me",
        ("physical_contact",),
    ),
    (
        "honestly swamped with notes this week. also a pt held my hand the whole visit and I "
        "let her",
        ("physical_contact",),
    ),
    # no match: colleagues, friends, family, a policy
    ("my coworker asked me out on instagram lol", ()),
    ("a guy from my climbing gym asked me out on insta, should I go", ()),
    ("my best friend's brother DMed me on facebook to ask me out", ()),
    ("charting all day, then I got home and hugged my kids", ()),
    ("swamped with charting, and my coworker hugged me when she saw the pile", ()),
    ("reminder: a date request from a client on any platform, IG included, is a hard no", ()),
]

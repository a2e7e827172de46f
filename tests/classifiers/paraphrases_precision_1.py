"""Paraphrase rows of the precision-1 round (benign probes with risky vocabulary).

Data for ``test_paraphrases.py``: mostly hard negatives (``()``) in the kinds a probe set of
benign clinician messages surfaced, plus positive rows showing the risky sense still fires.
None is a corpus sentence.
"""

ROWS: list[tuple[str, tuple[str, ...]]] = [
    # Retrieving reference or chart material is not showing something personal ("pull up").
    ("I had a kid with this exact syndrome once, pulling up the research now", ()),
    ("gimme a sec, pulling up the chart for my 2pm client", ()),
    ("pulled up the guidelines for his dx before rounds", ()),
    ("can someone pull up the labs for the patient in 6?", ()),
    ("I'll pull up the article on that med for the client's family", ()),
    ("pulled up the order set, the patient's heparin drip was already running", ()),
    ("pulled up photos of my wedding on my phone to show my client", ("self_disclosure",)),
    # Staff wellness massages are not touching a client.
    ("chair massages for staff in the lounge today, patients' families welcome to the cafe", ()),
    ("the unit has staff massage day thursday, sign up by the med room", ()),
    ("my patient asked me to massage her shoulders after the session", ("physical_contact",)),
    # A gift card the client got in their own life.
    ("my client got a gift card from her boss for ten years of service", ()),
    ("pt was excited about a gift card from his job, spending it on groceries", ()),
    ("my client gave me a gift card she got from her boss", ("gifts",)),
    # The client's own dating life.
    ("my client is dating again after the breakup, we worked on red flags", ()),
    ("pt is dating again and asked about safe sex resources", ()),
    ("she is dating again, which her ex finds hard, says the client", ()),
    ("my client is dating me again", ("romantic",)),
    # Former / ended care words in logistics.
    ("years ago the clinic used fax for every referral, now it's all e-referral", ()),
    ("back in residency we admitted 12 a night, the interns have it easy", ()),
    ("I used to cover the eating disorder caseload, ask me about the intake forms", ()),
    ("pt transferred to rehab, handoff done, family has the new unit number", ()),
    ("closed two charts today after final sessions, summaries in the EHR", ()),
    ("a widow in the grief group asked where the parking validation is", ()),
    ("my caseload dropped to 22 after the reassignments", ()),
    ("former patient called the main line to book a new intake, front desk handled it", ()),
    # Telling family or friends about one's own day.
    ("told my hubby I'm pulling a double, he's doing daycare pickup", ()),
    ("texted my mom a pic of my new badge lol", ()),
    ("told my best friend I finally got the NP job!!", ()),
    ("my own doctor upped my thyroid dose, feeling better already", ()),
    ("my grandma is in rehab after her hip, visiting her saturday", ()),
    ("told my sister about my weird patient, she laughed", ("phi_disclosure",)),
    # Own social media about non-patient things.
    ("posted my sourdough on insta, finally got an ear on it", ()),
    ("my FB got cloned, don't accept any new request from me", ()),
    ("updated my linkedin headline with the CCRN", ()),
    ("posted about the new ICU wing on the hospital's page with comms approval", ()),
    ("shared a post about our new NICU on linkedin", ()),
    ("posted about my patient in the ICU on my story", ("phi_disclosure",)),
    # Colleagues, classmates and relatives.
    ("my coworker invited me to her baby shower saturday", ()),
    ("my old classmate from PA school followed me on IG", ()),
    ("gave my charge nurse a hug after that awful code", ()),
    ("the new attending gave me his cell for the call schedule", ()),
    ("my cousin asked me to be in her wedding party", ()),
    ("got a starbucks card from my manager for nurses week", ()),
    ("my patient invited me to her wedding in june", ("socializing",)),
    # Patients named by slot, room or chair in clinical logistics.
    ("my 9am no-showed again, documenting and calling the backup", ()),
    ("chair 6 needs her port flushed", ()),
    ("room 14 wants ice chips, NPO though", ()),
    ("the 3pm cancelled, moving her to thursday", ()),
    ("bed 11 asked to call his wife on the unit phone", ()),
    # Money and food from administration or among staff.
    ("admin sent bagels to the floor for the night shift", ()),
    ("venmo me $8 for the pizza order", ()),
    ("the foundation gave every RN a $20 gift card", ()),
    ("collecting cash for a retirement gift for Deb, envelope at the desk", ()),
    # Clinical touch and procedures.
    ("held pressure on the art line site for 10 min", ()),
    ("two-person assist to the commode, gait belt on", ()),
    ("palpated his abdomen, mild RUQ tenderness", ()),
    ("gave the flu shot in her left deltoid", ()),
    # Clinical shorthand in charting talk.
    ("dx MDD recurrent, meds: sertraline 100, labs wnl", ()),
    ("K 3.2 this morning, repleted PO, recheck at 1600", ()),
    ("where do we chart the COWS score in the new flowsheet?", ()),
    # Policy and training talk.
    ("reminder: per policy no personal phones for texting patients", ()),
    ("CE on boundaries next week covers hugs and gifts", ()),
    ("per our code of ethics no romantic relationships with former clients", ()),
]

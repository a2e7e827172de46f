"""Paraphrase tables: varied wordings per category, exact categories expected.

Written for these tests (not taken from any corpus) to keep the vocabulary general: each
row is a different way clinicians phrase a situation, and the "no match" rows (``()``)
are hard negatives with the same words (staff gifts, the clinician's own family events,
a client's own landlord or wedding, policy and declined offers).
"""

from __future__ import annotations

import pytest

from classifiers import Classifier

from .paraphrases_roles import ROWS as ROLE_ROWS
from .paraphrases_round4 import ROWS as ROUND4_ROWS
from .paraphrases_round5_c import ROWS as ROUND5_C_ROWS
from .paraphrases_round5_d import ROWS as ROUND5_D_ROWS
from .paraphrases_round6_c import ROWS as ROUND6_C_ROWS
from .paraphrases_round_b import ROWS as ROUND_B_ROWS

ROWS: list[tuple[str, tuple[str, ...]]] = [
    ("my client brought me a loaf of homemade banana bread today", ("gifts",)),
    ("a patient tried to tip me after his bath, what do I do", ("gifts",)),
    ("client left me a gift card in an envelope at the front desk", ("gifts",)),
    ("one of my clients made me a scarf, she knitted it herself", ("gifts",)),
    ("my patient wants to pay for my lunch every time we do a home visit", ("gifts",)),
    ("client's mom gave me a starbucks gift card for christmas", ("gifts",)),
    ("a pt offered me his old truck since he can't drive anymore", ("gifts",)),
    ("resident at the nursing home wants to leave me something in her will", ("gifts",)),
    ("my client's dad wrote me a check for $500 as a thank you", ("gifts",)),
    ("can I accept a small present from a client at our last session?", ("gifts",)),
    ("my pt keeps bringing me coffee before our appointments", ("gifts",)),
    ("client gave me concert tickets and won't take them back", ("gifts",)),
    ("client asked if she could borrow $50 from me until friday", ("gifts",)),
    ("I lent my client money for groceries last week", ("gifts",)),
    ("a patient's son offered me cash to keep an extra eye on his mom", ("gifts",)),
    ("my client baked me cookies for my birthday", ("gifts",)),
    ("my client, who owns a nail salon, keeps giving me free manicures", ("gifts",)),
    ("patient handed me a $100 bill after the procedure", ("gifts",)),
    ("pt gave me a bottle of whiskey for christmas lol", ("gifts",)),
    ("client sent flowers to my office after her divorce was finalized", ("gifts",)),
    ("I bought my client a winter coat because she didn't have one", ("gifts",)),
    ("should I give my client a graduation present?", ("gifts",)),
    ("my patient's family wants to name me in their will", ("gifts",)),
    ("client paid for my coffee at the drive-thru behind me", ("gifts",)),
    ("a family member of my pt gave me a $25 amazon card", ("gifts",)),
    ("the kid I work with drew me a picture and his mom added a gift card", ("gifts",)),
    ("client offered me a discount at her store", ("gifts",)),
    ("my client asked me to come to her wedding in june", ("socializing",)),
    ("pt invited me to his graduation party, should I go?", ("socializing",)),
    ("a client wants to grab coffee after our last session", ("socializing",)),
    ("my client's family invited me over for thanksgiving dinner", ("socializing",)),
    ("my patient asked if we could hang out sometime as friends", ("socializing",)),
    ("client invited me to watch her daughter's recital", ("socializing",)),
    (
        "I ran into my client at the bar and we ended up having a few drinks together",
        ("socializing",),
    ),
    ("a pt's family asked me to come to his funeral", ("socializing",)),
    ("my client wants me to go to her baby shower", ("socializing",)),
    ("client asked me to be a bridesmaid", ("socializing",)),
    ("one of my pts invited me to a bbq at his place this weekend", ("socializing",)),
    ("is it ok to attend a client's art show?", ("socializing",)),
    ("my client keeps asking me to go to church with her", ("socializing",)),
    ("my client and I went out to dinner after group", ("socializing",)),
    ("a patient wants me to come to his band's gig on saturday", ("socializing",)),
    ("I went to my client's birthday party last night", ("socializing",)),
    ("my client invited me to join her book club", ("socializing",)),
    ("the family I see invited me to their son's bar mitzvah", ("socializing",)),
    ("a client offered to take me fishing on his boat", ("socializing",)),
    ("my pt wants to meet up at the park on the weekend", ("socializing",)),
    ("client asked if I wanted to come over to watch the game", ("socializing",)),
    ("my client owns a bakery and wants to hire me to do her books", ("dual_relationship",)),
    ("my landlord just booked an intake with me", ("dual_relationship",)),
    ("a patient offered me a job at his company", ("dual_relationship",)),
    ("my client is a contractor, can I hire him to redo my kitchen?", ("dual_relationship",)),
    ("my new client goes to my church and sits two pews behind me", ("dual_relationship",)),
    ("my cousin wants me to be her therapist", ("dual_relationship",)),
    ("a friend of a friend asked to start therapy with me", ("dual_relationship",)),
    ("my client is my daughter's teacher", ("dual_relationship",)),
    ("my client's husband is my mechanic", ("dual_relationship",)),
    (
        "I live in a small town and my client works at the only grocery store",
        ("dual_relationship",),
    ),
    (
        "my coworker's son just got admitted to my unit and I'm assigned to him",
        ("dual_relationship",),
    ),
    ("my client wants to sell me his boat", ("dual_relationship",)),
    ("can I buy a car from my client's dealership?", ("dual_relationship",)),
    ("client asked me to babysit her kids on weekends", ("dual_relationship",)),
    ("my client is my accountant", ("dual_relationship",)),
    ("my neighbor asked if I'd see her son for therapy", ("dual_relationship",)),
    ("my client wants to barter landscaping for therapy", ("dual_relationship", "gifts")),
    ("I told my husband about the pt who came in with the weird injury", ("phi_disclosure",)),
    ("vented to my mom about my client's abuse history last night", ("phi_disclosure",)),
    (
        "my wife asked about my day so I told her about the overdose we had, used his name",
        ("phi_disclosure",),
    ),
    ("I posted about a patient's crazy story on my instagram story, no names", ("phi_disclosure",)),
    ("told my book club about a client going through a messy divorce", ("phi_disclosure",)),
    ("shared a pt's x-ray in my family group chat because it was wild", ("phi_disclosure",)),
    ("I mentioned to my roommate that her coworker is one of my clients", ("phi_disclosure",)),
    ("posted a tiktok about a patient who came in drunk", ("phi_disclosure",)),
    (
        "my sister asked about the celebrity on our unit and I told her what he was in for",
        ("phi_disclosure",),
    ),
    ("talked to my partner about my client's suicidal thoughts over dinner", ("phi_disclosure",)),
    ("a nurse on our unit posted a pic of a patient's tattoo on reddit", ("phi_disclosure",)),
    ("told my dad about my pt's cancer diagnosis", ("phi_disclosure",)),
    ("my client sent me a friend request on facebook", ("social_media",)),
    ("pt followed me on instagram last night", ("social_media",)),
    ("I looked up my client on linkedin", ("social_media",)),
    ("a patient dm'd me on insta", ("social_media",)),
    ("client tagged me in a tiktok", ("social_media",)),
    ("I gave my client my personal cell number", ("personal_contact",)),
    ("my pt has been texting my personal phone late at night", ("personal_contact",)),
    ("client showed up at my house on sunday", ("personal_contact",)),
    ("I think I'm falling for my client", ("romantic",)),
    ("my patient asked me out on a date", ("romantic",)),
    ("my client's brother keeps flirting with me", ("romantic",)),
    ("my client hugged me at the end of session", ("physical_contact",)),
    ("I held my patient's hand while she cried", ("physical_contact",)),
    ("I told my client about my miscarriage", ("self_disclosure",)),
    ("shared my own divorce story with a client today", ("self_disclosure",)),
    ("a former client invited me to her wedding", ("post_termination", "socializing")),
    (
        "a former client wants to hire me for his business",
        ("dual_relationship", "post_termination"),
    ),
    ("my husband brought me flowers today", ()),
    ("I bought my mom a necklace for her birthday", ()),
    (
        "the unit got a fruit basket from a patient's family, it's in the break room for everyone",
        (),
    ),
    ("a family dropped off cookies for the whole staff, help yourselves", ()),
    ("gift card raffle for nurses week, enter by friday", ()),
    ("does anyone want to grab lunch after rounds?", ()),
    ("team dinner friday, who's in", ()),
    ("my sister's wedding is this weekend so I'm off saturday", ()),
    ("going to a funeral tomorrow, my uncle passed", ()),
    ("client portal is down, can't send invoices", ()),
    ("the vendor invited us to a demo lunch", ()),
    ("coffee with my supervisor went great", ()),
    ("pt refused lunch again, notify dietary", ()),
    ("family wants to bring in a birthday cake for the pt, is that ok with dietary?", ()),
    ("my landlord raised my rent again ugh", ()),
    ("we are hiring two new RNs for nights", ()),
    ("I hired a babysitter for saturday so I can cover", ()),
    ("my friend's son is applying to nursing school", ()),
    ("my cousin is a therapist in ohio, she says the same thing", ()),
    ("I told my husband I'd be late tonight", ()),
    ("my mom asked how work was and I said busy", ()),
    ("posted the shift schedule in the group chat", ()),
    ("pt's wife told me he gets confused at night", ()),
    ("patient shared that her daughter is visiting from out of town", ()),
    ("I shared the new protocol with the team", ()),
    ("pt's family asked about visiting hours", ()),
    ("patient bought a gift for his wife at the gift shop", ()),
    ("pt tipped over his water pitcher again", ()),
    ("client paid her copay in cash", ()),
    ("client asked to borrow a pen to fill out the intake form", ()),
    ("let's invite the pharmacist to the care conference", ()),
    ("I'm meeting the client for the home visit at 2", ()),
    ("client's family is throwing her a graduation party, she's so proud", ()),
    ("pt talked about his wedding anniversary, very sweet", ()),
    ("the patient's daughter is getting married next month", ()),
    ("I declined the gift card and thanked him for the thought", ()),
    ("I would never lend money to a client", ()),
    ("reminder: per policy staff may not accept cash tips from patients", ()),
    ("patient's son is a contractor, he's redoing the family home", ()),
    ("client works as a realtor and is stressed about the market", ()),
    ("client's landlord is threatening eviction, referred to legal aid", ()),
    ("my friend works at the same hospital", ()),
    ("told my coworker about the pt in 4's fall so she can watch him", ()),
    ("discussed the case with my supervisor", ()),
    ("I texted the charge nurse about the pt's BP", ()),
    ("my neighbor is a nurse too", ()),
    ("client brought her dog to session, it was very cute", ()),
    ("a colleague gave me a gift card for covering her shift", ()),
    ("client invited her sister to the family session", ()),
    ("patient is having a party in the dayroom for his birthday, staff can sign the card", ()),
    ("my kid's teacher emailed about the field trip", ()),
    ("we got coffee for the night shift", ()),
    ("pt said he wants to go fishing when he's discharged", ()),
    (
        "client talked about the funeral of her grandmother",
        (),
    ),  # structural cues: someone in care named by pronoun or role, generic case references,
    # disclosure to a pronoun/group, former-client phrasing, second roles via family
    ("she bought me a set of earrings for my birthday, I'm her OT", ("gifts",)),
    ("he slips me a twenty every visit, says it's for gas", ("gifts",)),
    ("he held my hand through the whole session and I let him", ("physical_contact",)),
    ("the old man in 7 hugged me every morning and I hugged him back", ("physical_contact",)),
    ("she asked for my personal cell so she can reach me on sundays", ("personal_contact",)),
    ("I told him about my own divorce when he was crying about his", ("self_disclosure",)),
    ("told the group I'm in recovery myself", ("self_disclosure",)),
    ("told my husband about the kid with the gunshot wound from the ER", ("phi_disclosure",)),
    ("vented to my sister about the lady who overdosed on our unit", ("phi_disclosure",)),
    ("a man I used to treat asked me out for drinks", ("post_termination", "romantic")),
    ("my new client is my son's soccer coach", ("dual_relationship",)),
    ("the lady who does my nails just became my client", ("dual_relationship",)),
    ("my coworker gave me a candle for secret santa", ()),
    ("she gave me a great handoff, thanks to the night nurse", ()),
    ("my husband bought me flowers and I cried", ()),
    ("the team hugged me at my going-away party", ()),
    ("told my manager about the pt who fell on our unit", ()),
    ("my son's soccer coach rescheduled practice again", ()),
    ("he invited me to his band's show on friday, I'm his counselor", ("socializing",)),
    ("I put my hand on her shoulder while she sobbed through the session", ("physical_contact",)),
    ("she asked me to come to her quinceanera, I'm her school counselor", ("socializing",)),
    ("my coworker invited me to trivia night", ()),
    ("she invited me to the unit potluck, staff only", ()),
    ("I rubbed my daughter's back until she fell asleep", ()),
    ("the family gave the nurses a pizza party", ()),
    ("my manager hugged me after the code", ()),
    ("he asked me out after our last appointment and I said maybe", ("romantic",)),
    ("she tried to kiss me at the end of the home visit", ("romantic",)),
    ("told my roommate about the guy who swallowed a fork in the ER", ("phi_disclosure",)),
    ("my group chat knows everything about my clients lol", ("phi_disclosure",)),
    ("my sister asked me out to dinner for her birthday", ()),
    ("he asked me to cover his shift, my coworker is the best", ()),
    ("my bf tried to kiss me at the airport", ()),
    ("tweeted about the new parking garage finally opening", ()),
    ("went kayaking with my client and his brother last sunday", ("socializing",)),
    ("I gave him my gmail so he can send me his drawings", ("personal_contact",)),
    ("she keeps asking where I live and what car I drive", ("personal_contact",)),
    ("went hiking with my kids and the dog", ()),
    ("client went fishing with his dad, first time in years", ()),
    ("gave the family my extension at the clinic", ()),
    ("I gave her my pager number for the shift, she's covering for me", ()),
    ("I wiped her tears and held her for a minute, she is my client", ("physical_contact",)),
    ("told him I'm a survivor too, he seemed relieved", ("self_disclosure",)),
    ("I tell clients about my panic attacks sometimes", ("self_disclosure",)),
    ("I braid my daughter's hair every morning", ()),
    ("told her I'm a survivor of the 2019 layoffs, she laughed - she is my manager", ()),
    # "my client" as the subject of the client's own life: the clinician takes no part
    ("my client is going to a wedding this weekend and is anxious about drinking", ()),
    ("my patient went to a party and relapsed, we processed it in session", ()),
    ("my client hugged her son at the end of the family session", ()),
    ("my client follows a lot of wellness influencers on instagram and it makes her anxious", ()),
    ("and my client invited me to her wedding, should I go?", ("socializing",)),
    ("hugged my client goodbye at her last session", ("physical_contact",)),
    ("my client's daughter gave me a mug she painted", ("gifts",)),
    # teaching material (vignettes, role plays) stays quiet even when it asks a question
    ("the client in the practice vignette asks her counselor out, how would you respond?", ()),
    ("we role played a client offering a gift card in supervision today, would you take it?", ()),
    ("the patient's husband said he'd pray for me, sweet man", ()),
    ("my patient's daughter gave me the list of his meds so I could update the chart", ()),
    ("the mom handed me his insurance card and the consent forms at check-in", ()),
    ("client asked if we have a facebook page for the practice", ()),
    ("my client found my personal facebook page and messaged me", ("social_media",)),
    # dev5 round: word families for its misses, and closure / teaching / own-family negatives
    # gifts: paying for the clinician's things, bequest phrasing
    ("my client keeps paying for my parking when we meet at the clinic garage", ("gifts",)),
    ("a pt's husband offered to cover my son's tuition for band camp", ("gifts",)),
    ("the family said their dad wanted me to have his watch", ("gifts",)),
    # dual_relationship: hiring, supervising, buying from a client
    (
        "thinking about hiring a client as my office assistant, she's great with spreadsheets",
        ("dual_relationship",),
    ),
    (
        "a former pt of mine asked me to be his clinical supervisor for licensure",
        ("dual_relationship", "post_termination"),
    ),
    (
        "I buy my bread every week at a bakery my client owns and she always waves",
        ("dual_relationship",),
    ),
    ("my client offered to trade yard work for sessions", ("dual_relationship", "gifts")),
    # phi_disclosure: audiences, places, overheard sessions
    ("I mentioned at church that one of my clients is in detox", ("phi_disclosure",)),
    (
        "told the other parents at soccer that the coach's wife is on my caseload",
        ("phi_disclosure",),
    ),
    (
        "my partner overheard my session from the kitchen and now asks about the client",
        ("phi_disclosure",),
    ),
    # socializing
    ("my hospice pt's son asked me to stay for dinner after the visit and I did", ("socializing",)),
    ("my client invited me to her karaoke night and I went for an hour", ("socializing",)),
    # self_disclosure / countertransference
    ("I used my own divorce as an example with a client today", ("self_disclosure",)),
    (
        "this pt is the same age as my daughter and I can't stop worrying about him",
        ("self_disclosure",),
    ),
    # physical_contact
    ("let my client braid my hair during art group", ("physical_contact",)),
    ("my pt asked me to put lotion on her back and I did it", ("physical_contact",)),
    # romantic
    ("I keep fantasizing about a client and I need a consult", ("romantic",)),
    # no match: an approach reported closed (labelling policy 11), teaching material,
    # the patient's own family, practice channels
    ("pt asked for my cell, gave her the clinic number instead", ()),
    ("a client asked for a hug at our last session and I offered a handshake instead", ()),
    ("she asked me to lunch, I kindly declined and she was fine with it. no harm done", ()),
    ("orientation quiz: a patient offers you cash, what do you do?", ()),
    ("our clinic is moving appointment reminders to a new texting vendor next month", ()),
    ("pt's daughter hugged her mom before the transfer and cried", ()),
    ("pt's mom brought balloons for her son's birthday on the unit", ()),
    ("my friend asked about her own insomnia meds and I said to ask her doctor", ()),
    ("pt's cousin is on 5 west too, the family goes back and forth", ()),
    ("the new grad asked if she could keep a scarf from a pt; pointed her to the policy", ()),
    # gifts: money given as an amount (token patterns)
    ("my pt's wife venmo'd me $40 as a thank you after the home visit", ("gifts",)),
    ("the patient left $20 on the tray table for me after his bath", ("gifts",)),
    ("my client's mother stuffed fifty bucks into my coat pocket at discharge", ("gifts",)),
    ("my client mailed me a $50 check with her holiday card", ("gifts",)),
    ("I handed my client a 20 for the cab because she was stranded", ("gifts",)),
    ("the family of my hospice pt sent me a $100 visa card", ("gifts",)),
    ("my patient gave me a $100 tip", ("gifts",)),
    # phi_exposure: identifier shapes with patient or health context
    ("pt admitted overnight, MRN 00-271828, rule out PE, can someone see him", ("phi_exposure",)),
    ("mrn#4455 is in bed 3 with new onset seizures", ("phi_exposure",)),
    ("acct 12-3456-7 is the pt whose insurance denied the MRI", ("phi_exposure",)),
    ("anyone seen the consult for pt 4455-0000-11? new onset seizures", ("phi_exposure",)),
    # no match: benign money (billing, parking, cafeteria, payroll, staff collections, advice)
    # and identifiers without a patient (sandbox, broken field, badge, room and extension)
    ("my client's copay went up to $40 this year and she asked me about a payment plan", ()),
    ("my patient owes $200 on his bill, I told him to call billing", ()),
    ("reminder: parking for patients is $5 with validation", ()),
    ("we're collecting $20 each for Dana's farewell gift, venmo me", ()),
    ("does anyone have good tips for charting on my patients faster", ()),
    ("my paycheck was $200 short this month after the payroll change", ()),
    ("the cafeteria charges $12 for a salad now, my patients complain too", ()),
    ("a pt left a 5-star google review on the clinic page", ()),
    ("the training sandbox has pt 4455-0000-11 as a dummy record for practice", ()),
    ("the MRN field in the new intake form is broken, it keeps showing 00-000000", ()),
    ("my badge id 12-3456 stopped working at the staff entrance", ()),
    ("room 4455 ext 2231 if the pt's family needs to call the desk", ()),
    # self_disclosure: a client asks about the clinician's own life and the clinician answers
    ("my client asked if I have kids and I told her about my twins", ("self_disclosure",)),
    ("pt asked whether I've ever been depressed. I said yes, years ago", ("self_disclosure",)),
    ("a patient asked about my religion and I told him I'm catholic", ("self_disclosure",)),
    ("my client keeps asking about my divorce and I've been answering", ("self_disclosure",)),
    ("I got into my custody fight with a client today, way too much", ("self_disclosure",)),
    ("I complain about my back pain to my patients all the time", ("self_disclosure",)),
    # phi_disclosure: told to a community group, patient described by role or care setting
    ("I told my congregation about a patient who was dying of cancer", ("phi_disclosure",)),
    ("mentioned a client's relapse at my running club without his name", ("phi_disclosure",)),
    ("told my husband about the woman whose baby we lost on the unit tonight", ("phi_disclosure",)),
    ("told my dad the mayor is at our clinic for dialysis", ("phi_disclosure",)),
    ("told my sister her neighbor has pneumonia and is on our floor", ("phi_disclosure",)),
    # dual_relationship: treating someone known personally, second roles
    ("got assigned the intake on a guy I went to high school with", ("dual_relationship",)),
    ("I'm doing an eval on my cousin's son next week, nobody else can", ("dual_relationship",)),
    ("one of my clients is my pilates instructor", ("dual_relationship",)),
    ("my client is in my grad class this semester", ("dual_relationship",)),
    # no match: the clinician asked for time or an item, a client's own divorce, community
    # groups, classes and illnesses with no patient, a policy reminder
    ("my client asked if I have a minute after group, I said yes", ()),
    ("pt asked if I had the discharge papers, I said yes they're printed", ()),
    ("my client told me about her divorce and I just listened", ()),
    ("the pt's cousin's husband is picking her up at noon", ()),
    ("my congregation is collecting coats for the shelter this weekend", ()),
    ("reminder: never share patient stories at your book club, even without names", ()),
    ("grad class tonight on the HIPAA privacy rule, bring your laptop", ()),
    ("my yoga instructor canceled class so I'm charting at home", ()),
    ("I went to high school with the new charge nurse, small world", ()),
    ("my husband has pneumonia so I'm out tomorrow", ()),
    # phi_exposure: a name with clinical shorthand
    ("Marisol Fakeworth, 52, new afib overnight, on a heparin drip now", ("phi_exposure",)),
    ("Desmond Testwood, 61, septic from the nursing home, bed 4 needs cultures", ("phi_exposure",)),
    ("Gunnar Pretendson, 29, HIV+, viral load pending, pls call him back", ("phi_exposure",)),
    # phi_disclosure: asked point blank, posts without a name
    (
        "my aunt asked me point blank if her neighbor sees me for therapy. I said yes",
        ("phi_disclosure",),
    ),
    (
        "I tweeted about a guy who came in today with a fork in his ear, no name",
        ("phi_disclosure",),
    ),
    ("posted a pic of our ED whiteboard to my story, names half blurred", ("phi_disclosure",)),
    # dual_relationship: business ties, clinician named by role for a pronoun client
    ("she asked me to co-sign her apartment lease. I'm her case manager", ("dual_relationship",)),
    ("a client asked me to be a silent partner in his bakery", ("dual_relationship",)),
    ("thinking of renting my spare room to a client who needs housing", ("dual_relationship",)),
    # no match: a colleague's first name, a personal question, a post with no patient, role
    # logistics, a room for staff
    ("Marisol from pharmacy says the heparin drip protocol changed on monday", ()),
    ("my aunt asked me point blank if I'm coming to thanksgiving", ()),
    ("I tweeted about the new parking garage, no names of course", ()),
    ("I'm her case manager, so I'll send the housing forms to her landlord", ()),
    ("renting my spare room to a travel nurse this summer", ()),
    # self_disclosure: countertransference in other words
    ("I'm way too invested in one of my clients, I lose sleep over her", ("self_disclosure",)),
    ("honestly I see myself in this patient and it's clouding my judgment", ("self_disclosure",)),
    ("I've gotten really protective of a teen client, like a daughter to me", ("self_disclosure",)),
    # no match: praise is not self-disclosure; protective equipment
    ("told my client I'm so proud of her for finishing the program", ()),
    ("pt finished PT today, I told him I was proud of him and he grinned", ()),
    ("we ran out of protective gowns again on 4 east", ()),
    # an approach the writer reports closed in the same clause (labelling policy 11)
    ("the family invited me to the memorial lunch, I thanked them and said I couldn't", ()),
    ("a student on my caseload asked to follow me on tiktok, told him nope", ()),
    ("pt's wife offered me a gift card, I'm going to decline it and thank her", ()),
    ("a client invited me to his band's show and I said I couldn't wait", ("socializing",)),
    # a refusal in another sentence does not close what follows (still unresolved)
    (
        "a pt asked for my cell. I said I can't. now he calls the unit asking for me",
        ("personal_contact",),
    ),
]


def test_table_has_positive_and_no_match_rows() -> None:
    assert sum(1 for _, cats in ROWS if not cats) >= 30
    assert sum(1 for _, cats in ROWS if cats) >= 60
    assert any(cats for _, cats in ROLE_ROWS) and any(not cats for _, cats in ROLE_ROWS)
    assert any(cats for _, cats in ROUND4_ROWS) and any(not cats for _, cats in ROUND4_ROWS)


#: Rows the classifier gets wrong on purpose, with the reason (strict: they fail when fixed).
KNOWN_MISSES = {
    "my client wants to barter landscaping for therapy": (
        "the learned veto at 0.15 doubts the second category (gifts scores 0.11); keeping "
        "doubted second categories lowered every corpus part (docs/CLASSIFIER.md)"
    ),
    "acct 12-3456-7 is the pt whose insurance denied the MRI": (
        "vetoed at 0.15 (scores 0.135); exempting phi_exposure from the veto cost a benign "
        "false positive on a fresh part (docs/CLASSIFIER.md)"
    ),
    "heard our attending is engaged to his ex-patient from the clinic": (
        "romantic stands; the veto at 0.15 doubts the second category post_termination (0.11)"
    ),
    "the pt's husband asked if he could hug me before they left": (
        "vetoed at 0.15 by the scorer retrained on dev..dev7 (scores 0.07)"
    ),
}


def _params(rows: list[tuple[str, tuple[str, ...]]]) -> list[object]:
    """The rows as test parameters, known misses marked as strict xfails."""
    return [
        pytest.param(t, e, marks=pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[t]))
        if t in KNOWN_MISSES
        else (t, e)
        for t, e in rows
    ]


ALL_ROWS = (
    ROWS + ROLE_ROWS + ROUND4_ROWS + ROUND_B_ROWS + ROUND5_C_ROWS + ROUND5_D_ROWS + ROUND6_C_ROWS
)


@pytest.mark.parametrize(("text", "expected"), _params(ALL_ROWS))
def test_paraphrase(classifier: Classifier, text: str, expected: tuple[str, ...]) -> None:
    assessment = classifier.assess(text)
    assert tuple(sorted(assessment.categories)) == expected, (
        [(f.category, f.rule_id, [e.text for e in f.evidence]) for f in assessment.findings],
        [(s.finding.category, s.reason) for s in assessment.suppressed],
    )

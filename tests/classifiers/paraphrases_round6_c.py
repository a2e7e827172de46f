"""Paraphrase rows of the dev9 rules round, helper c (socializing, gifts, dual relationships,
personal contact, post-termination).

Data for ``test_paraphrases.py``: each kind has positive rows in new wording and hard
negatives (``()``) that use the same words harmlessly. None is a corpus sentence.
"""

from __future__ import annotations

ROWS: list[tuple[str, tuple[str, ...]]] = [
    # a client named by the service the clinician gives them (interpreting, rehab, fitting,
    # weekly visits, prescriptions, a newly picked-up case, a room or bed number)
    (
        "the grandmother I interpret for at cardiology gave me a silk scarf she made",
        ("gifts",),
    ),
    (
        "a teen doing knee rehab with me asked me to come to her quinceanera next month",
        ("socializing",),
    ),
    (
        "the man I fit for hearing aids last week wants my personal number for questions",
        ("personal_contact",),
    ),
    (
        "older gentleman who comes in weekly for INR checks handed me a $50 bill today",
        ("gifts",),
    ),
    (
        "the lady in bed 14 insists I take her gold bracelet home, she won't hear otherwise",
        ("gifts",),
    ),
    (
        "one of our dialysis families asked me over for a barbecue this sunday, should I go?",
        ("socializing",),
    ),
    ("I interpret for the cardiology clinic on tuesdays and thursdays", ()),
    ("the patient in bed 14 needs a bladder scan before noon", ()),
    ("a teen doing knee rehab with me hit her goals today, so proud of her", ()),
    # a former client named by how care ended (transfer, program completed, wrapped up,
    # discharged from the clinic, died, an old client named with the service)
    (
        "a guy who finished the program in the spring keeps sending me snapchats",
        ("post_termination", "social_media"),
    ),
    (
        "woman I transferred to another clinic last year invited me to her book club",
        ("post_termination", "socializing"),
    ),
    (
        "my old speech therapy client from 2021 asked me to coffee, we wrapped two years ago",
        ("post_termination", "socializing"),
    ),
    (
        "a resident who died in march left me her sewing machine, her grandson brought it by"
        " this morning",
        ("gifts", "post_termination"),
    ),
    (
        "pt who was fully discharged from our clinic in may is now selling me his boat",
        ("dual_relationship", "post_termination"),
    ),
    ("she finished the program in may and her labs look great at follow-up", ()),
    ("we transferred the pt to another clinic closer to his home, records faxed", ()),
    ("my old charting template is gone after the epic update", ()),
    # gifts: food for the clinician, paying the clinician's debts, cash in an envelope,
    # a meal the client paid for, a cheque made out to the clinician
    (
        "a client keeps bringing tamales for your lunch, she says, every single session",
        ("gifts",),
    ),
    (
        "one of my pts offered to pay my rent this month after hearing I got a big vet bill",
        ("gifts",),
    ),
    (
        "the son of my hospice pt keeps trying to give me an envelope of cash at the bedside",
        ("gifts",),
    ),
    (
        "my client took me to brunch and won't let me pay, every time, is that a problem?",
        ("gifts", "socializing"),
    ),
    (
        "patient's wife mailed a check made out to me personally, not the practice",
        ("gifts",),
    ),
    ("billing q: the pt's check was made out to the hospital, where does it go", ()),
    ("I packed leftovers for your lunch tomorrow, check the staff fridge", ()),
    ("I still need to pay my rent before the first, ugh", ()),
    (
        "pt tried to give me a $10 tip, I explained the policy and he put it back in his"
        " wallet, no issue",
        (),
    ),
    # socializing: activity partners, doing a hobby together, staying for a meal, taking a
    # resident to the clinician's church, a client's team, ceremonies
    (
        "my tuesday client asked me to be his pickleball partner at the rec center",
        ("socializing",),
    ),
    (
        "a patient and I now train together at the same crossfit box, we spot each other",
        ("socializing",),
    ),
    (
        "every visit the pt's daughter cooks and insists I stay for dinner, I usually do",
        ("socializing",),
    ),
    (
        "a resident on my unit asked me to join her bowling team on wednesdays",
        ("socializing",),
    ),
    (
        "the family I see for play therapy invited me to the kid's baptism ceremony",
        ("socializing",),
    ),
    (
        "my client invited me and my wife to his lake cabin for the weekend",
        ("socializing",),
    ),
    ("my husband and I train together for the marathon on weekends", ()),
    ("our softball team won the hospital league, congrats everyone!", ()),
    ("pt was too tired to stay for dinner at the group home, she napped instead", ()),
    # dual relationship: selling to clients, buying from them, investments, authority over
    # the clinician, a client hired by the practice
    (
        "I do jewelry sales as a side hustle and now my client wants to buy through my link",
        ("dual_relationship",),
    ),
    (
        "my home health pt wants to buy my old truck, he offered a fair price, can I sell it"
        " to him?",
        ("dual_relationship",),
    ),
    (
        "a patient asked me to sit on the advisory board for his startup, with equity",
        ("dual_relationship",),
    ),
    (
        "my new client is the colonel who signs my evals, and there's nobody else to see him",
        ("dual_relationship",),
    ),
    (
        "a client of mine just got hired as our billing coordinator, awkward",
        ("dual_relationship",),
    ),
    ("the pt's advisory board meeting for the support group is tuesday", ()),
    ("selling my old truck if anyone on the unit is interested, dm me", ()),
    ("our new front desk manager starts monday, say hi to her", ()),
    # dual relationship: treating someone the clinician knows (a relative on the OR list, a
    # coworker's eval, an interpreter's relative, becoming an acquaintance's doctor)
    (
        "my brother-in-law is on my table list for thursday, can someone switch with me?",
        ("dual_relationship",),
    ),
    (
        "the guy I carpool with is scheduled for his pre-employment physical with me friday",
        ("dual_relationship",),
    ),
    (
        "my daughter's piano teacher came into urgent care on my shift and now asks me to be"
        " her doctor",
        ("dual_relationship",),
    ),
    ("my brother-in-law is a surgeon too, we talk shop at thanksgiving", ()),
    ("interpreter services number is on the wall by the nurses station", ()),
    # two of the clinician's clients who know each other
    (
        "two of my clients turn out to be roommates and neither knows the other sees me",
        ("dual_relationship",),
    ),
    (
        "found out my monday and friday couples clients are best friends, they both want me"
        " as their therapist anyway",
        ("dual_relationship",),
    ),
    ("two of my clients no-showed today, both on my caseload since june", ()),
    ("the couple I'm seeing are going through a divorce, lots of conflict in session", ()),
    # a factual 'we don't have' is not a policy line; a client's 'please don't say no'
    (
        "my pt asked for my personal cell for the weekend since we don't have an on-call line"
        " here, what do I do?",
        ("personal_contact",),
    ),
    # a patient named by the treatment they are on; a family named by where they wait; a
    # gift at the end of today's session
    (
        "I gave my cell to the lady on home dialysis so she could text me if the machine" " alarms",
        ("personal_contact",),
    ),
    (
        "the kid on the vent's mom keeps texting my personal number at night",
        ("personal_contact",),
    ),
    (
        "the family in the waiting room pressed a gift card into my hand after the surgery",
        ("gifts",),
    ),
    (
        "my client gave me a hand-painted mug at the end of today's session, do I keep it?",
        ("gifts",),
    ),
    ("the guy on TPN needs his line dressing changed at 1400", ()),
    ("family in the waiting room asked for an update, can someone page the surgeon", ()),
    ("today's session was hard, the client relapsed over the weekend", ()),
    # VA clinicians' 'my vets' are their patients, not a veterinarian second role; 'get to
    # know each other' is an approach, not two clients who know each other
    (
        "one of my vets invited me to his retirement party at the VFW hall",
        ("socializing",),
    ),
    ("my vets group went well today, lots of sharing about sleep", ()),
    ("the new hires spent orientation getting to know each other and the unit", ()),
    # billing about a former patient is not contact with them
    ("insurance sent a check for an old claim on a pt who terminated years ago, deposit it?", ()),
    ("reimbursement came through for the discharged pt's last visit", ()),
    # a patient's sibling or partner given the clinician's number
    (
        "I gave the pt's sister my cell so she could update me on him over the weekend",
        ("personal_contact",),
    ),
    ("the pt's sister left her number at the desk for the doctor to call", ()),
    # clients named by a role noun of the setting (players, athletes, members, veterans) or by
    # the care given ('a man I do wound care for')
    (
        "one of my players asked me to come to his birthday bbq on saturday",
        ("socializing",),
    ),
    (
        "a man I do wound care for gave me his late wife's watch, I don't know what to say",
        ("gifts",),
    ),
    ("one of my players tore his ACL at practice, out for the season", ()),
    ("I do wound care for the whole hall on tuesdays", ()),
    # the clinician as the client's customer, or their children sharing an institution
    (
        "I get my car fixed at my client's shop and he never charges me for labor",
        ("dual_relationship",),
    ),
    (
        "a pt of mine runs the daycare my son goes to, pickup is awkward",
        ("dual_relationship",),
    ),
    (
        "my client wants me to buy her condo since she's moving out of state",
        ("dual_relationship",),
    ),
    (
        "my pt sells insurance and wants to sell me a policy, can I buy from him?",
        ("dual_relationship",),
    ),
    ("my son goes to the same daycare as my coworker's daughter", ()),
    ("anyone know a good shop to get my car fixed near the hospital?", ()),
    ("the pt's insurance policy won't cover the wheelchair, SW is appealing", ()),
    # former clients by graduating from a program, finishing a therapy, a case closed out, or
    # 'seasons ago'
    (
        "a guy who graduated from our cardiac rehab program asked me to golf with him",
        ("post_termination", "socializing"),
    ),
    (
        "a kid I finished speech with last spring invited me to his birthday party",
        ("post_termination", "socializing"),
    ),
    (
        "a client I closed out in april dropped off a bouquet at my office today",
        ("gifts", "post_termination"),
    ),
    (
        "a swimmer I treated three seasons ago asked me out for drinks",
        ("post_termination", "romantic"),
    ),
    ("my niece graduated from our nursing program this weekend!", ()),
    ("I closed out the charts from last week, all signed", ()),
    # former clients named by care given in the past ('whose baby I delivered last year', 'I
    # operated on two years ago'), by ageing out of a program or a transfer of care
    (
        "a woman whose baby I delivered last year invited me to the first birthday party",
        ("post_termination", "socializing"),
    ),
    (
        "a man whose knee I rehabbed last year asked me on a date",
        ("post_termination", "romantic"),
    ),
    (
        "a client who aged out of our program wants to get coffee with me",
        ("post_termination", "socializing"),
    ),
    (
        "a pt whose care I transferred to dr lee last month invited me to her party",
        ("post_termination", "socializing"),
    ),
    (
        "a guy I used to do home visits for called my personal cell last night",
        ("personal_contact", "post_termination"),
    ),
    ("the baby I delivered last night is feeding well, mom is resting", ()),
    ("the kid aged out of foster care and moved into transitional housing", ()),
    ("I transferred his care to the night nurse at 1900, report given", ()),
    # the clinician's own bills and new job are not a client's gift or a second role
    ("I'll pay my loans off someday lol, pt census is high again today", ()),
    ("I just got hired as charge nurse on nights and my patients are thrilled", ()),
    (
        "my pt's dad wants to pay off my loans for me after I mentioned nursing school debt",
        ("gifts",),
    ),
    # gifts made, baked or tipped for the clinician
    (
        "one of my clients whittled me a wooden bird and handed it over at the end of group",
        ("gifts",),
    ),
    (
        "a pt's family has been bringing muffins for me every week since his surgery",
        ("gifts",),
    ),
    (
        "my client tips me $20 every session even though I said it's not needed, keep taking it?",
        ("gifts",),
    ),
    ("the pt knitted a hat for her grandson during the infusion", ()),
    ("I tip my hairdresser 20% every time, is that normal?", ()),
    ("the family dropped off donuts for the whole unit, thank you!", ()),
]

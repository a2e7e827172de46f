"""Context: negation and policy suppress (and say why); questions, reports and quotes flag."""

from __future__ import annotations

import pytest

from classifiers import Classifier
from classifiers.components import MATCHES_KEY


@pytest.mark.parametrize(
    ("text", "category", "reason", "cue"),
    [
        ("I would never accept a gift from a client", "gifts", "negated", "I would never"),
        ("she would never accept a gift from her client", "gifts", "negated", "would never"),
        ("I didn't hug my client, I shook her hand", "physical_contact", "negated", "didn't"),
        ("I refused the friend request from my patient on facebook", "social_media", "negated",
         "refused"),
        ("Reminder: please do not friend your clients on FB or IG", "social_media", "policy",
         "Reminder:"),
        ("per policy, staff may not accept gifts from patients", "gifts", "policy", "per policy"),
        ("Romantic relationships with your clients are prohibited", "romantic", "policy",
         "prohibited"),
    ],
)  # fmt: skip
def test_negation_and_policy_suppress_with_their_cue(
    classifier: Classifier, text: str, category: str, reason: str, cue: str
) -> None:
    a = classifier.assess(text)
    assert category not in a.categories
    sup = next(s for s in a.suppressed if s.finding.category == category)
    assert sup.reason == reason
    assert sup.cue.text == cue
    assert text[sup.cue.start : sup.cue.end] == cue
    assert sup.cue.kind == ("negation" if reason == "negated" else "policy")


def test_negation_scope_ends_at_a_clause_boundary(classifier: Classifier) -> None:
    a = classifier.assess("I don't usually do this, but I hugged my client today")
    assert "physical_contact" in a.categories


def test_negation_far_away_does_not_suppress(classifier: Classifier) -> None:
    a = classifier.assess(
        "not a great week at all honestly, so much charting and then my client hugged me"
    )
    assert "physical_contact" in a.categories


@pytest.mark.parametrize(
    "text",
    [
        "is it ok to accept a gift card from a client?",
        "what if a patient sends me a friend request on facebook",
        "should I never hug a client, even when she asks?",
    ],
)
def test_questions_and_hypotheticals_are_flagged_not_suppressed(
    classifier: Classifier, text: str
) -> None:
    """Context never suppresses a question, not even a negated one.

    The learned scorer may still set the finding aside as ``unlikely`` (it scores "should I
    never hug a client, even when she asks?" 0.32 for physical_contact, under the 0.4 veto);
    that is its own judgement, reported with the score, not the context layer's.
    """
    a = classifier.assess(text)
    found = list(a.findings) + [s.finding for s in a.suppressed if s.reason == "unlikely"]
    assert found, a
    assert not any(s.reason in ("negated", "policy") for s in a.suppressed), a
    assert all(f.is_question for f in found)
    assert any(c.kind in ("question", "hypothetical") for f in found for c in f.context)


@pytest.mark.parametrize(
    "text",
    [
        "my coworker is dating her client",
        "heard a nurse on nights gives her personal cell to patients",
        "apparently one of the residents hugged a patient in the hallway",
    ],
)
def test_reported_third_parties_are_flagged(classifier: Classifier, text: str) -> None:
    a = classifier.assess(text)
    assert a.findings
    assert all(f.reported for f in a.findings)


def test_first_person_statement_is_not_flagged(classifier: Classifier) -> None:
    (finding,) = classifier.assess("I hugged my client after a hard session").findings
    assert not (finding.is_question or finding.reported or finding.quoted)


@pytest.mark.parametrize(
    "text",
    [
        "> can I follow you on instagram?\nthis came from a client today",
        "&gt; can I follow you on instagram?\nthis came from a client today",
    ],
)
def test_block_quotes_are_classified_and_marked_quoted(classifier: Classifier, text: str) -> None:
    a = classifier.assess(text)
    finding = next(f for f in a.findings if f.category == "social_media")
    assert finding.quoted
    assert text[finding.trigger.start : finding.trigger.end] == finding.trigger.text


def test_unquoted_line_after_a_quote_is_not_quoted(classifier: Classifier) -> None:
    a = classifier.assess("> thanks for today\nmy client hugged me at the door")
    (finding,) = a.findings
    assert finding.category == "physical_contact" and not finding.quoted


def test_romance_replaces_socializing_in_the_same_message(classifier: Classifier) -> None:
    a = classifier.assess("my client asked me out to dinner, he said it would be a date")
    assert a.categories == ["romantic"]


def test_policy_outranks_a_hypothetical_if(classifier: Classifier) -> None:
    a = classifier.assess(
        "reminder for nurses: hugs with patients only if the patient asks first, per unit policy"
    )
    assert a.categories == []
    assert a.suppressed[0].reason == "policy"


def test_a_question_mark_still_outranks_policy(classifier: Classifier) -> None:
    a = classifier.assess("is it against policy if I hug a client who asks for one?")
    assert a.categories == ["physical_contact"]
    assert a.findings[0].is_question


@pytest.mark.parametrize(
    ("text", "category", "cue"),
    [
        ("I would never take money from a resident, but how do you word the refusal?", "gifts",
         "I would never"),
        ("I'd never friend a pt on FB but how do you lock your profile so they can't find you?",
         "social_media", "I'd never"),
        ("id never give my cell to a patient but is the work cell ok?", "personal_contact",
         "id never"),
        ("I wouldn't ever hug a client without asking first. is that too stiff?",
         "physical_contact", "I wouldn't ever"),
    ],
)  # fmt: skip
def test_the_writers_stance_outranks_a_question_about_something_else(
    classifier: Classifier, text: str, category: str, cue: str
) -> None:
    """Labelling notes: a negated general question ("I would never ..., but how ...?") is
    benign. The writer's stance keeps what it negates negated despite the question mark."""
    a = classifier.assess(text)
    assert category not in a.categories
    sup = next(s for s in a.suppressed if s.finding.category == category)
    assert (sup.reason, sup.cue.kind, sup.cue.text) == ("negated", "negation", cue)
    assert sup.cue.rule_id.startswith("ctx.negation.stance.")


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # no stance: the question is asked about what it names
        ("would you ever date a client?", "romantic"),
        # somebody else's "would never" is not the writer's stance
        ("my client gave me a gift card and said she would never tell anyone, can I accept it?",
         "gifts"),
        ("I never thought a client would hug me, what do I do?", "physical_contact"),
        # the finding goes on into the next sentence, which is the question
        ("I'd never post about a patient. Last week I posted a pic of my client's art on "
         "instagram, is that ok?", "phi_disclosure"),
    ],
)  # fmt: skip
def test_a_question_still_wins_without_the_writers_stance(
    classifier: Classifier, text: str, category: str
) -> None:
    a = classifier.assess(text)
    found = [f for f in a.findings if f.category == category]
    assert found and found[0].is_question, a
    assert not any(s.reason == "negated" for s in a.suppressed), a


def test_the_writers_stance_takes_no_words_from_a_reminder(classifier: Classifier) -> None:
    """ "I'd never post" holds the stance "I'd never" and the reminder "never post": both are
    kept (``overlaps.resolve_context``), so the reminder still reaches the whole clause."""
    cues = classifier.nlp.get_pipe("boundary_cues")
    doc = classifier.nlp("I'd never post about a patient on my own socials")
    kinds = {(cues.rule(i).id, s, e) for i, s, e, is_ctx in doc.user_data[MATCHES_KEY] if is_ctx}
    assert ("ctx.negation.stance.i_d_never", 0, 3) in kinds
    assert ("ctx.policy.policy.never_post", 2, 4) in kinds


def test_negation_of_knowing_is_not_negation_of_the_event(classifier: Classifier) -> None:
    a = classifier.assess(
        "I didn't know my client would be at the bar and we ended up having drinks together"
    )
    assert "socializing" in a.categories


def test_teaching_material_is_suppressed_even_as_a_question(classifier: Classifier) -> None:
    text = "in today's role play a client offers her counselor a gift card. would you take it?"
    a = classifier.assess(text)
    assert not a.findings
    assert [s.finding.category for s in a.suppressed] == ["gifts"]
    assert a.suppressed[0].reason == "policy"
    # the same question without the teaching frame is asked for guidance, not suppressed
    real = classifier.assess("my client offered me a gift card, would you take it?")
    assert [f.category for f in real.findings] == ["gifts"]
    assert real.findings[0].is_question


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "my client went to a party last night and relapsed",
            (),
            marks=pytest.mark.xfail(
                strict=True,
                reason="known miss since the ninth session's retrain: a learned socializing "
                "addition (info, 0.85; 'went to', 'party'); requiring the writer as a party "
                "(add_party_for) fixes it but costs recall on every part (docs/CLASSIFIER.md)",
            ),
        ),
        ("my client invited me to a party at her place", ("socializing",)),
        ("went to a party with my client last night", ("socializing",)),
    ],
)
def test_my_client_as_subject_is_not_the_clinician(
    classifier: Classifier, text: str, expected: tuple[str, ...]
) -> None:
    assert tuple(classifier.assess(text).categories) == expected

"""The learned scorer: features, weights data, training, veto and additions, serialisation."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import numpy as np
import pytest
import spacy

from bot.cli import main
from classifiers import Classifier, from_disk, load_classifier
from classifiers.docarrays import extra_terms, lexical, shapes, window_ids
from classifiers.engine import _load_norms, build_pipeline
from classifiers.errors import ClassifierError, RuleError
from classifiers.models import CATEGORIES
from classifiers.rules import BUNDLED_RULES_DIR, load_rules
from classifiers.scorer import BoundaryScorer, ScorerWeights, load_weights, terms
from classifiers.scorer_guards import BENIGN_LABELS, CLIENT_LABELS
from classifiers.training import BENIGN_WEIGHT, featurize, fit, read_corpus, train_files

from .test_paraphrase_export import UNTRAINED

DATA = Path(__file__).resolve().parents[1] / "data"
BLANK = spacy.blank("en")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("gift card", ["gift", "card", "gift card"]),
        ("Hugged, him", ["hugged", "him"]),  # punctuation splits bigrams; NORM is lower case
        ("a  b", ["a", "b"]),  # a whitespace token between: no bigram
        ("!!! ...", []),  # no match: punctuation only
        ("", []),  # no match: empty
    ],
)
def test_terms(classifier: Classifier, text: str, expected: list[str]) -> None:
    doc = classifier.nlp.make_doc(text)
    assert [t for t, _, _ in terms(doc)] == expected


def _weights(boost: dict[str, dict[str, float]], bias: float = -3.0) -> ScorerWeights:
    """Hand-made weights: ``boost[category][term]`` (every other weight zero)."""
    names = sorted({t for by in boost.values() for t in by})
    vocabulary = {t: i for i, t in enumerate(names)}
    w = np.zeros((len(names), len(CATEGORIES)))
    for category, by in boost.items():
        for term, value in by.items():
            w[vocabulary[term], CATEGORIES.index(category)] = value
    return ScorerWeights(
        tuple(CATEGORIES), vocabulary, np.ones(len(names)), w, np.full(len(CATEGORIES), bias)
    )


def _classifier(weights: ScorerWeights, *, additions: bool = False) -> Classifier:
    """A pipeline with ``weights``; additions off unless asked."""
    rules = load_rules(BUNDLED_RULES_DIR)
    nlp = build_pipeline(
        rules, _load_norms(BUNDLED_RULES_DIR), weights, learned_additions=additions
    )
    return Classifier(nlp)


def _configured(weights: ScorerWeights, **config: object) -> Classifier:
    """A pipeline with ``weights``, additions on and ``config`` for the scorer."""
    rules = load_rules(BUNDLED_RULES_DIR)
    nlp = build_pipeline(rules, _load_norms(BUNDLED_RULES_DIR), None)
    scorer = nlp.add_pipe("boundary_scorer", config={"additions": True, **config})
    assert isinstance(scorer, BoundaryScorer)
    scorer.set_weights(weights)
    return Classifier(nlp)


def test_weights_round_trip_through_json() -> None:
    weights = _weights({"gifts": {"zebra": 2.5, "zebra card": 1.0}})
    data = json.loads(json.dumps(weights.to_json()))
    assert data["format"] == 2 and data["terms"] == ["zebra", "zebra card"]
    again = ScorerWeights.from_json(data)
    assert again.vocabulary == weights.vocabulary
    assert np.allclose(again.weights, weights.weights)
    assert np.allclose(again.idf, weights.idf)
    assert np.allclose(again.bias, weights.bias)


def _format_1(weights: ScorerWeights) -> dict[str, object]:
    """``weights`` in the older format 1 (one ``[term, idf, [weights]]`` row per term)."""
    names = sorted(weights.vocabulary, key=weights.vocabulary.__getitem__)
    return {
        "format": 1,
        "categories": list(weights.categories),
        "bias": weights.bias.tolist(),
        "features": [
            [name, float(weights.idf[i]), weights.weights[i].tolist()]
            for i, name in enumerate(names)
        ],
    }


def test_format_1_weights_are_still_read() -> None:
    """Organisations' own ``scorer.json`` files from before format 2 keep working."""
    weights = _weights({"gifts": {"zebra": 2.5, "zebra card": 1.0}})
    again = ScorerWeights.from_json(json.loads(json.dumps(_format_1(weights))))
    assert again.vocabulary == weights.vocabulary
    assert np.allclose(again.weights, weights.weights)
    assert np.allclose(again.idf, weights.idf)


def _bytes(n: int) -> str:
    return base64.b64encode(b"\0" * n).decode("ascii")


@pytest.mark.parametrize(
    ("mutate", "fragment"),
    [
        (lambda d: d.update(format=3), "format 1 or 2"),
        (lambda d: d.update(categories=["gifts", "karaoke"]), "karaoke"),
        (lambda d: d.update(terms="zebra yak"), "'terms' as a list of strings"),
        (lambda d: d.update(terms=["zebra", "zebra"]), "each term once"),
        (lambda d: d.update(idf="not base64!"), "not base64!"),
        (lambda d: d.update(idf=_bytes(4)), "'idf' to hold 2 float32 numbers (8 bytes)"),
        (lambda d: d.update(weights=_bytes(8)), "'weights' to hold 22 float32"),
        (lambda d: d.update(weights=None), "'weights' as base64"),
        (
            lambda d: d.update(idf=base64.b64encode(np.array([1, np.nan], "<f4")).decode()),
            "finite numbers in 'idf'",
        ),
        (lambda d: d.update(bias=[0.0]), "biases"),
    ],
)
def test_bad_weights_data_names_the_file_and_the_value(mutate: object, fragment: str) -> None:
    data = _weights({"gifts": {"zebra": 1.0, "yak": 1.0}}).to_json()
    mutate(data)  # type: ignore[operator]
    with pytest.raises(RuleError) as info:
        ScorerWeights.from_json(data, source="org/scorer.json")
    assert "org/scorer.json" in str(info.value)
    assert fragment in str(info.value)


@pytest.mark.parametrize(
    ("mutate", "fragment"),
    [
        (lambda d: d["features"].append(["x", 1.0, [0.0]]), "feature 2"),
        (lambda d: d["features"].append(["x", "high", [0.0] * 11]), "'high'"),
        (lambda d: d["features"].append(list(d["features"][0])), "a new term"),
    ],
)
def test_bad_format_1_features_name_the_feature(mutate: object, fragment: str) -> None:
    data = _format_1(_weights({"gifts": {"zebra": 1.0, "yak": 1.0}}))
    mutate(data)  # type: ignore[operator]
    with pytest.raises(RuleError) as info:
        ScorerWeights.from_json(data, source="org/scorer.json")
    assert "org/scorer.json" in str(info.value)
    assert fragment in str(info.value)


def test_a_bad_scorer_file_is_refused_with_its_path(tmp_path: Path) -> None:
    (tmp_path / "scorer.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(RuleError, match=r"scorer\.json:1: expected JSON"):
        load_weights(tmp_path)
    assert load_weights(tmp_path / "missing") is None


def test_low_score_vetoes_a_rule_finding_and_says_so() -> None:
    text = "my client gave me a gift card"
    assert "gifts" in load_classifier().assess(text).categories  # the rule fires
    a = _classifier(_weights({"gifts": {"zebra": 1.0}}, bias=-6.0)).assess(text)
    assert a.findings == ()
    (s,) = a.suppressed
    assert (s.finding.category, s.reason, s.cue) == ("gifts", "unlikely", None)
    assert s.score is not None and s.score < 0.1
    assert s.finding.trigger.text in text


def test_high_score_keeps_the_finding_and_reports_the_score() -> None:
    a = _classifier(_weights({"gifts": {"gift": 8.0}})).assess("my client gave me a gift card")
    (f,) = a.findings
    assert f.category == "gifts" and f.score is not None and f.score > 0.9


def test_the_veto_reads_the_sentences_of_the_finding_not_the_whole_message() -> None:
    weights = _weights({"physical_contact": {"hugged": 9.0}})
    short = "lots of charting today. my client hugged me"
    assert "physical_contact" in _classifier(weights).assess(short).categories
    # 300 sentences of chatter before it would outweigh "hugged" in a whole-message vector
    text = "lots of charting today. " * 300 + "my client hugged me"
    assert "physical_contact" in _classifier(weights).assess(text).categories


def test_additions_can_be_switched_off() -> None:
    weights = _weights({"gifts": {"zebra": 9.0}})
    assert _classifier(weights).assess("my client and I saw the zebra again").findings == ()


def test_additions_are_on_by_default_and_the_setting_turns_them_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("BOUNDARY_LEARNED_ADDITIONS", raising=False)
    scorer = load_classifier().nlp.get_pipe("boundary_scorer")
    assert isinstance(scorer, BoundaryScorer) and scorer.additions and scorer.add_at == 0.7
    monkeypatch.setenv("BOUNDARY_LEARNED_ADDITIONS", "false")
    scorer = load_classifier().nlp.get_pipe("boundary_scorer")
    assert isinstance(scorer, BoundaryScorer) and not scorer.additions


def test_an_addition_explains_itself_with_offsets_into_the_original() -> None:
    weights = _weights({"gifts": {"zebra": 9.0, "striped": 0.5}})
    text = "<@U0123ABCD> my client and I saw the striped *zebra* again?"
    a = _classifier(weights, additions=True).assess(text)
    (f,) = a.findings
    assert (f.category, f.rule_id, f.severity, f.is_question) == (
        "gifts",
        "learned.gifts",
        "info",
        True,
    )
    assert [e.text for e in f.evidence] == ["striped", "zebra"]
    for e in f.evidence:
        assert text[e.start : e.end] == e.text
        assert e.cue == "LEARNED" and e.rule_id == "learned.gifts.word"
    assert f.score is not None and f.score > 0.9


@pytest.mark.parametrize(
    "text",
    [
        "my client offered me a zebra, I declined and she was fine with it",  # closed
        "my client and I saw the horse again",  # no match: nothing weighs towards a category
        "a zebra was in the hall",  # no match: no cue of the rules at all
    ],
)
def test_no_addition_after_a_closure_or_without_signal(text: str) -> None:
    weights = _weights({"gifts": {"zebra": 9.0}})
    assert _classifier(weights, additions=True).assess(text).findings == ()


def test_the_colleague_guard_holds_for_the_categories_colleagues_share() -> None:
    """Friend requests, outings, dating and hugs among colleagues are everyday life: no
    addition where the only people named are colleagues. For the other categories the rules
    often see the colleague and miss the client ("my coworker told her husband about the
    guy in 12"), so the model decides."""
    text = "my coworker and I saw the zebra again"
    for category in ("social_media", "socializing", "romantic", "physical_contact"):
        weights = _weights({category: {"zebra": 9.0}})
        assert _classifier(weights, additions=True).assess(text).findings == (), category
    for category in ("gifts", "phi_disclosure", "dual_relationship"):
        weights = _weights({category: {"zebra": 9.0}})
        assert _classifier(weights, additions=True).assess(text).categories == [category]
    every = _configured(_weights({"gifts": {"zebra": 9.0}}), add_alone_for=[])
    assert every.assess(text).findings == ()  # empty: the guard holds for every category


@pytest.mark.parametrize(
    "text",
    [
        "my client and I saw the zebra again",
        "the pt in 4 and I saw the zebra again",
        "a former patient, the zebra again, we laughed",
        "in session today I drew a zebra",
        # a closure the writer says is not closed, or asks about (labelling policy 11)
        "my client offered me a zebra, I declined but she keeps asking",
        "my client offered me a zebra, I declined. was that right?",
        # plain negation does not block: the model weighs "don't", "never" itself
        "I don't know what to do about the zebra my client left",
        # nor does a policy phrase (the model has read many reminders; the rules' own
        # findings under a policy are still suppressed)
        "reminder: per policy no zebra with clients",
    ],
)
def test_an_addition_where_the_rules_see_a_cue(text: str) -> None:
    weights = _weights({"gifts": {"zebra": 9.0}})
    assert _classifier(weights, additions=True).assess(text).categories == ["gifts"]


@pytest.mark.parametrize(
    "text",
    [
        "my client? I would never zebra",  # negation
        "I saw the zebra again",  # no words for a client/patient at all
        "my client says the client portal has a zebra, I saw it",  # a hard negative
        "my client's insurance card has a zebra, I saw it",  # clinical paperwork
        "my client went to see the zebra last night",  # the writer is not a party
        "reminder: per policy no zebra with clients",  # policy
    ],
)
def test_additions_can_be_gated_by_config(text: str) -> None:
    """The stricter guards of the fourth to seventh sessions, as configuration."""
    weights = _weights({"gifts": {"zebra": 9.0}})
    gated = _configured(
        weights,
        add_when=list(CLIENT_LABELS),
        add_unless=list(BENIGN_LABELS),
        add_needs_writer=True,
        add_blocked_by=["NEGATION", "POLICY", "CLOSURE"],
    )
    assert gated.assess(text).findings == ()
    ungated = _classifier(weights, additions=True).assess(text)
    assert ungated.categories == ["gifts"]


def test_a_negated_rule_finding_comes_back_only_when_the_words_leave_no_doubt() -> None:
    """The rules' negation scope is a guess ("she didn't ask, she just handed me the
    gift"): a category they found and context suppressed is added back, as a learned
    finding, when the whole message scores it at ``unsuppress_at`` (0.9) or more."""
    text = "I didn't accept the zebra gift from my client"
    off = _weights({"gifts": {"zebra": 0.0}}, bias=-9.0)
    assessment = _classifier(off, additions=True).assess(text)
    assert assessment.findings == ()
    assert [(s.finding.category, s.reason) for s in assessment.suppressed] == [("gifts", "negated")]
    sure = _classifier(_weights({"gifts": {"zebra": 9.0}}), additions=True).assess(text)
    assert [(f.category, f.rule_id) for f in sure.findings] == [("gifts", "learned.gifts")]
    barely = _weights({"gifts": {"zebra": 4.0}}, bias=-2.0)  # about 0.88: below the bar
    assert _classifier(barely, additions=True).assess(text).findings == ()
    never = _configured(_weights({"gifts": {"zebra": 9.0}}), unsuppress_at=1.1)
    assert never.assess(text).findings == ()
    closed = "my client offered me a zebra gift, I declined and she was fine with it"
    assert (
        _classifier(_weights({"gifts": {"zebra": 9.0}}), additions=True).assess(closed).findings
        == ()
    )  # a closure still blocks


def test_self_disclosure_is_added_only_with_the_writer_in_the_message() -> None:
    """Self-disclosure is the clinician's own life: a client's own story is not one."""
    classifier = _classifier(_weights({"self_disclosure": {"zebra": 9.0}}), additions=True)
    assert classifier.assess("the client told the group about her zebra").findings == ()
    assert classifier.assess("told my client about my zebra").categories == ["self_disclosure"]


def test_socializing_can_be_made_to_need_the_writer_as_a_party() -> None:
    """``add_party_for`` (off by default): "my client went to ..." is not the writer's evening."""
    weights = _weights({"socializing": {"zebra": 9.0}})
    default = _classifier(weights, additions=True)
    party = _configured(weights, add_party_for=["socializing"])
    assert default.assess("my client went to see the zebra").categories == ["socializing"]
    assert party.assess("my client went to see the zebra").findings == ()
    assert party.assess("my client and I went to see the zebra").categories == ["socializing"]


def test_a_finding_is_set_aside_only_when_the_whole_message_doubts_it_too() -> None:
    """The veto's second view (ninth session): the whole message can vouch for a finding."""
    weights = _weights({"physical_contact": {"zebra": 9.0}})
    text = "zebra zebra zebra. lots of charting. more charting today. my client hugged me"
    a = _classifier(weights).assess(text)
    assert a.categories == ["physical_contact"]
    (f,) = a.findings
    assert f.score is not None and f.score > 0.99  # the higher of the two views
    sentences_only = _configured(weights, additions=False, veto_whole_message=False)
    b = sentences_only.assess(text)
    assert b.findings == ()
    (s,) = b.suppressed
    assert (s.finding.category, s.reason) == ("physical_contact", "unlikely")
    assert s.score is not None and s.score < 0.1


@pytest.mark.parametrize(
    ("weight", "expected"),
    [
        (4.5, []),  # 0.82: enough for another category, not for an identifier
        (9.0, ["phi_exposure"]),  # 0.998
    ],
)
def test_phi_exposure_is_added_only_when_the_words_leave_little_doubt(
    weight: float, expected: list[str]
) -> None:
    classifier = _classifier(_weights({"phi_exposure": {"zebra": weight}}), additions=True)
    assert classifier.assess("my client and I saw the zebra").categories == expected
    gifts = _classifier(_weights({"gifts": {"zebra": weight}}), additions=True)
    assert gifts.assess("my client and I saw the zebra").categories == ["gifts"]


def test_post_termination_needs_no_former_word_unless_configured() -> None:
    """The ninth session dropped the "former" guard (it cost recall on every part)."""
    weights = _weights({"post_termination": {"zebra": 9.0}})
    text = "my client and I saw the zebra"
    assert _classifier(weights, additions=True).assess(text).categories == ["post_termination"]
    guarded = _configured(weights, add_former_for=["post_termination"])
    assert guarded.assess(text).findings == ()
    assert guarded.assess("my former client and I saw the zebra").categories == ["post_termination"]


@pytest.mark.parametrize(
    ("weight", "expected"),
    [
        (9.0, ["gifts", "socializing"]),  # 0.97: a second category the rules did not find
        (5.0, ["gifts"]),  # 0.63: below complete_at
        (0.0, ["gifts"]),  # no match: nothing weighs towards another category
    ],
)
def test_a_rule_finding_is_completed_by_a_confident_second_category(
    weight: float, expected: list[str]
) -> None:
    weights = _weights({"gifts": {"gift": 8.0}, "socializing": {"card": weight}})
    text = "my client gave me a gift card"
    a = _classifier(weights, additions=True).assess(text)
    assert a.categories == expected
    rule_ids = {f.category: f.rule_id for f in a.findings}
    assert rule_ids["gifts"] != "learned.gifts"  # the rule's own finding stays
    if "socializing" in expected:
        (f,) = [f for f in a.findings if f.category == "socializing"]
        assert (f.rule_id, f.severity) == ("learned.socializing", "info")
        assert [e.text for e in f.evidence] == ["card"]
    off = _configured(weights, complete_at=1.01)
    assert off.assess(text).categories == ["gifts"]


@pytest.mark.parametrize("category", ["gifts", "socializing", "romantic"])
def test_a_category_can_be_given_a_lower_bar(category: str) -> None:
    """Every category adds at add_at (0.7) by default, and ``add_at_for`` lowers one bar.

    gifts had 0.6 from the thirteenth to the sixteenth session; with the cue labels as
    terms it scores gift wording higher and takes the common bar again (seventeenth).
    """
    weights = _weights({category: {"zebra": 3.6}})  # z = -3 + 3.6: 0.65
    text = "my client and I saw the zebra"
    assert _classifier(weights, additions=True).assess(text).findings == ()  # no match: 0.65
    lowered = _configured(weights, add_at_for={category: 0.6, "phi_exposure": 0.9})
    assert lowered.assess(text).categories == [category]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("MRN 4471920 is on a psych hold, who is covering?", "phi_exposure"),
        ("my client gave me a gift card", "gifts"),
    ],
)
def test_phi_exposure_keeps_findings_the_model_doubts_less_strongly(
    text: str, category: str
) -> None:
    """An identifier the rules saw is vetoed only below 0.2, other categories below 0.4."""
    # every word of the message weighs 2.15 / sqrt(n) towards the category: z about -0.85 (0.30)
    words = [t.lower_ for t in _classifier(_weights({})).nlp.make_doc(text)]
    share = 2.15 / len(set(words)) ** 0.5
    weights = _weights({category: dict.fromkeys(set(words), share)})
    default = _classifier(weights)
    score = weights.probabilities(*weights.vector([(w, 0, 0) for w in words])[:2])
    assert 0.2 < score[CATEGORIES.index(category)] < 0.4
    a = default.assess(text)
    if category == "phi_exposure":
        assert a.categories == ["phi_exposure"]
        strict = _configured(weights, veto_below_for={"phi_exposure": 0.4}, additions=False)
        (vetoed,) = strict.assess(text).suppressed
        assert (vetoed.finding.category, vetoed.reason) == ("phi_exposure", "unlikely")
    else:
        assert a.categories == []
        assert [s.reason for s in a.suppressed] == ["unlikely"]


def test_a_completion_never_goes_below_complete_at() -> None:
    """A lower bar of ``add_at_for`` is for additions; completing a finding still needs 0.85."""
    # two terms, each 0.707 of the vector: gifts z = -3 + 0.707 * 5.1 (0.65); the rule's 0.78
    weights = _weights({"gifts": {"zebra": 5.1}, "dual_relationship": {"landlord": 6.0}})
    text = "my client is also my landlord at the zebra"
    bars = {"gifts": 0.6, "phi_exposure": 0.9}
    assert _configured(weights, add_at_for=bars).assess(text).categories == ["dual_relationship"]
    lower = _configured(weights, add_at_for=bars, complete_at=0.6)
    assert lower.assess(text).categories == ["dual_relationship", "gifts"]


def test_completion_keeps_the_additions_bars() -> None:
    """A completion meets the same per-category bar as an addition (phi_exposure: 0.9)."""
    # card at 6.7: z = -3 + 0.707 * 6.7, about 0.85 (over complete_at, under phi_exposure's 0.9)
    text = "my client gave me a gift card"
    for category, expected in (
        ("socializing", ["gifts", "socializing"]),
        ("phi_exposure", ["gifts"]),  # no match: under its bar
    ):
        weights = _weights({"gifts": {"gift": 8.0}, category: {"card": 6.7}})
        a = _classifier(weights, additions=True).assess(text)
        assert a.categories == expected, category


def test_the_whole_message_score_from_token_hashes_equals_the_term_vector_path(
    classifier: Classifier,
) -> None:
    """The additions' fast path gives exactly the probabilities of the term list and spans."""
    weights = load_weights(BUNDLED_RULES_DIR)
    assert weights is not None
    texts, _ = read_corpus(DATA / "corpus_dev20.jsonl")
    texts += ["", "...", "hi", "my client :) and I, we -- hugged!!"]
    for text in texts:
        # a bare doc, and one the pipeline ran on (its cue labels are terms too)
        for doc in (classifier.nlp.make_doc(text), classifier._run(text)):
            rows, values, _ = weights.vector(window_ids(doc, 0, len(doc)), by_id=True)
            expected = weights.probabilities(rows, values)
            fast = weights.message_probabilities(*lexical(doc), extra_terms(doc))
            assert np.array_equal(fast, expected), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pt Jolene Fakerly DOB 02/11/2006", ["§name", "§num"]),
        ("Pt Jolene Fakerly", ["§name", "§name"]),  # each pair of a capitalised run
        ("call her back at 555-0147", ["§num", "§num"]),  # "555", "-", "0147"
        ("her email is jo.fake@example.org", ["§email"]),
        ("MRN 7730219 in room 12", ["§num"]),
        ("Eugene Thibodeaux moves to 2nd shift", ["§name"]),
        # no match: short numbers, a lone capital, all capitals, lower-case names
        ("room 12 at 3pm, bed 4", []),
        ("Dialysis schedule change for the guy in 12", []),
        ("the MRN field is blank", []),
        ("jolene fakerly is back", []),
        ("", []),
    ],
)
def test_identifier_shapes_are_terms(
    classifier: Classifier, text: str, expected: list[str]
) -> None:
    """Names, numbers and emails are too varied to learn as words; their shapes are terms."""
    doc = classifier.nlp.make_doc(text)
    assert [t for t, _, _ in terms(doc) if t.startswith("§")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "my client hugged me after group",
            [
                ("ACTOR", "my"),
                ("CLIENT", "client"),
                ("TOUCH", "hugged"),
                ("ACTOR", "me"),
                ("SESSION", "after group"),
            ],
        ),
        (
            "I gave my pt my cell",
            [
                ("ACTOR", "I"),
                ("ACTOR", "my"),
                ("CLIENT", "pt"),
                ("ACTOR", "my"),
                ("PERSONAL_CHANNEL", "my cell"),
            ],
        ),
        ("the client portal is down again", []),  # no match: IGNORE hides "client"
        ("the weather is nice today", []),  # no match: no cue
        ("", []),
    ],
)
def test_cue_labels_are_terms(
    classifier: Classifier, text: str, expected: list[tuple[str, str]]
) -> None:
    """The cue labels the rules matched are terms, on the words they matched."""
    (features,) = featurize(classifier, [text])
    doc = classifier.nlp.make_doc(text)
    found = [(t, doc[s:e].text) for t, s, e in features if t.startswith("§cue:")]
    assert found == [(f"§cue:{label}", words) for label, words in expected]


def test_an_organisation_cue_reaches_the_scorer(tmp_path: Path) -> None:
    """Through its cue label the model knows a wording the corpus never showed it."""
    (tmp_path / "touch.jsonl").write_text(
        json.dumps(
            {
                "label": "TOUCH",
                "pattern": "zorbled",
                "id": "org.touch.zorbled",
                "description": "Local slang for a hug ('zorbled')",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    weights = _weights({"physical_contact": {"§cue:TOUCH": 9.0}})
    text = "my client zorbled me in the hallway"
    bundled = _classifier(weights, additions=True).assess(text)
    assert "physical_contact" not in bundled.categories  # no match: "zorbled" is no cue
    rules = load_rules(BUNDLED_RULES_DIR, tmp_path)
    nlp = build_pipeline(rules, _load_norms(BUNDLED_RULES_DIR), weights, learned_additions=True)
    findings = Classifier(nlp).assess(text).findings
    (found,) = [f for f in findings if f.category == "physical_contact"]
    assert found.score is not None and found.score > 0.99
    assert "zorbled" in [e.text for e in found.evidence]


def test_the_scorer_reads_identifier_shapes() -> None:
    """A weight on a shape term moves the score: the model sees that a name is there."""
    weights = _weights({"phi_exposure": {"§name": 9.0}})
    classifier = _classifier(weights, additions=True)
    doc = classifier.nlp.make_doc("Eugene Thibodeaux moves to TTS")
    named = weights.message_probabilities(*lexical(doc), shapes(doc))
    doc = classifier.nlp.make_doc("the guy in 12 moves to TTS")
    unnamed = weights.message_probabilities(*lexical(doc), shapes(doc))
    j = CATEGORIES.index("phi_exposure")
    assert named[j] > 0.99 > 0.1 > unnamed[j]
    # through the pipeline: the name is what the learned finding names as its evidence
    found = classifier.assess("my client Eugene Thibodeaux moves to TTS").findings
    assert [(f.rule_id, [e.text for e in f.evidence]) for f in found] == [
        ("learned.phi_exposure", ["Eugene Thibodeaux"])
    ]
    assert classifier.assess("my client moves to TTS").findings == ()


def test_fit_is_deterministic_and_learns_the_signal(classifier: Classifier) -> None:
    texts = ["the zebra came", "zebra again", "a horse came", "the horse again"] * 3
    labels = [{"gifts"}, {"gifts"}, set(), set()] * 3
    docs = featurize(classifier, texts)
    one = fit(docs, labels, iterations=200)
    two = fit(docs, labels, iterations=200)
    assert np.array_equal(one.weights, two.weights)
    gifts = CATEGORIES.index("gifts")
    probs = [one.probabilities(*one.vector(d)[:2])[gifts] for d in docs[:4]]
    assert probs[0] > 0.5 > probs[2] and probs[1] > 0.5 > probs[3]


def test_another_situation_is_a_weak_negative(classifier: Classifier) -> None:
    """``other_weight``: a message about one situation argues less against another one, so
    a message that is both keeps both ("my client asked me out on instagram")."""
    texts = ["zebra came", "zebra again", "yak came", "yak again", "cat sat", "dog ran"] * 3
    labels = [{"gifts"}, {"gifts"}, {"romantic"}, {"romantic"}, set(), set()] * 3
    docs = featurize(classifier, texts)
    full = fit(docs, labels, iterations=200, other_weight=1.0)
    weak = fit(docs, labels, iterations=200)  # the default since the eleventh session, 0.3
    both = featurize(classifier, ["zebra yak"])[0]
    romantic = CATEGORIES.index("romantic")
    p_full = full.probabilities(*full.vector(both)[:2])[romantic]
    p_weak = weak.probabilities(*weak.vector(both)[:2])[romantic]
    assert p_weak > p_full + 0.05, (p_weak, p_full)


def test_benign_messages_weigh_more(classifier: Classifier) -> None:
    """``benign_weight``: a word of benign messages argues harder against a category than a
    word of another situation's messages does, and more than with equal weights."""
    texts = ["zebra came", "zebra again", "zebra sat", "yak sat", "cat sat", "dog ran"] * 3
    labels = [{"gifts"}, {"gifts"}, set(), {"romantic"}, set(), set()] * 3
    docs = featurize(classifier, texts)
    equal = fit(docs, labels, iterations=200, benign_weight=1.0)
    heavy = fit(docs, labels, iterations=200, benign_weight=3.0)
    default = fit(docs, labels, iterations=200)
    assert BENIGN_WEIGHT > 1.0
    gifts = CATEGORIES.index("gifts")
    probe = featurize(classifier, ["zebra sat"])[0]
    p_equal = equal.probabilities(*equal.vector(probe)[:2])[gifts]
    p_heavy = heavy.probabilities(*heavy.vector(probe)[:2])[gifts]
    p_default = default.probabilities(*default.vector(probe)[:2])[gifts]
    assert p_heavy < p_default < p_equal, (p_heavy, p_default, p_equal)
    # the positives keep their signal
    positive = featurize(classifier, ["zebra came"])[0]
    assert heavy.probabilities(*heavy.vector(positive)[:2])[gifts] > 0.5


def test_fit_refuses_mismatched_input(classifier: Classifier) -> None:
    with pytest.raises(ClassifierError, match="expected as many label sets"):
        fit(featurize(classifier, ["a"]), [])


def test_bundled_weights_were_trained_on_tuning_parts_only() -> None:
    """Tuning parts and the paraphrase tables; never the held-out part nor the fresh one."""
    weights = load_weights(BUNDLED_RULES_DIR)
    assert weights is not None
    names = set(weights.trained_on)
    assert "paraphrases.jsonl" in names
    assert all(n.startswith("corpus_dev") or n == "paraphrases.jsonl" for n in names), names
    assert not names & set(UNTRAINED)


def test_bundled_weights_are_what_training_produces(classifier: Classifier) -> None:
    """The data file is reproducible from the listed corpus files: no hand-tuned weights."""
    bundled = load_weights(BUNDLED_RULES_DIR)
    assert bundled is not None
    fresh = train_files(classifier, [DATA / name for name in bundled.trained_on])
    assert fresh.vocabulary == bundled.vocabulary
    assert np.allclose(fresh.weights, bundled.weights, atol=2e-5)
    assert np.allclose(fresh.bias, bundled.bias, atol=2e-5)


def test_pipeline_round_trips_through_disk(tmp_path: Path) -> None:
    original = load_classifier()
    original.nlp.to_disk(tmp_path / "model")
    loaded = from_disk(tmp_path / "model")
    assert "boundary_scorer" in loaded.nlp.pipe_names
    texts, _ = read_corpus(DATA / "corpus_dev4.jsonl")
    for text in texts[:120]:
        assert loaded.assess(text) == original.assess(text)


def test_scorer_component_is_a_no_op_without_weights() -> None:
    nlp = spacy.blank("en")
    scorer = nlp.add_pipe("boundary_scorer")
    assert isinstance(scorer, BoundaryScorer)
    doc = nlp("my client gave me a gift")
    assert scorer(doc) is doc and "boundary_scores" not in doc.user_data


def test_cli_train_writes_weights_and_refuses_the_held_out_part(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus_tiny.jsonl"
    rows = [
        {"text": "the zebra came", "categories": ["gifts"]},
        {"text": "a horse came", "categories": []},
    ] * 3
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "scorer.json"
    assert main(["scorer", "train", str(corpus), "--out", str(out), "--iterations", "50"]) == 0
    assert load_weights(tmp_path) is not None
    held_out = tmp_path / "corpus_test.jsonl"
    held_out.write_text(corpus.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["scorer", "train", str(held_out), "--out", str(out)]) == 2
    assert "held-out" in capsys.readouterr().err


def _cli_trained(
    tmp_path: Path, rows: list[dict[str, object]], flag: str, values: tuple[str, str]
) -> list[ScorerWeights]:
    """Train on ``rows`` through the CLI once per value of ``flag``; the weights, in order."""
    corpus = tmp_path / "corpus_tiny.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in rows * 3) + "\n", encoding="utf-8")
    found = []
    for value in values:
        out = tmp_path / value
        out.mkdir()
        args = ["scorer", "train", str(corpus), "--out", str(out), "--iterations", "50"]
        assert main([*args, flag, value]) == 0
        weights = load_weights(out)
        assert weights is not None
        found.append(weights)
    return found


def test_cli_train_passes_the_other_weight(tmp_path: Path) -> None:
    """``--other-weight`` reaches ``fit``: a message of another situation weighs less."""
    rows: list[dict[str, object]] = [
        {"text": "zebra came", "categories": ["gifts"]},
        {"text": "yak came", "categories": ["romantic"]},
        {"text": "a horse came", "categories": []},
    ]
    full, weak = _cli_trained(tmp_path, rows, "--other-weight", ("1.0", "0.3"))
    yak = full.vocabulary["yak"]
    gifts = CATEGORIES.index("gifts")
    # "yak" is a romance word: with full weight it argues more strongly against gifts
    assert full.weights[yak, gifts] < weak.weights[yak, gifts] < 0


def test_cli_train_passes_the_benign_weight(tmp_path: Path) -> None:
    """``--benign-weight`` reaches ``fit``: a benign message's words argue harder."""
    rows: list[dict[str, object]] = [
        {"text": "zebra came", "categories": ["gifts"]},
        {"text": "zebra sat", "categories": []},
        {"text": "a horse came", "categories": []},
    ]
    equal, heavy = _cli_trained(tmp_path, rows, "--benign-weight", ("1.0", "3.0"))
    gifts = CATEGORIES.index("gifts")
    probe = [("zebra", 0, 1), ("sat", 1, 2), ("zebra sat", 0, 2)]
    p_equal = equal.probabilities(*equal.vector(probe)[:2])[gifts]
    p_heavy = heavy.probabilities(*heavy.vector(probe)[:2])[gifts]
    assert p_heavy < p_equal - 0.02, (p_heavy, p_equal)


def test_cli_top_lists_the_heaviest_words(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scorer", "top", "gifts", "-n", "5"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 5 and all(line.startswith("+") for line in lines)
    assert main(["scorer", "top", "karaoke"]) == 2


def test_rules_check_validates_an_organisation_scorer_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rule = {"id": "org.gift.orchid", "label": "GIFT", "pattern": "potted orchid"}
    rule["description"] = "An orchid as a gift"
    (tmp_path / "org_gifts.jsonl").write_text(json.dumps(rule) + "\n", encoding="utf-8")
    (tmp_path / "scorer.json").write_text(json.dumps({"format": 7}), encoding="utf-8")
    assert main(["rules", "check", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "scorer.json" in err and "format 1" in err and "7" in err
    weights = _weights({"gifts": {"orchid": 2.0}})
    (tmp_path / "scorer.json").write_text(json.dumps(weights.to_json()), encoding="utf-8")
    assert main(["rules", "check", str(tmp_path)]) == 0
    assert "scorer weights with 1 terms" in capsys.readouterr().out


def test_single_category_probability_matches_the_vector_form(classifier: Classifier) -> None:
    weights = load_weights(BUNDLED_RULES_DIR)
    assert weights is not None
    texts, _ = read_corpus(DATA / "corpus_dev.jsonl")
    for items in [*featurize(classifier, texts[:80]), []]:
        rows, values, _ = weights.vector(items)
        full = weights.probabilities(rows, values)
        for j in range(len(CATEGORIES)):
            assert weights.probability(items, j) == pytest.approx(float(full[j]), abs=1e-12)


def test_terms_by_hash_are_the_terms_by_string(classifier: Classifier) -> None:
    """The run-time lookup by string hashes finds exactly the rows the strings name."""
    weights = load_weights(BUNDLED_RULES_DIR)
    assert weights is not None
    texts, _ = read_corpus(DATA / "corpus_dev.jsonl")
    texts += ["Hugged, him", "a  b", "gift card!!", "", "zzqx unknownword"]
    for text in texts:
        doc = classifier.nlp.make_doc(text)
        by_string = weights.vector(terms(doc))
        by_hash = weights.vector(window_ids(doc, 0, len(doc)), by_id=True)
        assert by_string[0] == by_hash[0] and by_string[2] == by_hash[2], text
        assert np.array_equal(by_string[1], by_hash[1]), text
        for j in range(len(CATEGORIES)):
            p_string = weights.probability(terms(doc), j)
            assert p_string == weights.probability(window_ids(doc, 0, len(doc)), j, by_id=True)

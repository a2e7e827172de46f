"""Block Kit builders: structure, ids, button values, and Slack's limits."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from classifiers.models import CATEGORIES, Assessment, SuppressedFinding
from responses import (
    ActionValueError,
    GuidanceLibrary,
    HomeLeadState,
    HomeUserState,
    NothingToRenderError,
    NudgeRef,
    SlackLimitError,
    build_answer,
    build_error,
    build_feedback_thanks,
    build_help,
    build_home,
    build_mute_confirmation,
    build_nudge,
    build_nudge_expanded,
    build_topic,
    build_topics,
    ensure_within_limits,
    find_problems,
    ids,
    load_guidance,
    parse_action_value,
    render_text,
)
from responses.limits import MAX_MESSAGE_BLOCKS, MAX_SECTION_TEXT, MAX_VIEW_BLOCKS

from .conftest import every_category_assessment, make_assessment, make_finding, make_suppressed


def _action_ids(payload: dict) -> list[str]:
    out = []
    for b in payload["blocks"]:
        for el in [*b.get("elements", []), b.get("accessory") or {}]:
            if "action_id" in el:
                out.append(el["action_id"])
    return out


def _all_text(payload: dict) -> str:
    return json.dumps(payload, ensure_ascii=False)


# --- nudge -------------------------------------------------------------------------------


def test_nudge_structure_and_ids(guidance: GuidanceLibrary) -> None:
    a = make_assessment(
        make_finding("gifts", "took a gift card from my client", rule_id="gifts.accept")
    )
    p = build_nudge(a, guidance, nudge_id="N123")
    assert p["text"] == "Boundary Bot: a private note about gifts from and to clients"
    assert [b.get("block_id") for b in p["blocks"]] == [
        ids.BLOCK_NUDGE,
        ids.BLOCK_NUDGE_WHY,
        ids.BLOCK_NUDGE_ACTIONS,
    ]
    assert guidance.entry("gifts").nudge in p["blocks"][0]["text"]["text"]
    why = p["blocks"][1]["elements"][0]["text"]
    assert "Why am I seeing this?" in why
    assert "“took a gift card from my client”" in why
    assert "`gifts.accept`" in why and "`gifts.cue`" in why  # rule ids, as code
    assert "ACA A.10.f" in why
    assert _action_ids(p) == [
        ids.ACTION_SHOW_GUIDANCE,
        ids.ACTION_NOT_RELEVANT,
        ids.ACTION_MUTE_24H,
    ]
    assert [b["text"]["text"] for b in p["blocks"][2]["elements"]] == [
        "Show guidance",
        "Not relevant",
        "Mute for 24h",
    ]


def test_nudge_button_value_carries_reference_not_text(guidance: GuidanceLibrary) -> None:
    phrase = "my patient Jane Doe MRN 12345 gave me a gift"
    p = build_nudge(
        make_assessment(make_finding("gifts", phrase, rule_id="gifts.accept")),
        guidance,
        nudge_id="N1",
    )
    for el in p["blocks"][2]["elements"]:
        assert "Jane" not in el["value"] and "12345" not in el["value"]
        assert parse_action_value(el["value"]) == NudgeRef(
            nudge_id="N1", category="gifts", rule_id="gifts.accept"
        )
    assert "Jane" not in p["text"]


def test_nudge_uses_most_severe_finding_and_mentions_others(guidance: GuidanceLibrary) -> None:
    a = make_assessment(
        make_finding("gifts", "a gift", severity="caution"),
        make_finding("romantic", "asked her out", severity="high", start=20),
    )
    p = build_nudge(a, guidance, nudge_id="N2")
    assert guidance.entry("romantic").nudge in p["blocks"][0]["text"]["text"]
    assert "Also possibly relevant: gifts from and to clients" in p["blocks"][0]["text"]["text"]
    assert parse_action_value(p["blocks"][2]["elements"][0]["value"]).category == "romantic"


def test_nudge_for_reported_speech_says_so(guidance: GuidanceLibrary) -> None:
    p = build_nudge(make_assessment(make_finding("gifts", reported=True)), guidance, nudge_id="N")
    assert "someone else's situation" in p["blocks"][1]["elements"][0]["text"]


def test_nudge_with_bad_nudge_id_is_a_clear_error(guidance: GuidanceLibrary) -> None:
    with pytest.raises(ActionValueError, match="expected nudge_id"):
        build_nudge(make_assessment(make_finding("gifts")), guidance, nudge_id="has space")


def test_nudge_without_findings_is_an_error(guidance: GuidanceLibrary) -> None:
    with pytest.raises(NothingToRenderError, match="at least one finding"):
        build_nudge(Assessment(text_length=3), guidance, nudge_id="N")


@pytest.mark.parametrize("category", CATEGORIES)
def test_expanded_nudge_renders_from_reference_alone(
    guidance: GuidanceLibrary, category: str
) -> None:
    ref = NudgeRef(nudge_id="N9", category=category, rule_id=f"{category}.rule")
    p = build_nudge_expanded(ref, guidance)
    entry = guidance.entry(category)
    text = render_text(p)
    assert entry.title in text and "What to do now" in text and "References" in text
    assert f"`{category}.rule`" in _all_text(p)
    assert _action_ids(p) == [ids.ACTION_NOT_RELEVANT, ids.ACTION_MUTE_24H]
    assert all(parse_action_value(el["value"]) == ref for el in p["blocks"][-1]["elements"])
    assert find_problems(p) == []


@pytest.mark.parametrize(
    "value",
    [
        "",
        "not json",
        "[]",
        '{"n":"1","c":"gifts"}',
        '{"n":"1","c":"gift","r":"x"}',
        '{"n":"a b","c":"gifts","r":"x"}',
        "x" * 3000,
    ],
)
def test_bad_action_values_are_rejected(value: str) -> None:
    with pytest.raises(ActionValueError, match="expected"):
        parse_action_value(value)


def test_action_error_does_not_echo_value() -> None:
    with pytest.raises(ActionValueError) as info:
        parse_action_value('{"n":"secret patient name","c":"gifts","r":"x"}')
    assert "secret" not in str(info.value)


# --- answers -------------------------------------------------------------------------------


def test_answer_explains_a_finding_the_learned_scorer_set_aside(
    guidance: GuidanceLibrary,
) -> None:
    vetoed = SuppressedFinding(
        finding=make_finding("gifts", "gift card"), reason="unlikely", cue=None, score=0.04
    )
    a = make_assessment(suppressed=(vetoed,))
    understood = next(
        b
        for b in build_answer(a, guidance, question="gift card rules?")["blocks"]
        if b.get("block_id") == ids.BLOCK_UNDERSTOOD
    )
    text = understood["text"]["text"]
    assert "I set aside *gifts* because the rest of the wording reads as ordinary work talk" in text
    assert "(“gift card” alone was not enough)" in text


def test_answer_says_what_it_understood(guidance: GuidanceLibrary) -> None:
    a = make_assessment(
        make_finding("social_media", is_question=True),
        make_finding("gifts", start=30, is_question=True),
        suppressed=(make_suppressed("physical_contact", "never"),),
    )
    p = build_answer(a, guidance, question="Can I accept a gift and friend request?")
    assert p["blocks"][0]["elements"][0]["text"].startswith("You asked: “Can I accept")
    understood = next(b for b in p["blocks"] if b.get("block_id") == ids.BLOCK_UNDERSTOOD)
    text = understood["text"]["text"]
    assert "I read this as being about: *social media*, *gifts*." in text
    assert "sounds like a question" in text
    assert "I set aside *touch* because it was negated (“never”)." in text
    body = render_text(p)
    assert guidance.entry("gifts").title in body and guidance.entry("social_media").title in body
    assert p["text"] == "Boundary Bot guidance: social media, gifts"


def test_answer_with_no_finding_gives_general_answer_and_topics(guidance: GuidanceLibrary) -> None:
    p = build_answer(Assessment(text_length=10), guidance, question="what is this")
    text = render_text(p)
    assert "I didn't recognise a specific boundary situation" in text
    assert guidance.general.title in text and "Getting help" in text
    for c in CATEGORIES:
        assert guidance.entry(c).title in text


def test_answer_for_too_long_text(guidance: GuidanceLibrary) -> None:
    p = build_answer(Assessment(text_length=99999, skipped="too_long"), guidance)
    assert "longer than I can read" in render_text(p)


def test_answer_with_every_category_stays_within_limits(guidance: GuidanceLibrary) -> None:
    p = build_answer(every_category_assessment(), guidance, question="x" * 5000)
    assert find_problems(p) == []
    assert len(p["blocks"]) <= MAX_MESSAGE_BLOCKS
    text = render_text(p)
    for c in CATEGORIES:
        assert guidance.entry(c).title in text, c


def _longest_guidance(tmp_path: Path) -> GuidanceLibrary:
    """Overrides that push every text field of every entry to its maximum length."""
    base = load_guidance()
    for c in CATEGORIES:
        entry = base.entry(c)
        fields = type(entry).model_fields
        lines = ["[replace]"]
        for name in ("why", "script", "consult", "document", "acceptable"):
            limit = next(m.max_length for m in fields[name].metadata if hasattr(m, "max_length"))
            lines.append(f'{name} = "{("word " * limit)[: limit - 1].strip()}."')
        item = ("long " * 100)[:499].strip() + "."
        lines.append(f"steps = {json.dumps([item] * 8)}")
        lines.append(f"nuance = {json.dumps([item] * 8)}")
        lines.append('title = "' + "T" * 150 + '"')
        (tmp_path / f"{c}.toml").write_text("\n".join(lines), encoding="utf-8")
    return load_guidance(tmp_path)


def test_longest_guidance_stays_within_limits(tmp_path: Path) -> None:
    lib = _longest_guidance(tmp_path)
    for c in CATEGORIES:
        for payload in (
            build_topic(c, lib),
            build_nudge_expanded(NudgeRef(nudge_id="n", category=c, rule_id="r"), lib),
        ):
            assert find_problems(payload) == []
            for b in payload["blocks"]:
                if b["type"] == "section":
                    assert len(b["text"]["text"]) <= MAX_SECTION_TEXT
    everything = build_answer(every_category_assessment(), lib)
    assert find_problems(everything) == []
    two = build_answer(
        make_assessment(make_finding("gifts"), make_finding("romantic", start=9)), lib
    )
    assert find_problems(two) == []


@pytest.mark.parametrize("topic", [*CATEGORIES, "general"])
def test_topic_pages(guidance: GuidanceLibrary, topic: str) -> None:
    p = build_topic(topic, guidance)
    assert find_problems(p) == [] and p["text"]


def test_topics_and_help(guidance: GuidanceLibrary) -> None:
    topics = render_text(build_topics(guidance))
    for c in CATEGORIES:
        assert f"({c.replace('_', ' ')})" in topics
    help_text = render_text(build_help())
    for cmd in (
        "/boundary topics",
        "/boundary mute 24h",
        "/boundary mute off",
        "/boundary channel off",
    ):
        assert cmd in help_text


# --- home and short replies ------------------------------------------------------------------

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def test_home_for_a_muted_lead(guidance: GuidanceLibrary) -> None:
    view = build_home(
        HomeUserState(muted_until=datetime(2026, 11, 27, 12, 0, tzinfo=UTC), now=NOW),
        HomeLeadState(
            is_lead=True,
            last_summary_week="2026-W47",
            last_summary_url="https://x.slack.com/archives/D1/p1",
        ),
        guidance,
    )
    assert view["type"] == "home" and len(view["blocks"]) <= MAX_VIEW_BLOCKS
    text = render_text(view)
    assert "muted until Fri 27 Nov 2026, 12:00 UTC" in text
    assert "[Turn nudges back on]" in text and "[Mute for 24h]" not in text
    assert "2026-W47" in text and "[Open last summary]" in text and "[Summary settings]" not in text
    action_ids = _action_ids(view)
    assert len(action_ids) == len(set(action_ids))
    for c in CATEGORIES:
        assert ids.home_topic_action_id(c) in action_ids
        assert ids.HOME_TOPIC_ACTION_PATTERN.match(ids.home_topic_action_id(c))


def test_home_for_an_unmuted_non_lead(guidance: GuidanceLibrary) -> None:
    view = build_home(
        HomeUserState(muted_until=datetime(2026, 11, 25, tzinfo=UTC), now=NOW),
        HomeLeadState(),
        guidance,
    )
    text = render_text(view)
    assert "Nudges are on" in text and "[Mute for 24h]" in text and "[Mute for 7 days]" in text
    assert "Weekly summary" not in text


def test_home_for_an_admin(guidance: GuidanceLibrary) -> None:
    text = render_text(build_home(HomeUserState(now=NOW), HomeLeadState(is_admin=True), guidance))
    assert "[Summary settings]" in text and "choose leads" in text


def test_home_rejects_unsafe_summary_link() -> None:
    with pytest.raises(ValueError, match="https"):
        HomeLeadState(is_lead=True, last_summary_url="javascript:alert(1)")


def test_short_replies() -> None:
    until = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)
    muted = build_mute_confirmation(until)
    assert f"<!date^{int(until.timestamp())}^" in muted["blocks"][0]["text"]["text"]
    assert "Muted until Fri 27 Nov 2026, 09:30 UTC" in render_text(muted)
    assert "back on" in render_text(build_mute_confirmation(None))
    assert "Thanks" in build_feedback_thanks()["text"]
    err = build_error()
    assert "temporarily unavailable" in render_text(err) and err["text"]
    assert "database is down" in render_text(build_error("The database is down."))


# --- the limit checker itself -------------------------------------------------------------


def _section(text: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def _btn(text: str, action_id: str) -> dict:
    return {"type": "button", "text": {"type": "plain_text", "text": text}, "action_id": action_id}


@pytest.mark.parametrize(
    ("payload", "surface", "problem"),
    [
        ({"blocks": [_section("hi")]}, "message", "fallback text is missing"),
        ({"text": " ", "blocks": [_section("hi")]}, "message", "fallback text is missing"),
        ({"text": "t", "blocks": [_section("x")] * 51}, "message", "51 blocks > 50"),
        ({"type": "home", "blocks": [_section("x")] * 101}, "home", "101 blocks > 100"),
        ({"text": "t", "blocks": [_section("x" * 3001)]}, "message", "text 3001 > 3000"),
        (
            {"text": "t", "blocks": [{"type": "actions", "elements": [_btn("b" * 76, "a")]}]},
            "message",
            "button text 76 > 75",
        ),
        (
            {
                "text": "t",
                "blocks": [{"type": "actions", "elements": [_btn("a", "x"), _btn("b", "x")]}],
            },
            "message",
            "duplicate action_id: x",
        ),
        (
            {
                "text": "t",
                "blocks": [{"type": "header", "text": {"type": "plain_text", "text": "h" * 151}}],
            },
            "message",
            "header text",
        ),
        ({"type": "message", "blocks": []}, "home", "view type"),
    ],
)
def test_limit_checker_catches_violations(payload: dict, surface: str, problem: str) -> None:
    problems = find_problems(payload, surface=surface)
    assert any(problem in p for p in problems), problems
    with pytest.raises(SlackLimitError):
        ensure_within_limits(payload, surface=surface)

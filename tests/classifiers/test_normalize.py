"""The Slack normaliser: markup, invisible characters, and offsets into the original."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from classifiers import Classifier
from classifiers.normalize import _MARKUP, _MARKUP_NO_QUOTE, normalize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("hi <@U04ABCD123>", "hi @user"),
        ("in <#C0123ABCD|clinic-ops> now", "in #clinic-ops now"),
        ("see <https://example.org/x|the article>", "see the article"),
        ("see <https://example.org/x>", "see https://example.org/x"),
        ("<!here> meeting", "@here meeting"),
        ("A &amp; B &lt;3 &gt;", "A & B <3 >"),
        ("thanks :pray: all", "thanks   all"),
        ("face\u200bbook and in\u2060sta", "facebook and insta"),
        ("\uff26\uff22 friend", "FB friend"),
        ("\u0441lient", "client"),
        ("run `client.connect()` now", "run  client.connect()  now"),
        ("a\x00b\x07c", "a b c"),
    ],
)
def test_markup_is_normalised(raw: str, expected: str) -> None:
    assert normalize(raw).text == expected


def test_block_quote_lines_are_recorded_in_original_offsets() -> None:
    raw = "intro\n> quoted words\nafter"
    n = normalize(raw)
    q = raw.index("quoted")
    assert n.is_quoted(q)
    assert not n.is_quoted(raw.index("after"))
    assert not n.is_quoted(0)


def test_zero_width_split_word_is_still_caught(classifier: Classifier) -> None:
    text = "my client sent me a face\u200bbook friend request"
    finding = next(f for f in classifier.assess(text).findings if f.category == "social_media")
    assert any("face\u200bbook" in e.text or "friend request" in e.text for e in finding.evidence)


def test_mention_and_entities_do_not_break_matching(classifier: Classifier) -> None:
    text = "<@U04ABCD123> my client &amp; her mom invited me to a bbq :grill:"
    a = classifier.assess(text)
    assert "socializing" in a.categories
    for f in a.findings:
        for e in f.evidence:
            assert text[e.start : e.end] == e.text


_slackish = st.lists(
    st.one_of(
        st.text(max_size=12),
        st.sampled_from(
            ["<@U1>", "<#C1|x>", "<http://a|b>", "&amp;", "&lt;", ":smile:", "`", "```",
             "\n> ", "> ", "\u200b", "\ud800", "client", "hug", "\x00", "\uff26", "\u0301"]
        ),
    ),
    max_size=25,
).map("".join)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(_slackish)
def test_every_normalised_span_maps_into_the_original(raw: str) -> None:
    n = normalize(raw)
    size = len(n.text)
    for start in range(size):
        for end in (start + 1, size):
            s, e = n.to_original(start, end)
            assert 0 <= s <= e <= len(raw)
    if n.segments is not None:
        covered = 0
        last_orig = 0
        for ns, ne, os_, oe, exact in n.segments:
            assert ns == covered and ne > ns
            assert last_orig <= os_ <= oe <= len(raw)
            if exact:
                assert oe - os_ == ne - ns
            covered, last_orig = ne, os_
        assert covered == size


@settings(max_examples=150, deadline=None)
@given(_slackish)
def test_evidence_always_quotes_the_original(raw: str) -> None:
    from classifiers import load_classifier

    classifier = _shared()
    a = classifier.assess(raw + " my client hugged me")
    for f in a.findings:
        for e in f.evidence:
            assert raw.__len__() + 20 >= e.end
            assert (raw + " my client hugged me")[e.start : e.end] == e.text
    assert load_classifier is not None


_CACHE: dict[str, Classifier] = {}


def _shared() -> Classifier:
    from classifiers import load_classifier

    if "c" not in _CACHE:
        _CACHE["c"] = load_classifier()
    return _CACHE["c"]


_NO_QUOTE_TEXT = st.text(alphabet="<>&:`@#|!ampltgquo;39_a-z\n \u200b😀é", max_size=60)


@settings(max_examples=400, deadline=None)
@given(_NO_QUOTE_TEXT)
def test_markup_scan_without_quotes_finds_what_the_full_scan_finds(text: str) -> None:
    """The quote-free regex is only used on texts without ">"; there it must agree."""
    text = text.replace(">", "")  # what normalize() checks before choosing it
    if "&gt;" in text:
        return

    def found(pattern: object) -> list[tuple[int, int, str | None]]:
        return [(m.start(), m.end(), m.lastgroup) for m in pattern.finditer(text)]  # type: ignore[attr-defined]

    assert found(_MARKUP_NO_QUOTE) == found(_MARKUP)

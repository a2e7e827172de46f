"""The phrase-table cache (classifiers/tablecache.py): a later load reads what an earlier
one computed, says exactly what a fresh build says, and never trusts a file it should not."""

from __future__ import annotations

import json
import logging
import os
import pickle
from collections import OrderedDict
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from classifiers import Classifier, load_classifier
from classifiers.components import CueMatcher
from classifiers.config import ClassifierSettings
from classifiers.tablecache import KEEP

DATA = Path(__file__).resolve().parents[1] / "data"
LOGGER = "classifiers.tablecache"


def _settings(
    cache_dir: Path | None, *, build_cache: bool = True, rules_dir: Path | None = None
) -> Any:
    return SimpleNamespace(
        rules_dir=rules_dir, max_chars=None, build_cache=build_cache, cache_dir=cache_dir
    )


def _texts() -> list[str]:
    """Corpus messages of every kind: every twelfth line of a few parts."""
    texts: list[str] = []
    for name in ("corpus_dev.jsonl", "corpus_dev3.jsonl", "corpus_dev40.jsonl"):
        lines = (DATA / name).read_text(encoding="utf-8").splitlines()
        texts += [json.loads(line)["text"] for line in lines[::12] if line.strip()]
    return texts


def _tables(classifier: Classifier) -> dict[str, Any]:
    cues: Any = classifier.nlp.get_pipe("boundary_cues")
    strings = classifier.nlp.vocab.strings
    out: dict[str, Any] = {
        name: {strings[key]: dict(table) for key, table in getattr(cues, name)._index.items()}
        for name in ("phrases", "context_phrases")
    }
    out["needs"] = sorted((g.index, g.needs) for g in cues.token_groups)
    return out


def _answers(classifier: Classifier, texts: list[str]) -> list[str]:
    return [a.model_dump_json() for a in classifier.assess_many(texts)]


@pytest.fixture(scope="module")
def uncached() -> Classifier:
    return load_classifier(_settings(None, build_cache=False))


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return _texts()


def _files(directory: Path) -> list[Path]:
    return sorted(directory.glob("phrase-tables-*.pickle"))


def test_a_later_load_reads_the_cache_and_says_what_a_fresh_build_says(
    tmp_path: Path, uncached: Classifier, texts: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger=LOGGER)
    cold = load_classifier(_settings(tmp_path))
    [stored] = _files(tmp_path)
    assert stored.stat().st_mode & 0o777 == 0o600 and tmp_path.stat().st_mode & 0o022 == 0
    assert not any("read from" in r.getMessage() for r in caplog.records)
    written = stored.stat().st_mtime_ns
    warm = load_classifier(_settings(tmp_path))
    assert any("phrase tables read from" in r.getMessage() for r in caplog.records)
    assert stored.stat().st_mtime_ns == written  # read, not written again
    assert _tables(warm) == _tables(cold) == _tables(uncached)
    expected = _answers(uncached, texts)
    assert _answers(cold, texts) == expected
    assert _answers(warm, texts) == expected
    assert [warm.assess(t).model_dump_json() for t in texts[:150]] == expected[:150]


def test_other_rules_get_another_file_and_old_files_are_pruned(
    tmp_path: Path, texts: list[str]
) -> None:
    cache = tmp_path / "cache"
    load_classifier(_settings(cache))
    [bundled] = _files(cache)
    for n in range(KEEP + 2):  # files of rule sets long gone, oldest first
        old = cache / f"phrase-tables-{n:040d}.pickle"
        old.write_bytes(b"")
        os.utime(old, (1_000_000 + n, 1_000_000 + n))
    org = tmp_path / "org"
    org.mkdir()
    (org / "gifts.jsonl").write_text(
        json.dumps(
            {
                "label": "GIFT",
                "pattern": "jar of quince jam",
                "id": "org.gift.quince",
                "description": "A home-made gift ('jar of quince jam')",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    text = "my client brought me a jar of quince jam"
    with_org = load_classifier(_settings(cache, rules_dir=org))
    assert "gifts" in with_org.assess(text).categories
    files = _files(cache)
    # the new file and the newest KEEP others: the bundled rules' and three old ones
    assert bundled in files and len(files) == KEEP + 1
    kept = {n for n in range(KEEP + 2) if cache / f"phrase-tables-{n:040d}.pickle" in files}
    assert kept == {KEEP + 1, KEEP, KEEP - 1}
    again = load_classifier(_settings(cache, rules_dir=org))
    assert "gifts" in again.assess(text).categories
    assert _tables(again) == _tables(with_org)


class _Evil:
    """Unpickled by a plain unpickler, this would create the marker file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, ...]:
        return (Path.touch, (self.marker,))


@pytest.mark.parametrize(
    "content",
    ["code", "a class", "junk", "wrong shape", "old format", "text in a table", "no regexes"],
)
def test_a_damaged_or_tampered_file_is_ignored_and_replaced(
    tmp_path: Path,
    uncached: Classifier,
    texts: list[str],
    caplog: pytest.LogCaptureFixture,
    content: str,
) -> None:
    cache = tmp_path / "cache"
    load_classifier(_settings(cache))
    [stored] = _files(cache)
    good = pickle.loads(stored.read_bytes())
    marker = tmp_path / "ran"
    bad = {
        "code": pickle.dumps(_Evil(marker)),
        "a class": pickle.dumps(OrderedDict(a=1)),
        "junk": b"\x80\x05not a pickle at all",
        "wrong shape": pickle.dumps([1, 2, 3]),
        "old format": pickle.dumps([0, *good[1:]]),
        "text in a table": pickle.dumps(
            [good[0], good[1], [{"NORM GIFT 0": {("gift",): 0}}, good[2][1]], good[3]]
        ),
        "no regexes": pickle.dumps([*good[:3], {}]),
    }[content]
    stored.write_bytes(bad)
    caplog.set_level(logging.WARNING, logger=LOGGER)
    loaded = load_classifier(_settings(cache))
    assert not marker.exists()
    if content != "no regexes":  # well formed, only incomplete: quietly computed afresh
        assert any("ignoring phrase-table cache" in r.getMessage() for r in caplog.records)
    assert _answers(loaded, texts[:200]) == _answers(uncached, texts[:200])
    assert pickle.loads(stored.read_bytes()) == good  # computed afresh and stored again


def test_a_file_others_may_write_is_not_trusted(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    load_classifier(_settings(tmp_path))
    [stored] = _files(tmp_path)
    stored.chmod(0o666)
    caplog.set_level(logging.DEBUG, logger=LOGGER)
    load_classifier(_settings(tmp_path))
    messages = [r.getMessage() for r in caplog.records]
    assert any("not private to this user" in m for m in messages)
    assert not any("read from" in m for m in messages)


def test_an_unwritable_directory_only_costs_the_speed_up(
    tmp_path: Path, uncached: Classifier, texts: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a directory", encoding="utf-8")
    caplog.set_level(logging.WARNING, logger=LOGGER)
    loaded = load_classifier(_settings(blocker / "cache"))
    assert any("could not write" in r.getMessage() for r in caplog.records)
    assert _answers(loaded, texts[:100]) == _answers(uncached, texts[:100])


def test_the_environment_moves_or_turns_off_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BOUNDARY_CACHE_DIR", str(tmp_path / "moved"))
    monkeypatch.setenv("BOUNDARY_BUILD_CACHE", "false")
    assert ClassifierSettings().build_cache is False
    # the settings take their field names too (``make bench`` loads with the cache off so)
    assert ClassifierSettings(build_cache=True).build_cache is True
    load_classifier()
    assert not (tmp_path / "moved").exists()
    monkeypatch.delenv("BOUNDARY_BUILD_CACHE")
    load_classifier()
    assert len(_files(tmp_path / "moved")) == 1


def test_the_default_directory_follows_xdg_cache_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    load_classifier()
    assert len(_files(tmp_path / "boundary-bot")) == 1


def test_a_rebuild_over_earlier_folds_computes_afresh(
    tmp_path: Path, uncached: Classifier, texts: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    """``from_disk`` on a loaded pipeline keeps the earlier folds, which no cache key
    covers, so it computes the tables itself (and says the same as before)."""
    loaded = load_classifier(_settings(tmp_path))
    cues: Any = loaded.nlp.get_pipe("boundary_cues")
    assert isinstance(cues, CueMatcher) and cues.cache is not None
    cues.to_disk(tmp_path / "saved")
    caplog.set_level(logging.DEBUG, logger=LOGGER)
    cues.from_disk(tmp_path / "saved")
    assert not any("read from" in r.getMessage() for r in caplog.records)
    assert _answers(loaded, texts[:200]) == _answers(uncached, texts[:200])

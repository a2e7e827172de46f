"""The labelled corpus files are well-formed (issue 2's corpus requirements)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from classifiers.models import CATEGORIES

DATA = Path(__file__).resolve().parents[1] / "data"
FILES = sorted(DATA.glob("corpus_*.jsonl"))
FIELDS = ["id", "text", "categories", "note"]


def _rows(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_the_corpus_has_its_parts() -> None:
    names = {p.name for p in FILES}
    assert "corpus_test.jsonl" in names and "corpus_dev.jsonl" in names
    assert {f"corpus_dev{n}.jsonl" for n in range(7, 72)} <= names


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_line_is_a_labelled_message(path: Path) -> None:
    rows = _rows(path)
    prefixes = {str(r["id"])[0] for r in rows}
    assert len(prefixes) == 1, f"{path.name}: expected one id prefix, got {sorted(prefixes)}"
    for row in rows:
        assert list(row) == FIELDS, f"{path.name} {row.get('id')}: fields {list(row)}"
        cats = row["categories"]
        assert isinstance(cats, list) and cats == sorted(set(cats)), f"{row['id']}: {cats}"
        assert set(cats) <= set(CATEGORIES), f"{row['id']}: unknown {set(cats) - set(CATEGORIES)}"
        assert isinstance(row["text"], str) and row["text"].strip(), f"{row['id']}: no text"
    assert len(rows) >= 300
    benign = sum(1 for r in rows if not r["categories"])
    assert benign / len(rows) >= 0.40, f"{path.name}: benign share {benign / len(rows):.0%}"


def test_ids_and_texts_are_unique_across_parts() -> None:
    ids: dict[str, str] = {}
    texts: dict[str, str] = {}
    for path in FILES:
        for row in _rows(path):
            key = str(row["id"])
            assert key not in ids, f"{key} in {ids.get(key)} and {path.name}"
            ids[key] = path.name
            text = " ".join(str(row["text"]).lower().split())
            assert text not in texts, f"{key} in {path.name} repeats a line of {texts.get(text)}"
            texts[text] = path.name
    assert len(ids) >= 600

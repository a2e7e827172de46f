"""Every ``file::test`` pointer in docs/SECURITY.md names a test (or fixture) that exists."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
POINTER = re.compile(r"`([\w/]+\.py)::(\w+)`")


def test_every_pointer_in_security_md_exists() -> None:
    text = (ROOT / "docs" / "SECURITY.md").read_text(encoding="utf-8")
    pointers = POINTER.findall(text)
    assert len(pointers) > 40
    missing = []
    for path, name in pointers:
        source = ROOT / "tests" / "bot" / path
        if not source.exists() or not re.search(
            rf"^(async )?def {name}\(", source.read_text(encoding="utf-8"), re.MULTILINE
        ):
            missing.append(f"{path}::{name}")
    assert not missing, f"docs/SECURITY.md points at tests that do not exist: {missing}"

"""responses/ may import only classifiers.models from our code (docs/ARCHITECTURE.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import responses

PACKAGE = Path(responses.__file__).parent


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_responses_imports_only_classifier_models() -> None:
    files = sorted(PACKAGE.rglob("*.py"))
    assert files
    for path in files:
        for name in _imports(path):
            root = name.split(".")[0]
            assert root != "bot", f"{path.name} imports {name}"
            if root == "classifiers":
                assert name == "classifiers.models", f"{path.name} imports {name}"

"""A cache of the phrase tables, so that a process after the first loads faster.

Folding the lemma table into the norms of the patterns' words and working out the attribute
values of some 22,000 phrase patterns (case variants that tokenize differently) is a third
of ``load_classifier()``. The result is plain data: the folded norms (form -> lemma) and,
per match key, a dictionary from a pattern's attribute values to the index of its rule. It
is stored under a key that hashes everything it depends on:

- every phrase's label, pattern and rule index, and which attribute each table matches on;
- the ``requires`` regexes of the token patterns (their parsed requirements are kept too);
- the norm exceptions (``norms.json``);
- the code that computes the values (this module, ``phrasetable.py``, ``lexicon.py``);
- the versions of Python, spaCy and spacy-lookups-data (the tokenizer's exceptions and the
  lemma table).

So any change to the rules, an organisation's rules, the code or the libraries gives another
key, and the tables are computed afresh. Rules are still read and validated on every load:
only the values computed from them are reused.

The file holds only dictionaries, tuples, integers and strings, and is read with an
unpickler that refuses every class (:class:`_PlainUnpickler`): a tampered file can give
wrong tables, never run code. A file that is not owned by this user, is writable by others,
or does not read back as the expected shapes is ignored, and the tables are computed as if
there were no cache. Nothing that fails here fails the load.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import spacy

logger = logging.getLogger(__name__)

#: Bump when the stored shapes change.
FORMAT = 1
#: Files written by other rule sets that are kept beside the newest (an organisation's
#: rules and the bundled ones alone, a few versions while rules are edited).
KEEP = 4
_PREFIX = "phrase-tables-"
_CODE = ("tablecache.py", "phrasetable.py", "lexicon.py", "prefilter.py")

#: One table's state: match key -> a pattern's attribute values -> its rule index.
TableState = dict[str, dict[tuple[int, ...], int]]
#: What one table is built from: (label, pattern, rule index) in order.
Phrases = list[tuple[str, str, int]]


@dataclass(frozen=True)
class Built:
    """What is cached: the folded norms (form -> lemma), each table's state and the
    prefilter's requirements of the token groups' regexes (each a list of string options)."""

    folded: dict[str, str]
    tables: list[TableState]
    needs: dict[str, list[list[str]]]


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/boundary-bot``, else ``~/.cache/boundary-bot``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "boundary-bot"


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "none"


def _code_digest() -> bytes:
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for name in _CODE:
        digest.update((here / name).read_bytes())
    return digest.digest()


class TableCache:
    """Phrase-table states stored in ``directory`` (created private to this user)."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)

    def key(
        self, tables: Iterable[tuple[str, Phrases]], norms: dict[str, str], regexes: list[str]
    ) -> str:
        """The key of what is built from ``tables`` ((attribute, phrases) per table), the
        norm exceptions and the token groups' ``regexes``."""
        digest = hashlib.sha256()
        head = [FORMAT, sys.version_info[:2], spacy.__version__, _version("spacy-lookups-data")]
        digest.update(json.dumps(head).encode())
        digest.update(_code_digest())
        digest.update(json.dumps(norms, sort_keys=True).encode())
        digest.update(json.dumps(regexes).encode())
        for attr, phrases in tables:
            digest.update(b"\x1d" + attr.encode())
            digest.update("\x1e".join(f"{lab}\x1f{pat}\x1f{i}" for lab, pat, i in phrases).encode())
        return digest.hexdigest()[:40]

    def path(self, key: str) -> Path:
        """The file that holds the tables of ``key``."""
        return self.directory / f"{_PREFIX}{key}.pickle"

    def load(self, key: str) -> Built | None:
        """What is stored under ``key``, or None (absent or unusable)."""
        path = self.path(key)
        try:
            with path.open("rb") as f:
                info = os.fstat(f.fileno())
                if info.st_uid != os.geteuid() or info.st_mode & 0o022:
                    logger.warning("ignoring phrase-table cache %s: not private to this user", path)
                    return None
                data = _PlainUnpickler(io.BytesIO(f.read())).load()
        except FileNotFoundError:
            return None
        except Exception as exc:  # a damaged file is a cache miss, never a failed load
            logger.warning("ignoring phrase-table cache %s: %s", path, type(exc).__name__)
            return None
        if not _valid(data):
            logger.warning("ignoring phrase-table cache %s: unexpected contents", path)
            return None
        logger.debug("phrase tables read from %s", path)
        return Built(data[1], data[2], data[3])

    def store(self, key: str, built: Built) -> None:
        """Write ``built`` under ``key`` (atomically); errors are logged, not raised."""
        try:
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=self.directory)
            try:
                with os.fdopen(fd, "wb") as f:
                    data = [FORMAT, built.folded, built.tables, built.needs]
                    pickle.dump(data, f, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, self.path(key))
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
            self._prune(key)
        except OSError as exc:
            logger.warning("could not write the phrase-table cache in %s: %s", self.directory, exc)

    def _prune(self, key: str) -> None:
        """Keep the newest :data:`KEEP` files besides ``key``'s."""
        dated = []
        for path in self.directory.glob(f"{_PREFIX}*.pickle"):
            if path != self.path(key):
                try:
                    dated.append((path.stat().st_mtime, path))
                except FileNotFoundError:  # another process pruned it first
                    continue
        dated.sort(reverse=True)
        for _, old in dated[KEEP:]:
            old.unlink(missing_ok=True)


class _PlainUnpickler(pickle.Unpickler):
    """Reads built-in containers and scalars only: any class or function is refused."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"expected plain data, found a reference to {module}.{name}")


def _valid(data: object) -> bool:
    """Whether unpickled ``data`` has the shapes :meth:`TableCache.store` writes."""
    if not isinstance(data, list) or len(data) != 4 or data[0] != FORMAT:
        return False
    folded, tables, needs = data[1], data[2], data[3]
    if not isinstance(folded, dict) or not isinstance(tables, list) or len(tables) != 2:
        return False
    if not all(type(k) is str and type(v) is str for k, v in folded.items()):
        return False
    if type(needs) is not dict:
        return False
    for regex, reqs in needs.items():
        if type(regex) is not str or type(reqs) is not list:
            return False
        for options in reqs:
            if type(options) is not list or not all(type(o) is str for o in options):
                return False
    for state in tables:
        if not isinstance(state, dict):
            return False
        for key, table in state.items():
            if type(key) is not str or type(table) is not dict:
                return False
            for values, index in table.items():
                if type(values) is not tuple or type(index) is not int:
                    return False
                for value in values:
                    if type(value) is not int:
                        return False
    return True

"""Optional sampling profile of a worker under load, with py-spy (``BENCH_PROFILE=1``).

``python -m benchmarks http`` with ``BENCH_PROFILE=1`` records the first worker during the
concurrency-16 run of each Boundary Bot scenario (only samples holding the GIL, i.e. CPU
spent in Python) and prints where the time goes, grouped by layer, plus the top functions.
py-spy is in the ``test`` extras; attaching needs ptrace permission (root or
``kernel.yama.ptrace_scope=0``).
"""

from __future__ import annotations

import collections
import contextlib
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

#: Layers, checked from the innermost frame outwards; the first match owns the sample.
LAYERS = (
    ("classifier (classifiers/, spaCy)", ("classifiers/", "spacy/", "thinc/")),
    ("Block Kit building (responses/, slack_sdk.models)", ("responses/", "slack_sdk/models")),
    ("SQLAlchemy (statement build, compile, execute)", ("sqlalchemy/",)),
    ("database driver (asyncpg, aiosqlite)", ("asyncpg/", "aiosqlite/")),
    ("outbound Web API (slack_sdk.web, aiohttp client)", ("slack_sdk/web", "aiohttp/client")),
    ("Bolt dispatch and middleware (slack_bolt)", ("slack_bolt/",)),
    ("HTTP server (aiohttp.web)", ("aiohttp/web",)),
    ("our code (bot/)", ("bot/",)),
)


def enabled() -> bool:
    """Whether profiling was asked for and py-spy is installed."""
    return bool(os.environ.get("BENCH_PROFILE")) and shutil.which("py-spy") is not None


@contextlib.contextmanager
def record(pid: int, seconds: float) -> Iterator[Path]:
    """Record ``pid`` with py-spy for at most ``seconds``; yields the raw output's path."""
    with tempfile.TemporaryDirectory(prefix="bb-prof-") as tmp:
        out = Path(tmp) / "profile.txt"
        args = ["py-spy", "record", "-p", str(pid), "-r", "200", "-d", str(int(seconds))]
        args += ["-f", "raw", "-o", str(out), "--gil", "--nonblocking"]
        spy = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            yield out
        finally:
            spy.send_signal(2)  # SIGINT: py-spy writes what it has and exits
            try:
                spy.wait(timeout=20)
            except subprocess.TimeoutExpired:
                spy.kill()
                spy.wait()
            report(out)


def report(raw: Path, top: int = 12) -> None:
    """Print the share of samples per layer and the top functions by own time."""
    if not raw.exists():
        print("  (py-spy wrote no profile: is ptrace permitted?)")
        return
    layers: collections.Counter[str] = collections.Counter()
    own: collections.Counter[str] = collections.Counter()
    total = 0
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        n = int(count)
        total += n
        frames = stack.split(";")
        own[re.sub(r":\d+\)$", ")", frames[-1])] += n
        layers[_layer(frames)] += n
    if not total:
        print("  (no samples)")
        return
    print(f"  profile: {total} samples holding the GIL")
    for name, n in layers.most_common():
        print(f"    {100 * n / total:5.1f}%  {name}")
    print("  top functions (own time):")
    for name, n in own.most_common(top):
        print(f"    {100 * n / total:5.1f}%  {name}")


def _layer(frames: list[str]) -> str:
    for frame in reversed(frames):
        if "bot/workers.py" in frame:  # the worker's entry point: every stack's root
            continue
        for name, markers in LAYERS:
            if any(marker in frame for marker in markers):
                return name
    return "event loop and other"

"""HTTP events through the real path, against a bare slack-bolt reference, on loopback.

Each event is a signed ``message`` event describing one risky situation, from a distinct user
(so no cooldown or dedupe hides work): signature check, classify, database write (dedupe key,
flag record, outbox), 200, then the ephemeral nudge posted to the fake Slack Web API.

Servers run in their own processes (``python -m bot.workers``), the load generator in another
(``python -m benchmarks._harness load``), the fake Slack Web API in this one. Figures:

- ``acks/s``: HTTP 200s per second as the generator saw them;
- ``done/s``: events per second until the last nudge reached the fake Slack (for the bare-Bolt
  reference, which posts nothing, the same as ``acks/s``);
- ``p50``/``p99``: time from sending a request to reading its 200;
- ``nudges``: ephemeral posts received / expected (one per acked event; must be equal);
- ``cpu/ev``: worker CPU milliseconds per event (all workers), the capacity figure that does
  not depend on how many cores the generator leaves free; ``gen/ev`` the same for the
  load generator.

Besides the all-risky runs (the worst case: every event is written and nudged), a
"realistic mix" run at concurrency 16 sends 10 % risky events and 90 % benign clinical
chatter (``BENIGN_TEXTS``, which must produce no nudge and no database write); ``risky``
shows the share.

``BENCH_PROFILE=1`` adds a py-spy profile of the concurrency-16 run (see ``_profile``).
``BENCH_HTTP_SCENARIOS`` (e.g. ``sqlite1,postgresql1``; ``bare`` for the reference) runs only
those scenarios, for quick before/after comparisons; targets needing a missing scenario are
not checked.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import os
import time
import uuid
from dataclasses import dataclass, field

import psutil

from benchmarks import _profile
from benchmarks._harness import run_load_process, status_text, summarise
from benchmarks._requests import BENIGN_TEXTS, RISKY_TEXTS, event_request
from benchmarks._stack import Stack, Unavailable, app_stack

CONCURRENCIES = (1, 16, 64)
EVENTS = {1: 200, 16: 800, 64: 800}
WARMUP_EVENTS = 40
MIX_CONCURRENCY = 16
MIX_EVENTS = 2000
MIX_RISKY_EVERY = 10  # 1 risky event in 10, the rest benign chatter
TIME_LIMIT = 20.0  # seconds per load run, whatever the count
NUDGE_WAIT = 30.0  # seconds to wait for the last nudge after the last ack


@dataclass(frozen=True)
class Scenario:
    """One server configuration to measure."""

    label: str
    backend: str
    workers: int = 1
    reference: bool = False


SCENARIOS = (
    Scenario("bare Bolt", "sqlite", 1, reference=True),
    Scenario("Boundary Bot", "sqlite", 1),
    Scenario("Boundary Bot", "postgresql", 1),
    Scenario("Boundary Bot", "postgresql", 2),
)


@dataclass
class Row:
    """Figures of one load run."""

    scenario: Scenario
    concurrency: int
    risky_every: int
    sent: int
    acks_per_s: float
    done_per_s: float
    p50_ms: float
    p99_ms: float
    nudges: int
    expected: int
    cpu_ms_per_event: float
    generator_cpu_ms_per_event: float
    statuses: str


@dataclass
class ScenarioResult:
    """Rows of one scenario plus its workers' peak RSS (bytes) and API calls per event."""

    scenario: Scenario
    rows: list[Row] = field(default_factory=list)
    peak_rss: list[int] = field(default_factory=list)
    skipped: str = ""


class EventFactory:
    """Signed, distinct risky events for one server."""

    def __init__(self, stack: Stack) -> None:
        self.stack = stack
        self.run = uuid.uuid4().hex[:6].upper()
        self.counter = itertools.count()

    def make(self, n: int, risky_every: int = 1) -> list[bytes]:
        """``n`` new events, each from a new user, spread over 8 channels; the first of
        every ``risky_every`` is risky, the others benign chatter."""
        requests = []
        for i in range(n):
            k = next(self.counter)
            text = (
                RISKY_TEXTS[k % len(RISKY_TEXTS)]
                if i % risky_every == 0
                else BENIGN_TEXTS[k % len(BENIGN_TEXTS)]
            )
            requests.append(
                event_request(
                    self.stack.host,
                    self.stack.port,
                    text=text,
                    user=f"U{self.run}{k:07d}",
                    channel=f"C{self.run}{k % 8}",
                    event_id=f"Ev{self.run}{k:08d}",
                )
            )
        return requests


def _cpu_seconds(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        times = psutil.Process(pid).cpu_times()
        total += times.user + times.system
    return total


def _risky_among_first(sent: int, risky_every: int) -> int:
    return (sent + risky_every - 1) // risky_every


async def measure(
    stack: Stack,
    events: EventFactory,
    concurrency: int,
    n: int,
    scenario: Scenario,
    risky_every: int = 1,
) -> Row:
    """Send ``n`` events at ``concurrency`` and wait for their nudges."""
    requests = events.make(n, risky_every)
    spec = {
        "host": stack.host,
        "port": stack.port,
        "time_limit": TIME_LIMIT,
        "streams": [{"name": "events", "concurrency": concurrency, "requests": requests}],
    }
    posted_before = len(stack.fake.calls_to("chat.postEphemeral"))
    cpu_before = _cpu_seconds(stack.pids)
    (result,), generator_cpu = await run_load_process(spec, timeout=TIME_LIMIT + 60)
    # Requests go out in order, so the first ``sent`` were sent; every one should get 200.
    expected = 0 if scenario.reference else _risky_among_first(result.ok, risky_every)
    done_at = result.finished
    if expected:
        with contextlib.suppress(TimeoutError):
            await stack.fake.wait_for(
                "chat.postEphemeral", count=posted_before + expected, timeout=NUDGE_WAIT
            )
        done_at = time.time()
    # Anything extra (a duplicate) would arrive right after; give it a moment to show up.
    await asyncio.sleep(0.2)
    nudges = len(stack.fake.calls_to("chat.postEphemeral")) - posted_before
    cpu = _cpu_seconds(stack.pids) - cpu_before
    stats = summarise(result)
    return Row(
        scenario=scenario,
        concurrency=concurrency,
        risky_every=risky_every,
        sent=result.sent,
        acks_per_s=stats["acks_per_s"],
        done_per_s=result.ok / max(done_at - result.started, 1e-9),
        p50_ms=stats["p50_ms"],
        p99_ms=stats["p99_ms"],
        nudges=nudges,
        expected=expected,
        cpu_ms_per_event=cpu * 1000 / max(result.sent, 1),
        generator_cpu_ms_per_event=generator_cpu * 1000 / max(result.sent, 1),
        statuses=status_text(result),
    )


async def run_scenario(scenario: Scenario) -> ScenarioResult:
    """Start the scenario's stack, warm it up, and measure every concurrency."""
    outcome = ScenarioResult(scenario)
    try:
        async with app_stack(
            scenario.backend, workers=scenario.workers, reference=scenario.reference
        ) as stack:
            events = EventFactory(stack)
            await measure(stack, events, 4, WARMUP_EVENTS, scenario)  # warm-up, not reported
            for concurrency in CONCURRENCIES:
                profiling = concurrency == 16 and not scenario.reference and _profile.enabled()
                with (
                    _profile.record(stack.pids[0], TIME_LIMIT)
                    if profiling
                    else contextlib.nullcontext()
                ):
                    row = await measure(stack, events, concurrency, EVENTS[concurrency], scenario)
                outcome.rows.append(row)
                print(_format_row(row), flush=True)
            row = await measure(
                stack, events, MIX_CONCURRENCY, MIX_EVENTS, scenario, MIX_RISKY_EVERY
            )
            outcome.rows.append(row)
            print(_format_row(row), flush=True)
            outcome.peak_rss = list(stack.sample_peak_rss().values())
    except Unavailable as exc:
        outcome.skipped = str(exc)
        print(f"skipped {scenario.label} on {scenario.backend}: {exc}", flush=True)
    return outcome


HEADER = (
    f"{'server':<13} {'db':<10} {'w':>1} {'conc':>4} {'risky':>5} {'sent':>5} {'acks/s':>7} "
    f"{'done/s':>7} "
    f"{'p50 ms':>7} {'p99 ms':>7} {'nudges':>9} {'cpu/ev':>7} {'gen/ev':>7}  statuses"
)


def _format_row(row: Row) -> str:
    s = row.scenario
    nudges = "-" if s.reference else f"{row.nudges}/{row.expected}"
    return (
        f"{s.label:<13} {s.backend:<10} {s.workers:>1} {row.concurrency:>4} "
        f"{100 // row.risky_every:>4}% {row.sent:>5} "
        f"{row.acks_per_s:>7.0f} {row.done_per_s:>7.0f} {row.p50_ms:>7.1f} {row.p99_ms:>7.1f} "
        f"{nudges:>9} {row.cpu_ms_per_event:>6.2f}m {row.generator_cpu_ms_per_event:>6.2f}m  "
        f"{row.statuses}"
    )


def _find(results: list[ScenarioResult], backend: str, workers: int, ref: bool) -> ScenarioResult:
    for result in results:
        s = result.scenario
        if (s.backend, s.workers, s.reference) == (backend, workers, ref):
            return result
    return ScenarioResult(Scenario("not run", backend, workers, ref), skipped="not selected")


def selected_scenarios(selection: str | None) -> tuple[Scenario, ...]:
    """The scenarios named in ``selection`` (``BENCH_HTTP_SCENARIOS``), or all of them."""
    if not selection:
        return SCENARIOS
    names = {name.strip() for name in selection.split(",") if name.strip()}
    return tuple(
        s for s in SCENARIOS if ("bare" if s.reference else f"{s.backend}{s.workers}") in names
    )


def check_targets(results: list[ScenarioResult]) -> list[tuple[str, str, bool]]:
    """(target, measured, met) for each target the issue sets."""
    checks: list[tuple[str, str, bool]] = []
    reference = {(r.concurrency, r.risky_every): r for r in _find(results, "sqlite", 1, True).rows}
    for backend in ("sqlite", "postgresql"):
        ours = _find(results, backend, 1, False)
        if ours.skipped:
            continue
        for row in ours.rows:
            ref = reference.get((row.concurrency, row.risky_every))
            if ref is None or row.concurrency == 1:
                continue
            ratio = row.done_per_s / ref.acks_per_s
            mix = "" if row.risky_every == 1 else f", {100 // row.risky_every}% risky"
            checks.append(
                (
                    f"throughput >= 50% of bare Bolt ({backend}, 1 worker, "
                    f"c={row.concurrency}{mix})",
                    f"{row.done_per_s:.0f} vs {ref.acks_per_s:.0f} ev/s = {ratio:.0%}",
                    ratio >= 0.5,
                )
            )
            if row.concurrency == 16:
                checks.append(
                    (
                        f"p99 ack <= 50 ms at c=16 ({backend}, 1 worker{mix})",
                        f"{row.p99_ms:.1f} ms",
                        row.p99_ms <= 50,
                    )
                )
    one, two = _find(results, "postgresql", 1, False), _find(results, "postgresql", 2, False)
    if not one.skipped and not two.skipped:
        best_one = max(r.done_per_s for r in one.rows if r.risky_every == 1)
        best_two = max(r.done_per_s for r in two.rows if r.risky_every == 1)
        checks.append(
            (
                "2 workers >= 1.6x 1 worker (PostgreSQL, best concurrency)",
                f"{best_two:.0f} vs {best_one:.0f} ev/s = {best_two / best_one:.2f}x",
                best_two / best_one >= 1.6,
            )
        )
        for row in two.rows:
            if row.concurrency == 16:
                mix = "" if row.risky_every == 1 else f", {100 // row.risky_every}% risky"
                checks.append(
                    (
                        f"p99 ack <= 50 ms at c=16 (postgresql, 2 workers{mix})",
                        f"{row.p99_ms:.1f} ms",
                        row.p99_ms <= 50,
                    )
                )
    for result in results:
        if not result.scenario.reference and result.rows:
            bad = [r for r in result.rows if r.nudges != r.expected]
            checks.append(
                (
                    f"nudges == expected ({result.scenario.backend}, "
                    f"{result.scenario.workers} worker(s))",
                    "all runs" if not bad else f"{len(bad)} run(s) differ",
                    not bad,
                )
            )
    return checks


async def _main() -> int:
    print(f"{len(RISKY_TEXTS)} risky message texts, {psutil.cpu_count()} CPU core(s)")
    print(HEADER, flush=True)
    results = [
        await run_scenario(s) for s in selected_scenarios(os.environ.get("BENCH_HTTP_SCENARIOS"))
    ]
    print("\npeak RSS per worker (MiB):")
    for result in results:
        if result.peak_rss:
            sc = result.scenario
            rss = ", ".join(f"{b / 2**20:.0f}" for b in result.peak_rss)
            print(f"  {sc.label} {sc.backend} x{sc.workers}: {rss}")
    print("\ntargets:")
    status = 0
    for target, measured, met in check_targets(results):
        print(f"  [{'met' if met else 'MISSED'}] {target}: {measured}")
        if target.startswith("nudges") and not met:
            status = 1
    return status


def main() -> int:
    """Run the HTTP events benchmark and print its table; non-zero if nudges went missing."""
    return asyncio.run(_main())


if __name__ == "__main__":
    raise SystemExit(main())

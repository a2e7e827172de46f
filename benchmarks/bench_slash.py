"""``/boundary`` slash commands: time to the 200, alone and under message-event load.

A command stream (concurrency 4: questions, ``help``, ``topics``, a topic name) runs alone,
then together with an event stream at concurrency 16 (the load of bench_http), against the
bare slack-bolt reference (ack only) and Boundary Bot on SQLite (1 worker) and PostgreSQL
(2 workers). ``answers`` counts replies posted to the commands' ``response_url``.
Target: p99 time to the 200 <= 100 ms under load.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import uuid

from benchmarks._harness import run_load_process, status_text, summarise
from benchmarks._requests import slash_request
from benchmarks._stack import Stack, Unavailable, app_stack
from benchmarks.bench_http import EventFactory, Scenario

COMMANDS = 200
COMMAND_CONCURRENCY = 4
EVENTS_UNDER_LOAD = 800
EVENT_CONCURRENCY = 16
TIME_LIMIT = 20.0
COMMAND_TEXTS = (
    "is it ok to accept a small gift from a client at the end of treatment?",
    "help",
    "topics",
    "can I friend a former client on facebook?",
    "gifts",
    "a patient's mother wants my cell number",
)
SCENARIOS = (
    Scenario("bare Bolt", "sqlite", 1, reference=True),
    Scenario("Boundary Bot", "sqlite", 1),
    Scenario("Boundary Bot", "postgresql", 2),
)


def _commands(stack: Stack, n: int) -> list[bytes]:
    run = uuid.uuid4().hex[:6].upper()
    counter = itertools.count()
    requests = []
    for _ in range(n):
        k = next(counter)
        requests.append(
            slash_request(
                stack.host,
                stack.port,
                text=COMMAND_TEXTS[k % len(COMMAND_TEXTS)],
                user=f"U{run}{k:06d}",
                channel=f"C{run}{k % 4}",
                trigger_id=f"{k}.{run}",
                response_url=stack.fake.new_response_url(),
            )
        )
    return requests


async def _run(
    stack: Stack, scenario: Scenario, events: EventFactory, loaded: bool, n: int = COMMANDS
) -> float:
    """One run; prints its row (unless a warm-up) and returns the commands' p99 in ms."""
    commands_stream = {
        "name": "commands",
        "concurrency": COMMAND_CONCURRENCY,
        "requests": _commands(stack, n),
    }
    streams = [commands_stream]
    if loaded:
        requests = events.make(EVENTS_UNDER_LOAD)
        streams.append({"name": "events", "concurrency": EVENT_CONCURRENCY, "requests": requests})
    answered_before = len(stack.fake.calls_to("response_url"))
    spec = {"host": stack.host, "port": stack.port, "time_limit": TIME_LIMIT, "streams": streams}
    results, _ = await run_load_process(spec, timeout=TIME_LIMIT + 60)
    commands = results[0]
    answers = "-"
    if not scenario.reference:
        with contextlib.suppress(TimeoutError):
            await stack.fake.wait_for(
                "response_url", count=answered_before + commands.ok, timeout=30
            )
        answered = len(stack.fake.calls_to("response_url")) - answered_before
        answers = f"{answered}/{commands.ok}"
    stats = summarise(commands)
    if n < COMMANDS:
        return stats["p99_ms"]  # warm-up
    load = f"+ events c={EVENT_CONCURRENCY}" if loaded else "alone"
    line = (
        f"{scenario.label:<13} {scenario.backend:<10} {scenario.workers:>1} {load:<16} "
        f"{commands.sent:>5} {stats['acks_per_s']:>7.0f} {stats['p50_ms']:>7.1f} "
        f"{stats['p99_ms']:>7.1f} {answers:>9}  {status_text(commands)}"
    )
    if loaded:
        ev = summarise(results[1])
        line += f"  (events: {ev['acks_per_s']:.0f}/s, p99 {ev['p99_ms']:.1f} ms)"
    print(line, flush=True)
    return stats["p99_ms"]


async def _main() -> int:
    print(
        f"{'server':<13} {'db':<10} {'w':>1} {'load':<16} {'sent':>5} {'cmd/s':>7} "
        f"{'p50 ms':>7} {'p99 ms':>7} {'answers':>9}  statuses"
    )
    targets: list[tuple[str, float]] = []
    for scenario in SCENARIOS:
        try:
            async with app_stack(
                scenario.backend, workers=scenario.workers, reference=scenario.reference
            ) as stack:
                events = EventFactory(stack)
                await _run(stack, scenario, events, loaded=False, n=40)  # warm-up
                await _run(stack, scenario, events, loaded=False)
                p99 = await _run(stack, scenario, events, loaded=True)
                if not scenario.reference:
                    targets.append((f"{scenario.backend} x{scenario.workers}", p99))
        except Unavailable as exc:
            print(f"skipped {scenario.label} on {scenario.backend}: {exc}")
    print("\ntargets:")
    for name, p99 in targets:
        verdict = "met" if p99 <= 100 else "MISSED"
        print(f"  [{verdict}] slash command p99 <= 100 ms under load ({name}): {p99:.1f} ms")
    return 0


def main() -> int:
    """Run the slash-command benchmark and print its table."""
    return asyncio.run(_main())


if __name__ == "__main__":
    raise SystemExit(main())

"""Shared benchmark harness: a lean load generator and latency statistics.

Nothing here imports our own application code, so the harness measures the app from the outside,
exactly as Slack would reach it: signed HTTP requests over loopback.

- Signed requests are built by :mod:`benchmarks._requests` (``event_request``,
  ``slash_request``).
- ``run_streams`` drives one or more request streams, each over its own pool of keep-alive
  connections (one connection per unit of concurrency), bounded by request count and by time.
  It uses raw asyncio streams instead of an HTTP client library so that the load generator costs
  as little CPU as possible: on a 2-core machine it competes with the workers it measures.
- ``python -m benchmarks._harness load`` runs ``run_streams`` in its own process (spec as JSON on
  stdin, result as JSON on stdout), so the generator never shares an event loop with a server.
- ``python -m benchmarks._harness reference --port P`` serves the reference: a bare slack-bolt
  ``AsyncApp`` with a no-op message listener (and a no-op ``/boundary`` that only acks), served
  through aiohttp's ``web.TCPSite`` exactly as Boundary Bot is.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import signal
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from benchmarks._requests import BOT_TOKEN, EVENTS_PATH, SIGNING_SECRET

# --------------------------------------------------------------------------- load generator


@dataclass
class StreamResult:
    """What one request stream measured; latencies in seconds, times from ``time.time()``."""

    name: str
    sent: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    started: float = 0.0
    finished: float = 0.0

    @property
    def ok(self) -> int:
        """Requests answered with HTTP 200."""
        return self.statuses.get("200", 0)

    @property
    def elapsed(self) -> float:
        """Wall-clock seconds from the first request sent to the last response read."""
        return max(self.finished - self.started, 1e-9)


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile of ``values`` (``nan`` for an empty list)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bool]:
    """Read one HTTP/1.1 response; return (status, server asked to close)."""
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionError("server closed the connection")
    status = int(status_line.split()[1])
    length, chunked, close = 0, False, False
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b"\n", b""):
            break
        name, _, value = line.partition(b":")
        key = name.strip().lower()
        if key == b"content-length":
            length = int(value)
        elif key == b"transfer-encoding":
            chunked = b"chunked" in value.lower()
        elif key == b"connection":
            close = b"close" in value.lower()
    if chunked:
        while True:
            size = int((await reader.readline()).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    elif length:
        await reader.readexactly(length)
    return status, close


async def _drive(
    host: str, port: int, queue: list[bytes], result: StreamResult, deadline: float
) -> None:
    """One keep-alive connection sending requests from the shared ``queue`` until done."""
    reader: asyncio.StreamReader | None = None
    writer: asyncio.StreamWriter | None = None
    try:
        while queue and time.perf_counter() < deadline:
            request = queue.pop()
            if writer is None:
                reader, writer = await asyncio.open_connection(host, port)
            assert reader is not None
            result.sent += 1
            began = time.perf_counter()
            try:
                writer.write(request)
                status, close = await _read_response(reader)
            except (OSError, ConnectionError, ValueError, asyncio.IncompleteReadError):
                result.errors += 1
                writer.close()
                reader = writer = None
                continue
            result.latencies.append(time.perf_counter() - began)
            result.statuses[str(status)] = result.statuses.get(str(status), 0) + 1
            if close:
                writer.close()
                reader = writer = None
    finally:
        if writer is not None:
            writer.close()


async def run_streams(spec: dict[str, Any]) -> list[StreamResult]:
    """Run every stream of ``spec`` at once and return their results.

    ``spec``: ``{"host", "port", "time_limit", "streams": [{"name", "concurrency", "requests"}]}``
    where ``requests`` is a list of raw request bytes (sent in order).
    """
    deadline = time.perf_counter() + float(spec["time_limit"])
    results: list[StreamResult] = []
    tasks = []
    for stream in spec["streams"]:
        result = StreamResult(name=stream["name"])
        results.append(result)
        queue = list(reversed(stream["requests"]))
        tasks.extend(
            _drive(spec["host"], spec["port"], queue, result, deadline)
            for _ in range(int(stream["concurrency"]))
        )
    started = time.time()
    for result in results:
        result.started = started
    await asyncio.gather(*tasks)
    finished = time.time()
    for result in results:
        result.finished = finished
    return results


def _load_main() -> int:
    """Entry for ``python -m benchmarks._harness load``: JSON spec on stdin, results on stdout.

    Requests in the spec are latin-1 strings (raw bytes round-tripped through JSON).
    """
    spec = json.load(sys.stdin)
    for stream in spec["streams"]:
        stream["requests"] = [r.encode("latin-1") for r in stream["requests"]]
    results = asyncio.run(run_streams(spec))
    json.dump({"cpu_s": time.process_time(), "streams": [asdict(r) for r in results]}, sys.stdout)
    return 0


async def run_load_process(
    spec: dict[str, Any], timeout: float
) -> tuple[list[StreamResult], float]:
    """Run ``spec`` in a separate load-generator process.

    Returns the stream results and the CPU seconds the generator process used in total.
    """
    for stream in spec["streams"]:
        stream["requests"] = [r.decode("latin-1") for r in stream["requests"]]
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "benchmarks._harness",
        "load",
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
    )
    try:
        out, _ = await asyncio.wait_for(proc.communicate(json.dumps(spec).encode()), timeout)
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    if proc.returncode != 0:
        raise RuntimeError(f"load generator exited with status {proc.returncode}")
    raw = json.loads(out)
    return [StreamResult(**stream) for stream in raw["streams"]], float(raw["cpu_s"])


def summarise(result: StreamResult) -> dict[str, float]:
    """Acks per second and p50/p99 latency in milliseconds for one stream."""
    return {
        "acks_per_s": result.ok / result.elapsed,
        "p50_ms": percentile(result.latencies, 50) * 1000,
        "p99_ms": percentile(result.latencies, 99) * 1000,
    }


def status_text(result: StreamResult) -> str:
    """Compact ``status:count`` listing, with transport errors, for tables."""
    parts = [f"{k}:{v}" for k, v in sorted(Counter(result.statuses).items())]
    if result.errors:
        parts.append(f"err:{result.errors}")
    return " ".join(parts) or "-"


# --------------------------------------------------------------------------- bare-Bolt reference


async def _serve_reference(host: str, port: int) -> None:
    """Serve a bare slack-bolt AsyncApp (no-op listeners) on ``host:port`` until SIGTERM."""
    from aiohttp import web
    from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
    from slack_bolt.async_app import AsyncAck, AsyncApp
    from slack_sdk.web.async_client import AsyncWebClient

    client = AsyncWebClient(
        # popped: Bolt would read it again and warn that it is unused next to ``client``
        token=os.environ.pop("SLACK_BOT_TOKEN", BOT_TOKEN),
        base_url=os.environ.get("SLACK_API_URL", "https://slack.com/api/"),
    )
    app = AsyncApp(
        client=client,
        signing_secret=os.environ.get("SLACK_SIGNING_SECRET", SIGNING_SECRET),
    )

    @app.event("message")
    async def _noop_message() -> None:
        return None

    @app.command("/boundary")
    async def _noop_command(ack: AsyncAck) -> None:
        await ack()

    async def handle(request: web.Request) -> web.Response:
        bolt_response = await app.async_dispatch(await to_bolt_request(request))
        return await to_aiohttp_response(bolt_response)

    async def healthz(_: web.Request) -> web.Response:
        return web.json_response({"ok": True})

    web_app = web.Application()
    web_app.add_routes([web.post(EVENTS_PATH, handle), web.get("/healthz", healthz)])
    runner = web.AppRunner(web_app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, port, reuse_port=True)
    await site.start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    bound = next(a for a in runner.addresses if isinstance(a, tuple))[1]
    print(f"reference listening on http://{host}:{bound} (pids {os.getpid()})", flush=True)
    await stop.wait()
    await runner.cleanup()


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: ``load`` (load generator) or ``reference`` (bare-Bolt server)."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks._harness")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("load", help="run a load spec read from stdin")
    ref = sub.add_parser("reference", help="serve the bare slack-bolt reference app")
    ref.add_argument("--host", default="127.0.0.1")
    ref.add_argument("--port", type=int, required=True)
    args = parser.parse_args(argv)
    if args.command == "load":
        return _load_main()
    asyncio.run(_serve_reference(args.host, args.port))
    return 0


if __name__ == "__main__":
    sys.exit(main())

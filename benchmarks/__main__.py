"""Run every benchmark module (``bench_*.py``) in this package, in name order.

``python -m benchmarks`` runs all; ``python -m benchmarks classifier http`` runs the modules
whose names contain any of the given words. Each module's ``main()`` prints its own table.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time


def main(argv: list[str]) -> int:
    """Run the selected benchmarks and return a process exit status."""
    import benchmarks

    names = sorted(m.name for m in pkgutil.iter_modules(benchmarks.__path__))
    selected = [n for n in names if n.startswith("bench_")]
    if argv:
        selected = [n for n in selected if any(word in n for word in argv)]
    status = 0
    for name in selected:
        print(f"\n=== {name} ===", flush=True)
        started = time.perf_counter()
        module = importlib.import_module(f"benchmarks.{name}")
        result = module.main()
        status = status or int(result or 0)
        print(f"--- {name} took {time.perf_counter() - started:.1f} s", flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

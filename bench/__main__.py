"""Run the benchmarks: ``python -m bench [--full] [--only NAME ...]``.

Each ``bench/bench_<name>.py`` defines ``run(*, full: bool) -> str`` returning a Markdown section
(figures, the command, the machine, and a baseline measured in the same run). With ``--full`` the
sections are written to ``docs/benchmarks.md``; without it each runs at a tiny size so it cannot rot.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def discover() -> list[str]:
    return sorted(
        info.name.removeprefix("bench_")
        for info in pkgutil.iter_modules([str(Path(__file__).parent)])
        if info.name.startswith("bench_")
    )


def machine() -> str:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, {cpu}, Python {platform.python_version()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--full", action="store_true", help="full size; writes docs/benchmarks.md")
    parser.add_argument("--only", nargs="*", default=None, help="benchmark names (default: all)")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "talentdrive.settings")
    names = args.only or discover()
    sections = []
    for name in names:
        started = time.perf_counter()
        module = importlib.import_module(f"bench.bench_{name}")
        print(f"== {name}", flush=True)
        section = module.run(full=args.full)
        print(section, flush=True)
        print(f"({name}: {time.perf_counter() - started:.1f} s)", flush=True)
        sections.append(section)
    if args.full:
        out = ROOT / "docs" / "benchmarks.md"
        header = (
            "# Benchmarks\n\n"
            f"Produced by `make bench` (`python -m bench --full`) on {time.strftime('%Y-%m-%d')}.\n"
            f"Machine: {machine()}.\n\n"
        )
        if args.only and out.exists():
            # Keep the other benchmarks' sections; replace those that were run.
            existing = out.read_text(encoding="utf-8").split("\n## ")
            kept = [
                part
                for part in existing[1:]
                if not any(part.startswith(s.lstrip("# ").split("\n")[0]) for s in sections)
            ]
            sections = ["## " + part for part in kept] + sections
        out.write_text(header + "\n\n".join(s.strip() for s in sections) + "\n", encoding="utf-8")
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

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


# What a person wrote under a section's figures (what they say, why) follows this line; a new run
# replaces the figures above it and keeps the words below it, to be read again against the new figures.
NOTES = "<!-- notes: kept when the figures above are measured again -->"


def _stamp(began: time.struct_time, load_before: float) -> str:
    """Where and when a section was measured: every figure above it belongs to this run."""
    return (
        f"_Measured {time.strftime('%Y-%m-%d %H:%M', began)}–{time.strftime('%H:%M', time.gmtime())} UTC on "
        f"{machine()}; load average (1 min) {load_before:.1f} before, {os.getloadavg()[0]:.1f} after._"
    )


def _title(section: str) -> str:
    return section.lstrip("# ").split("\n", 1)[0]


def _merged(document: str, fresh: list[str], *, keep_others: bool) -> list[str]:
    """The document's sections in their order, those measured again replaced by ``fresh`` (each keeping
    the notes under its old figures), the others kept when ``keep_others``; new ones at the end."""
    by_title = {_title(section): section for section in fresh}
    merged = []
    for part in document.split("\n## ")[1:]:
        old = "## " + part
        new = by_title.pop(_title(old), None)
        if new is None:
            if keep_others:
                merged.append(old)
            continue
        if NOTES in old and NOTES not in new:
            new = new.rstrip() + "\n\n" + NOTES + old.split(NOTES, 1)[1].rstrip()
        merged.append(new)
    return merged + list(by_title.values())


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
        began, load_before = time.gmtime(), os.getloadavg()[0]
        module = importlib.import_module(f"bench.bench_{name}")
        print(f"== {name}", flush=True)
        section = module.run(full=args.full)
        section = section.rstrip() + "\n\n" + _stamp(began, load_before)
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
        if out.exists():
            sections = _merged(out.read_text(encoding="utf-8"), sections, keep_others=bool(args.only))
        out.write_text(header + "\n\n".join(s.strip() for s in sections) + "\n", encoding="utf-8")
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

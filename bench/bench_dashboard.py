"""The pipeline page at scale: a synthetic drive (``manage.py synth_pipeline``) and the page for the whole
drive and a two-level drill-down (city × channel), timed by ``dashboard_probe`` in a separate process. The
generator rebuilds the page's roll-ups from its bulk rows, as ``manage.py insights_rebuild`` does.

Full mode: 100,000 applications on SQLite (and on PostgreSQL when a server answers on 127.0.0.1:5432);
``TALENTDRIVE_BENCH_DASHBOARD_SIZE`` sets another size (the issue's 1,000,000 on PostgreSQL takes a long
time to generate on a shared two-core machine: run it alone). The baseline, timed in the same run, is the
drill-down, which reads about one sixteenth of the drive.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from bench.bench_portal import PYTHON, _drop_postgres, _fresh_postgres, _postgres_available
from bench.bench_workspace import _env, _run

TARGET_P95_MS = 500.0


def _one(database: str, url: str, var_dir: Path, *, size: int, runs: int) -> list[str]:
    env = _env(var_dir, url)
    _run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
    generated = _run([PYTHON, "manage.py", "synth_pipeline", "--applications", str(size)], env)
    out = _run([PYTHON, "-m", "bench.dashboard_probe", str(runs)], env)
    data = json.loads(out.strip().splitlines()[-1])
    rows = [
        f"| {database} | {name} | {data['applications']:,} | {data['stage_changes']:,} | {page['p50_ms']:.0f} | "
        f"{page['p95_ms']:.0f} | {page['min_ms']:.0f}–{page['max_ms']:.0f} |"
        for name, page in data["pages"].items()
    ]
    worst = max(page["p95_ms"] for page in data["pages"].values())
    verdict = "within" if worst <= TARGET_P95_MS else "ABOVE"
    rows.append(
        f"VERDICT {database}, {data['applications']:,} applications: worst p95 {worst:.0f} ms, {verdict} the "
        f"{TARGET_P95_MS:.0f} ms target; generation: {generated.strip().splitlines()[-1]}."
    )
    return rows


def run(*, full: bool) -> str:
    size = int(os.environ.get("TALENTDRIVE_BENCH_DASHBOARD_SIZE", "100000")) if full else 300
    runs = 10 if full else 2
    rows: list[str] = []
    verdicts: list[str] = []
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="bench-dashboard-") as tmp:
        sqlite_dir = Path(tmp) / "sqlite"
        sqlite_dir.mkdir()
        targets = [("SQLite", f"sqlite:///{sqlite_dir / 'bench.sqlite3'}", sqlite_dir, None)]
        if full and _postgres_available():
            pg_dir = Path(tmp) / "pg"
            pg_dir.mkdir()
            targets.append(("PostgreSQL", "", pg_dir, "talentdrive_bench_dashboard"))
        for database, url, var_dir, pg_name in targets:
            try:
                if pg_name:
                    url = _fresh_postgres(pg_name)
                for line in _one(database, url, var_dir, size=size, runs=runs):
                    (verdicts if line.startswith("VERDICT ") else rows).append(line.removeprefix("VERDICT "))
            finally:
                if pg_name:
                    _drop_postgres(pg_name)
    mode = "full" if full else "tiny (300 applications, 2 requests; figures meaningless)"
    return "\n".join(
        [
            "## Pipeline page at scale",
            "",
            f"Mode: {mode}. Command: `python -m bench --full --only dashboard`. A fresh database gets a "
            "synthetic drive (`manage.py synth_pipeline`: 160 plan lines, 320 requisitions, about 4.7 stage "
            "changes per application); the pipeline page is requested after one warm-up by Django's test "
            "client in one process (middleware, figures, templates; no network), signed in as leadership, "
            "for the whole drive and for a city × channel drill-down (the baseline: about a sixteenth of "
            "the rows). Target: p95 ≤ 500 ms.",
            "",
            "| database | view | applications | stage changes | p50 ms | p95 ms | min–max ms |",
            "|---|---|---|---|---|---|---|",
            *rows,
            "",
            *[f"- {verdict}" for verdict in verdicts],
            f"- Load average (1 min) before the run {load_before:.1f}, after {os.getloadavg()[0]:.1f}.",
        ]
    )

"""The recruiters' workspace with the demo's applications: the largest requisition's board and ranked list.

A fresh database gets the demo drive (``load_demo``; in full mode its 3,000 candidates and 4,480
applications, made through the pipeline's services) and ``workspace_probe`` times the pages in a
separate process. The baseline, timed in the same run by the same client, is the requisition's own page.
Full mode runs on SQLite and, when a server answers on 127.0.0.1:5432, on PostgreSQL.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

from bench.bench_portal import PYTHON, ROOT, _drop_postgres, _fresh_postgres, _postgres_available, _spread

TARGET_P95_MS = 300.0
# Probe processes in a full run, one after the other on the same database: figures are their median
# and range.
PROBES = 3


def _env(var_dir: Path, database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "talentdrive.settings",
            "TALENTDRIVE_ENV": "development",
            "TALENTDRIVE_VAR_DIR": str(var_dir),
            "MEDIA_ROOT": str(var_dir / "media"),
            "DATABASE_URL": database_url,
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
            "LOG_LEVEL": "WARNING",
        }
    )
    env.pop("TALENTDRIVE_TEST_SQLITE", None)
    return env


def _run(args: list[str], env: dict[str, str]) -> str:
    result = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True, timeout=1800)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    return result.stdout


def _one(database: str, url: str, var_dir: Path, *, full: bool) -> list[str]:
    env = _env(var_dir, url)
    _run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
    _run([PYTHON, "manage.py", "load_demo", "--people", "3000" if full else "60"], env)
    probes = []
    for _ in range(PROBES if full else 1):
        out = _run([PYTHON, "-m", "bench.workspace_probe", "40" if full else "3"], env)
        probes.append(json.loads(out.strip().splitlines()[-1]))
    data = probes[0]
    rows = [
        f"| {database} | {name} | {data['applicants']} | "
        f"{_spread([probe['pages'][name]['p50_ms'] for probe in probes])} | "
        f"{_spread([probe['pages'][name]['p95_ms'] for probe in probes])} |"
        for name in data["pages"]
    ]
    worst = statistics.median(
        max(probe["pages"]["board"]["p95_ms"], probe["pages"]["ranked list"]["p95_ms"]) for probe in probes
    )
    verdict = "within" if worst <= TARGET_P95_MS else "ABOVE"
    rows.append(
        f"VERDICT {database}: requisition {data['requisition']} ({data['applicants']} of "
        f"{data['total_applications']} applications, as `{data['user']}`): board and ranked list p95 "
        f"{worst:.0f} ms (the median over the probes), {verdict} the {TARGET_P95_MS:.0f} ms target."
    )
    return rows


def run(*, full: bool) -> str:
    rows: list[str] = []
    verdicts: list[str] = []
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="bench-workspace-") as tmp:
        sqlite_dir = Path(tmp) / "sqlite"
        sqlite_dir.mkdir()
        runs = [("SQLite", f"sqlite:///{sqlite_dir / 'bench.sqlite3'}", sqlite_dir, None)]
        if full and _postgres_available():
            pg_dir = Path(tmp) / "pg"
            pg_dir.mkdir()
            runs.append(("PostgreSQL", "", pg_dir, "talentdrive_bench_workspace"))
        for database, url, var_dir, pg_name in runs:
            try:
                if pg_name:
                    url = _fresh_postgres(pg_name)
                for line in _one(database, url, var_dir, full=full):
                    (verdicts if line.startswith("VERDICT ") else rows).append(line.removeprefix("VERDICT "))
            finally:
                if pg_name:
                    _drop_postgres(pg_name)
    mode = "full" if full else "tiny (60 demo candidates, 3 requests; figures meaningless)"
    return "\n".join(
        [
            "## Recruiters' workspace",
            "",
            f"Mode: {mode}. Command: `python -m bench --full --only workspace`. A fresh database gets the demo "
            "drive with `load_demo` (3,000 candidates, 4,480 applications, every move made through the "
            "pipeline's services); the largest requisition's board and ranked list (scored among its "
            "applicants, with the match explained in sentences) are requested 40 times each by each "
            f"of {PROBES if full else 1} probe processes in turn (figures: the median (range) over them), after one "
            "warm-up that builds the match index, by Django's test client inside the probe's process (the whole "
            "middleware and template stack, no network), signed in as a recruiter in scope. The baseline is "
            "the requisition's own page, timed in the same run. Target: p95 ≤ 300 ms.",
            "",
            "| database | page | applicants | p50 ms | p95 ms |",
            "|---|---|---|---|---|",
            *rows,
            "",
            *[f"- {verdict}" for verdict in verdicts],
            f"- Load average (1 min) before the run {load_before:.1f}, after {os.getloadavg()[0]:.1f}.",
        ]
    )

"""Lighthouse on the career portal as a phone user meets it: the job list and a job page.

Lighthouse 12.2.3 (npm, pinned in ``bench/lighthouse/package.json`` and installed there with
``npm ci``/``npm install`` from the npm registry on first use) drives Debian's chromium with its
default mobile profile (a mid-range phone's screen, simulated slow 4G and a 4x slower CPU). The
server is gunicorn with the production settings on a fresh database holding the demo drive, as in
the portal load benchmark. Each page is measured ``RUNS`` times; the median run's scores are reported
with the range. The report files (HTML and JSON) are kept in ``test-artifacts/lighthouse/``.

The baseline, measured in the same run, is the portal's smallest page (finding one's applications:
a heading and one field), the score the shared header, stylesheet and scripts allow.

Without ``--full`` it only checks that the pinned Lighthouse and chromium are at hand (the baseline is measured with ``--full`` only).
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import time
from pathlib import Path

from bench.bench_portal import GUNICORN, ROOT, _env, _free_port, _manage

PACKAGE = ROOT / "bench" / "lighthouse"
LIGHTHOUSE = PACKAGE / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
REPORTS = ROOT / "test-artifacts" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices")
RUNS = 3
BARS = {"performance": 90, "accessibility": 95, "best-practices": 95}


def _install() -> None:
    if LIGHTHOUSE.exists():
        return
    if shutil.which("npm") is None:
        raise RuntimeError("npm is needed to install Lighthouse (apt-get install npm)")
    subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--silent"], cwd=PACKAGE, check=True, timeout=900
    )


def _lighthouse(url: str, out: Path) -> dict[str, float]:
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            f"--chrome-path={CHROMIUM}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            "--output=html",
            f"--output-path={out}",
            "--quiet",
        ],
        check=True,
        timeout=300,
    )
    report = json.loads(out.with_suffix(".report.json").read_text(encoding="utf-8"))
    return {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}


def _measure(label: str, url: str) -> dict[str, list[float]]:
    scores: dict[str, list[float]] = {name: [] for name in CATEGORIES}
    for run in range(RUNS):
        result = _lighthouse(url, REPORTS / f"{label.split(': ')[-1]}-{run + 1}")
        for name in CATEGORIES:
            scores[name].append(result[name])
    return scores


def run(*, full: bool) -> str:
    if not full:
        pinned = json.loads((PACKAGE / "package.json").read_text())["devDependencies"]["lighthouse"]
        return (
            "## Lighthouse (tiny)\n\n"
            f"Lighthouse {pinned} pinned; chromium present: {Path(CHROMIUM).exists()}. "
            "The baseline (the static stylesheet) and the pages are measured with `--full`.\n"
        )
    _install()
    REPORTS.mkdir(parents=True, exist_ok=True)
    import tempfile

    with tempfile.TemporaryDirectory(prefix="td-lighthouse-") as tmp:
        var_dir = Path(tmp)
        env = _env(var_dir, f"sqlite:///{var_dir / 'bench.sqlite3'}")
        _manage(env, "migrate", "--noinput", "-v", "0")
        _manage(env, "collectstatic", "--noinput", "-v", "0")
        _manage({**env, "TALENTDRIVE_ENV": "development"}, "load_demo")
        port = _free_port()
        server = subprocess.Popen(
            [GUNICORN, "talentdrive.wsgi", "-b", f"127.0.0.1:{port}", "-w", "2", "--log-level", "warning"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            import urllib.request

            base = f"http://127.0.0.1:{port}"
            for _ in range(100):
                try:
                    urllib.request.urlopen(base + "/jobs/", timeout=5)  # noqa: S310 - our own server
                    break
                except OSError:
                    time.sleep(0.3)
            listing = json.loads(
                urllib.request.urlopen(base + "/api/public/requisitions", timeout=10).read()  # noqa: S310
            )
            job = listing["items"][0]["id"]
            pages = {
                "baseline: status-request-en": base + "/status/",
                "jobs-en": base + "/jobs/",
                "jobs-zh": base + "/zh-hans/jobs/",
                "job-en": f"{base}/jobs/{job}/",
                "job-zh": f"{base}/zh-hans/jobs/{job}/",
            }
            results = {label: _measure(label, url) for label, url in pages.items()}
        finally:
            server.terminate()
            server.wait(timeout=30)
    lines = [
        "## Lighthouse: the job list and a job page on a phone",
        "",
        f"Command: `python -m bench --full --only lighthouse`. Lighthouse 12.2.3 (npm), Debian chromium, "
        f"mobile profile (simulated slow 4G, 4x CPU slowdown), {RUNS} runs per page, median (range). "
        "Server: gunicorn, 2 sync workers, production settings, SQLite with the demo drive. "
        f"Reports: `test-artifacts/lighthouse/`. Bars: performance ≥ {BARS['performance']}, "
        f"accessibility ≥ {BARS['accessibility']}, best practices ≥ {BARS['best-practices']}.",
        "",
        "| page | performance | accessibility | best practices |",
        "|---|---|---|---|",
    ]
    for label, scores in results.items():
        cells = [
            f"{statistics.median(values):.0f} ({min(values):.0f}–{max(values):.0f})"
            for values in (scores[name] for name in CATEGORIES)
        ]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"

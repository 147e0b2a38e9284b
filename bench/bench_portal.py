"""Career portal load: job search with filters, and 200 applicants each submitting twice.

The server is gunicorn with the production settings (``TALENTDRIVE_ENV=production``) on a fresh
database holding the demo drive; load comes from this process over loopback, from an asyncio
client that speaks plain HTTP/1.1, bounded in request count and time. The baseline, measured in
the same run against the same server, is a static file served by WhiteNoise.

Full mode runs on SQLite and, when a server answers on 127.0.0.1:5432, on PostgreSQL.
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
PYTHON = (
    str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable
)
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
# Rounds of each read measurement in a full run: figures are their median and range.
ROUNDS = 3
PG_ADMIN_URL = os.environ.get("BENCH_PG_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres")


@dataclass(frozen=True)
class Sample:
    status: int
    seconds: float
    body: bytes


@dataclass(frozen=True)
class Figures:
    requests: int
    seconds: float
    errors: int
    p50_ms: float
    p95_ms: float

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _percentile(values: list[float], fraction: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


async def _request(
    port: int, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
) -> Sample:
    started = time.perf_counter()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: close"]
    for name, value in (headers or {}).items():
        lines.append(f"{name}: {value}")
    if body:
        lines.append(f"Content-Length: {len(body)}")
    writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)
    await writer.drain()
    raw = await reader.read()
    writer.close()
    elapsed = time.perf_counter() - started
    head, _, payload = raw.partition(b"\r\n\r\n")
    try:
        status = int(head.split(b" ", 2)[1])
    except (IndexError, ValueError):
        status = 0
    return Sample(status, elapsed, payload)


async def _closed_loop(
    port: int, paths: list[str], *, concurrency: int, total: int, limit_seconds: float
) -> Figures:
    """``concurrency`` clients each sending their next request as soon as the last one returns."""
    samples: list[Sample] = []
    deadline = time.perf_counter() + limit_seconds
    counter = iter(range(total))

    async def client() -> None:
        for n in counter:
            if time.perf_counter() > deadline:
                return
            try:
                samples.append(await _request(port, "GET", paths[n % len(paths)]))
            except OSError:
                samples.append(Sample(0, 0.0, b""))

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(concurrency)))
    elapsed = time.perf_counter() - started
    latencies = [s.seconds * 1000 for s in samples]
    return Figures(
        requests=len(samples),
        seconds=elapsed,
        errors=sum(1 for s in samples if s.status != 200),
        p50_ms=_percentile(latencies, 0.5),
        p95_ms=_percentile(latencies, 0.95),
    )


def _multipart(fields: dict[str, str], filename: str, content: bytes) -> tuple[bytes, str]:
    boundary = "bench" + uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        )
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="resume"; filename="{filename}"\r\n'
        "Content-Type: application/pdf\r\n\r\n".encode()
        + content
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def _one_page_pdf(n: int) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text=f"Applicant {n} - machine learning engineer - PyTorch, distributed training")
    return bytes(pdf.output())


async def _applicants(
    port: int, requisition_ids: list[int], *, count: int, concurrency: int
) -> dict[str, Any]:
    """Each applicant sends the same submission twice at once with one Idempotency-Key."""
    gate = asyncio.Semaphore(concurrency)
    results: list[tuple[int, Sample, Sample]] = []

    async def applicant(n: int) -> None:
        fields = {
            "full_name": f"Applicant {n}",
            "email": f"applicant{n}@bench.example",
            "phone": f"+86 139 {n // 10000:04d} {n % 10000:04d}",
            "consent": "true",
            "consent_version": "2026-09",
            "source": "kiosk",
        }
        body, content_type = _multipart(fields, f"cv-{n}.pdf", _one_page_pdf(n))
        headers = {"Content-Type": content_type, "Idempotency-Key": f"bench-{n}-{uuid.uuid4().hex}"}
        path = f"/api/public/requisitions/{requisition_ids[n % len(requisition_ids)]}/apply"
        async with gate:
            first, second = await asyncio.gather(
                _request(port, "POST", path, body, headers), _request(port, "POST", path, body, headers)
            )
        results.append((n, first, second))

    started = time.perf_counter()
    await asyncio.gather(*(applicant(n) for n in range(count)))
    elapsed = time.perf_counter() - started
    samples = [s for _, a, b in results for s in (a, b)]
    # The public answer carries no id (it must not tell a repeat from a first application); that
    # nothing was lost or doubled is counted in the database.
    same_answer = 0
    for _, a, b in results:
        try:
            if a.status == b.status == 202 and json.loads(a.body) == json.loads(b.body):
                same_answer += 1
        except ValueError:
            pass
    return {
        "applicants": count,
        "requests": len(samples),
        "seconds": elapsed,
        "server_errors": sum(1 for s in samples if s.status >= 500 or s.status == 0),
        "statuses": sorted({s.status for s in samples}),
        "same_answer": same_answer,
        "p50_ms": _percentile([s.seconds * 1000 for s in samples], 0.5),
        "p95_ms": _percentile([s.seconds * 1000 for s in samples], 0.95),
    }


def _env(var_dir: Path, database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "talentdrive.settings",
            "TALENTDRIVE_ENV": "production",
            "SECRET_KEY": secrets.token_hex(32),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "0",
            "DEBUG": "0",
            "TALENTDRIVE_VAR_DIR": str(var_dir),
            "MEDIA_ROOT": str(var_dir / "media"),
            "DATABASE_URL": database_url,
            "DB_CONN_MAX_AGE": "60",
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
            "TALENTDRIVE_APPLY_RATE_PER_IP": "1000000/m",
            "TALENTDRIVE_APPLY_RATE_PER_EMAIL": "1000000/m",
            "LOG_LEVEL": "WARNING",
        }
    )
    env.pop("TALENTDRIVE_TEST_SQLITE", None)
    return env


def _manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [PYTHON, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"manage.py {' '.join(args)} failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}"
        )
    return result.stdout


def _count_applications(env: dict[str, str]) -> tuple[int, int]:
    """Applications by the benchmark's applicants, and how many of those applicants have more than one."""
    out = _manage(
        env,
        "shell",
        "-c",
        "from talentdrive.pipeline.models import Application as A; from django.db.models import Count;"
        "mine = A.objects.filter(candidate__email__endswith='@bench.example').order_by();"
        "print(mine.count(), mine.values('candidate').annotate(n=Count('pk')).filter(n__gt=1).count())",
    )
    total, doubled = out.split()[-2:]
    return int(total), int(doubled)


# Fragments that occur in many titles and descriptions, so uncached searches return real results.
_FRAGMENTS = [
    "en",
    "in",
    "er",
    "an",
    "on",
    "al",
    "ti",
    "ra",
    "de",
    "te",
    "re",
    "ar",
    "模型",
    "训练",
    "算法",
    "工程",
]
_KEYWORDS = [f"{a} {b}" for a in _FRAGMENTS for b in _FRAGMENTS if a != b]


def _search_paths(ids: dict[str, list[str]], count: int) -> list[str]:
    paths: list[str] = []
    n = 0
    while len(paths) < count:
        city = ids["city"][n % len(ids["city"])]
        channel = ["campus", "experienced"][n % 2]
        area = ids["area"][(n // 2) % len(ids["area"])]
        params = {"city": city, "channel": channel}
        if n % 3 == 0:
            params["area"] = area
        if n % 4 == 1:
            params["sort"] = "title"
        prefix = "/zh-hans" if n % 2 else ""
        paths.append(f"{prefix}/jobs/?{urlencode(params)}")
        n += 1
    return paths


def _run_one(
    label: str, database_url: str, *, full: bool, var_dir: Path, tasks_backend: str | None = None
) -> list[str]:
    env = _env(var_dir, database_url)
    if tasks_backend:
        env["TASKS_BACKEND"] = tasks_backend
    _manage(env, "migrate", "--noinput", "-v", "0")
    _manage(env, "collectstatic", "--noinput", "-v", "0")
    # The demo refuses production settings (its accounts' passwords are public); load it as the
    # embedded default would, into the same database, then serve that with production settings.
    _manage({**env, "TALENTDRIVE_ENV": "development"}, "load_demo")
    port = _free_port()
    workers = "3"
    server = subprocess.Popen(
        [GUNICORN, "talentdrive.wsgi", "-b", f"127.0.0.1:{port}", "-w", workers, "--log-level", "warning"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        for _ in range(100):
            try:
                if asyncio.run(_request(port, "GET", "/static/portal/portal.css")).status:
                    break
            except OSError:
                time.sleep(0.2)
        listing = json.loads(
            asyncio.run(_request(port, "GET", "/api/public/requisitions?channel=experienced")).body
        )
        requisition_ids = [item["id"] for item in listing["items"]]
        facets = json.loads(asyncio.run(_request(port, "GET", "/api/public/requisitions")).body)["facets"]
        ids = {name: [o["value"] for o in facets[name]] for name in ("city", "area")}
        search_paths = _search_paths(ids, 48)
        static_path = json_path = None
        page = asyncio.run(_request(port, "GET", "/")).body.decode("utf-8", "replace")
        marker = page.find("/static/portal/portal")
        static_path = page[marker : page.find('"', marker)] if marker >= 0 else "/static/portal/portal.css"
        del json_path
        total, seconds, concurrency = (8000, 15.0, 12) if full else (30, 5.0, 4)
        # Warm each worker's result cache as a real evening would, then measure.
        asyncio.run(
            _closed_loop(
                port, search_paths, concurrency=concurrency, total=len(search_paths) * 3, limit_seconds=10
            )
        )
        # Every uncached request a new keyword and filter combination: no page or fragment cache can help
        # (each round takes its own slice, so no round repeats an earlier one's).
        uncached_paths = [
            f"{path}&{urlencode({'q': keyword})}" for keyword in _KEYWORDS for path in search_paths
        ]
        uncached_total = min(total, 1500)
        baseline: list[Figures] = []
        search: list[Figures] = []
        uncached: list[Figures] = []
        for round_ in range(ROUNDS if full else 1):
            baseline.append(
                asyncio.run(
                    _closed_loop(
                        port, [static_path], concurrency=concurrency, total=total, limit_seconds=seconds
                    )
                )
            )
            search.append(
                asyncio.run(
                    _closed_loop(
                        port, search_paths, concurrency=concurrency, total=total, limit_seconds=seconds
                    )
                )
            )
            fresh = uncached_paths[round_ * uncached_total : (round_ + 1) * uncached_total]
            uncached.append(
                asyncio.run(
                    _closed_loop(
                        port, fresh, concurrency=concurrency, total=uncached_total, limit_seconds=seconds
                    )
                )
            )
        applicants = 200 if full else 5
        before, _ = _count_applications(env)
        applied = asyncio.run(
            _applicants(port, requisition_ids, count=applicants, concurrency=50 if full else 5)
        )
        after, doubled = _count_applications(env)
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
    created = after - before
    rows = [
        _row(label, "baseline: static file (WhiteNoise)", baseline),
        _row(label, "job search with filters", search),
        _row(label, "job search with filters, uncached (a new keyword every request)", uncached),
        f"| {label} | apply, 2 submissions per applicant, same Idempotency-Key | {applied['requests']} | "
        f"{int(applied['requests']) / float(applied['seconds']):.0f} | {applied['p50_ms']:.1f} | "
        f"{applied['p95_ms']:.1f} | {applied['server_errors']} |",
    ]
    verdict = (
        f"- {label}: {applicants} applicants → {created} applications created "
        f"(lost: {applicants - created}, doubled: {doubled}), both submissions answered alike "
        f"for {applied['same_answer']}/{applicants}; 5xx: {applied['server_errors']}; statuses seen: {applied['statuses']}."
    )
    return rows + ["VERDICT " + verdict]


def _spread(values: list[float], fmt: str = "{:.0f}") -> str:
    """The median of several rounds and their range, or the one figure."""
    if len(values) == 1:
        return fmt.format(values[0])
    return f"{fmt.format(statistics.median(values))} ({fmt.format(min(values))}–{fmt.format(max(values))})"


def _row(label: str, request: str, rounds: list[Figures]) -> str:
    return (
        f"| {label} | {request} | {' + '.join(str(f.requests) for f in rounds)} | "
        f"{_spread([f.rate for f in rounds])} | {_spread([f.p50_ms for f in rounds], '{:.1f}')} | "
        f"{_spread([f.p95_ms for f in rounds], '{:.1f}')} | {sum(f.errors for f in rounds)} |"
    )


def _postgres_available() -> bool:
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN_URL, connect_timeout=2):
            return True
    except Exception:
        return False


def _fresh_postgres(name: str) -> str:
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name


def _drop_postgres(name: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run(*, full: bool) -> str:
    load_before = os.getloadavg()[0]
    rows: list[str] = []
    verdicts: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-portal-") as tmp:
        sqlite_dir = Path(tmp) / "sqlite"
        sqlite_dir.mkdir()
        for line in _run_one(
            "SQLite", f"sqlite:///{sqlite_dir / 'bench.sqlite3'}", full=full, var_dir=sqlite_dir
        ):
            (verdicts if line.startswith("VERDICT ") else rows).append(line.removeprefix("VERDICT "))
        if full and _postgres_available():
            name = "talentdrive_bench_portal"
            pg_dir = Path(tmp) / "pg"
            pg_dir.mkdir()
            try:
                # As deployed on PostgreSQL: resume parsing goes to django-tasks-db workers, not the request.
                for line in _run_one(
                    "PostgreSQL",
                    _fresh_postgres(name),
                    full=full,
                    var_dir=pg_dir,
                    tasks_backend="django_tasks_db.DatabaseBackend",
                ):
                    (verdicts if line.startswith("VERDICT ") else rows).append(line.removeprefix("VERDICT "))
            finally:
                _drop_postgres(name)
    mode = "full" if full else "tiny (a few requests; figures meaningless)"
    # The machine may be shared; its load average says how much of the two cores the run really had.
    load = f"Load average (1 min) before the run {load_before:.1f}, after {os.getloadavg()[0]:.1f}."
    return "\n".join(
        [
            "## Career portal load",
            "",
            f"Mode: {mode}. Command: `python -m bench --full --only portal`. Server: gunicorn, 3 sync workers, "
            "`TALENTDRIVE_ENV=production`, demo drive (638 requisitions) loaded fresh; load from a separate "
            "process on loopback (asyncio HTTP/1.1 client, closed loop, 12 concurrent clients for reads, "
            f"50 applicants in flight for writes). Reads are measured in {ROUNDS if full else 1} rounds, one "
            "after the other on the same server: req/s, p50 and p95 are the median (range) over them; applying "
            "is measured once (its counts are checked in the database). Search mixes 48 filter combinations (city × channel, some "
            "with focus area and sort, English and Chinese), after one warm-up pass. The baseline is a static "
            "file served by the same server in the same run. Search pages are served from a 30-second "
            "page cache, as at peak; the uncached row sends a new keyword with every request. Applying "
            "parses the resume inside the request on SQLite (immediate tasks, the embedded default) and "
            "queues it for `django-tasks-db` workers on PostgreSQL. " + load,
            "",
            "| database | request | requests | req/s | p50 ms | p95 ms | errors |",
            "|---|---|---|---|---|---|---|",
            *rows,
            "",
            *verdicts,
        ]
    )


if __name__ == "__main__":
    print(run(full="--full" in sys.argv))

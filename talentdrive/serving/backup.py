"""Back up and restore one site: the database and the uploaded files, with a manifest to check against.

A backup is a folder: ``database.pgdump`` (``pg_dump --format=custom`` on PostgreSQL) or
``database.sqlite3`` (SQLite's online backup API, consistent while the site runs), ``media/`` (a copy of
``MEDIA_ROOT``: résumés, offer letters) and ``manifest.json`` (row counts per table and the SHA-256 of
every file). A restore puts the database back as it was (``pg_restore --clean``, or SQLite's backup API
the other way), copies the files back, then compares the counts and hashes with the manifest. The match
index is not in the backup: it is rebuilt from the database.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, connections
from django.utils import timezone

MANIFEST = "manifest.json"
PG_DUMP = "database.pgdump"
SQLITE_COPY = "database.sqlite3"
MEDIA = "media"


class BackupError(Exception):
    """A backup or restore that cannot go ahead, with what to do about it."""


@dataclass(frozen=True)
class Manifest:
    vendor: str
    created_at: str
    tables: dict[str, int]
    files: dict[str, str] = field(default_factory=dict)  # path under MEDIA_ROOT → SHA-256


@dataclass(frozen=True)
class Comparison:
    """What differs between a manifest and the site now (empty when the restore is faithful)."""

    tables: dict[str, tuple[int, int]]  # table → (in the backup, now)
    missing_files: tuple[str, ...]
    changed_files: tuple[str, ...]

    @property
    def same(self) -> bool:
        return not self.tables and not self.missing_files and not self.changed_files


def _digest(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


def _files(root: Path) -> Iterator[Path]:
    if root.is_dir():
        yield from sorted(path for path in root.rglob("*") if path.is_file())


def table_counts() -> dict[str, int]:
    """Rows in every table of the database (Django's own tables included)."""
    counts: dict[str, int] = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            # the table names come from the database's own catalogue, quoted
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counts[table] = int(cursor.fetchone()[0])
    return counts


def media_hashes(root: Path | None = None) -> dict[str, str]:
    root = Path(root or settings.MEDIA_ROOT)
    return {path.relative_to(root).as_posix(): _digest(path) for path in _files(root)}


def _pg_environment_and_arguments() -> tuple[dict[str, str], list[str], str]:
    database: dict[str, Any] = dict(connection.settings_dict)
    environment = {**os.environ}
    if database.get("PASSWORD"):
        environment["PGPASSWORD"] = str(database["PASSWORD"])
    arguments = []
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if database.get(key):
            arguments += [option, str(database[key])]
    return environment, arguments, str(database["NAME"])


def _run(command: list[str], environment: dict[str, str]) -> None:
    try:
        subprocess.run(command, env=environment, check=True, capture_output=True, text=True)
    except FileNotFoundError as missing:
        raise BackupError(
            f"{command[0]} is not installed: install the PostgreSQL client of the server's version"
        ) from missing
    except subprocess.CalledProcessError as failed:
        raise BackupError(f"{command[0]} failed: {failed.stderr.strip()[-500:]}") from failed


def backup_create(*, destination: Path) -> Manifest:
    """Write a backup of the database and the uploaded files into ``destination`` (new or empty)."""
    destination = Path(destination)
    if destination.exists() and any(destination.iterdir()):
        raise BackupError(f"{destination} is not empty: back up into a new folder")
    destination.mkdir(parents=True, exist_ok=True)
    # counts first, then the dump: on a live site the dump may hold a few more rows than the manifest
    # says, never fewer; on a quiet one (the test, a maintenance window) they are equal.
    tables = table_counts()
    if connection.vendor == "postgresql":
        environment, arguments, name = _pg_environment_and_arguments()
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--file",
                str(destination / PG_DUMP),
                *arguments,
                name,
            ],
            environment,
        )
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(str(destination / SQLITE_COPY))
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    else:
        raise BackupError(f"backups support PostgreSQL and SQLite, not {connection.vendor}")
    media_root = Path(settings.MEDIA_ROOT)
    files: dict[str, str] = {}
    for path in _files(media_root):
        relative = path.relative_to(media_root)
        copy = destination / MEDIA / relative
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, copy)
        files[relative.as_posix()] = _digest(copy)
    manifest = Manifest(
        vendor=connection.vendor, created_at=timezone.now().isoformat(), tables=tables, files=files
    )
    (destination / MANIFEST).write_text(json.dumps(manifest.__dict__, indent=1, sort_keys=True))
    return manifest


def manifest_read(source: Path) -> Manifest:
    path = Path(source) / MANIFEST
    try:
        data: dict[str, Any] = json.loads(path.read_text())
        return Manifest(**data)
    except FileNotFoundError as missing:
        raise BackupError(
            f"{path} is missing: {source} is not a backup made by `manage.py backup`"
        ) from missing
    except (ValueError, TypeError) as broken:
        raise BackupError(f"{path} cannot be read ({broken})") from broken


def backup_restore(*, source: Path) -> Comparison:
    """Put the database and the files of the backup in ``source`` back, and compare with its manifest.

    Everything in the database is replaced; files in ``MEDIA_ROOT`` that the backup does not hold stay
    (``manage.py resume_files_check`` reports them)."""
    source = Path(source)
    manifest = manifest_read(source)
    if manifest.vendor != connection.vendor:
        raise BackupError(
            f"this backup is of a {manifest.vendor} database; this site runs on {connection.vendor}"
        )
    if connection.vendor == "postgresql":
        connections.close_all()  # pg_restore drops the tables; an open transaction would block it
        environment, arguments, name = _pg_environment_and_arguments()
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                *arguments,
                "--dbname",
                name,
                str(source / PG_DUMP),
            ],
            environment,
        )
    else:
        backup = sqlite3.connect(str(source / SQLITE_COPY))
        connection.ensure_connection()
        try:
            backup.backup(connection.connection)
        finally:
            backup.close()
    media_root = Path(settings.MEDIA_ROOT)
    for relative in manifest.files:
        copy = media_root / relative
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / MEDIA / relative, copy)
    return backup_compare(manifest)


def backup_compare(manifest: Manifest) -> Comparison:
    """The tables whose counts and the files whose contents differ from the manifest."""
    now = table_counts()
    tables = {
        table: (count, now.get(table, -1))
        for table, count in manifest.tables.items()
        if now.get(table, -1) != count
    }
    hashes = media_hashes()
    missing = tuple(sorted(path for path in manifest.files if path not in hashes))
    changed = tuple(
        sorted(path for path, digest in manifest.files.items() if path in hashes and hashes[path] != digest)
    )
    return Comparison(tables=tables, missing_files=missing, changed_files=changed)

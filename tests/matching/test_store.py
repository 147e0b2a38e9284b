from __future__ import annotations

import json
import os
import select
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from django.conf import settings as django_settings
from django.db import connection

from talentdrive.matching import store
from talentdrive.matching.models import IndexBuild
from talentdrive.matching.selectors import match_index_get
from tests.actors import TEST_ACTOR

from .conftest import skill

PROJECT_DIR = Path(django_settings.BASE_DIR).parent

# A web process on another host: it shares only the database and the index storage with this one.
# Each line on its stdin asks it for the current index; it answers with what it loaded and which SQL
# statements other than SELECT the read sent (there must be none).
READER = r"""
import json, os, sys
import django
django.setup()
from django.db import connection
from django.test.utils import CaptureQueriesContext
from talentdrive.matching.selectors import match_index_get
while sys.stdin.readline():
    with CaptureQueriesContext(connection) as queries:
        current = match_index_get()
    writes = [q["sql"] for q in queries.captured_queries if not q["sql"].lstrip().upper().startswith("SELECT")]
    print(json.dumps({"pid": os.getpid(), "build": current.build_id, "candidates": len(current.index),
                      "stale": current.stale, "writes": writes}), flush=True)
"""


class SharedDatabase:
    """The test database as another process can open it.

    PostgreSQL, or SQLite in a file, is shared as it is. pytest-django's in-memory SQLite cannot be
    opened by another process, so it is copied to a file with SQLite's backup API after every change
    (``publish``): the other process then reads exactly the rows this one committed.
    """

    def __init__(self, directory: Path) -> None:
        connection.ensure_connection()
        values = connection.settings_dict
        self.copy: Path | None = None
        if connection.vendor == "sqlite":
            if connection.is_in_memory_db():
                self.copy = directory / "shared.sqlite3"
                self.url = f"sqlite:///{self.copy}"
            else:
                self.url = f"sqlite:///{values['NAME']}"
        else:
            user = quote(values.get("USER") or "")
            password = f":{quote(values['PASSWORD'])}" if values.get("PASSWORD") else ""
            host = f"{values.get('HOST') or '127.0.0.1'}:{values.get('PORT') or 5432}"
            self.url = f"postgres://{user}{password}@{host}/{values['NAME']}"

    def publish(self) -> None:
        if self.copy is not None:
            target = sqlite3.connect(self.copy)
            try:
                connection.connection.backup(target)
            finally:
                target.close()


class Reader:
    def __init__(self, database: SharedDatabase, storage_location: Path, log: Path) -> None:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "talentdrive.settings",
            "DATABASE_URL": database.url,
            "TALENTDRIVE_MATCH_STORAGE_BACKEND": "django.core.files.storage.FileSystemStorage",
            "TALENTDRIVE_MATCH_STORAGE_OPTIONS": json.dumps({"location": str(storage_location)}),
        }
        self.log = log.open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-c", READER], cwd=PROJECT_DIR, env=env, text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log,
        )  # fmt: skip

    def read(self) -> dict[str, Any]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write("read\n")
        self.process.stdin.flush()
        ready, _, _ = select.select([self.process.stdout], [], [], 120)
        line = self.process.stdout.readline() if ready else ""
        assert line, f"the other process did not answer: {Path(self.log.name).read_text()[-2000:]}"
        return json.loads(line)

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


@pytest.mark.django_db(transaction=True)
def test_another_process_loads_the_builds_this_one_stores(make_candidate, tmp_path):
    from talentdrive.matching.services import match_index_rebuild

    # given a build made and stored by this process (a worker)
    for name in ("vLLM", "CUDA", "ASR"):
        make_candidate(skills=[skill(name.lower(), name)])
    first = match_index_rebuild(trigger="test", actor=TEST_ACTOR)
    database = SharedDatabase(tmp_path)
    database.publish()
    reader = Reader(database, Path(store.storage().location), tmp_path / "reader.log")
    try:
        # when a cold web process reads the index, it loads that build from the storage
        answer = reader.read()
        assert answer["pid"] != os.getpid()
        assert (answer["build"], answer["candidates"], answer["stale"]) == (first.pk, 3, False)
        assert answer["writes"] == []
        # when the data move on, it keeps answering from that build and says it is stale
        make_candidate(skills=[skill("cuda", "CUDA")])
        database.publish()
        answer = reader.read()
        assert (answer["build"], answer["candidates"], answer["stale"]) == (first.pk, 3, True)
        assert answer["writes"] == []
        # when this process stores a newer build, the other loads it in place of its older copy
        second = match_index_rebuild(trigger="test", actor=TEST_ACTOR)
        database.publish()
        answer = reader.read()
        assert (answer["build"], answer["candidates"], answer["stale"]) == (second.pk, 4, False)
        assert answer["writes"] == []
    finally:
        reader.close()
    # then the other process built nothing itself
    assert list(IndexBuild.objects.values_list("pk", flat=True)) == [second.pk, first.pk]


def test_any_storage_backend_holds_the_index(settings, make_candidate):
    # Only the storage API is used (no local paths), so a bucket works as the file system does.
    from talentdrive.matching.services import match_index_rebuild

    settings.STORAGES = {
        **settings.STORAGES,
        store.STORAGE_ALIAS: {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    make_candidate(skills=[skill("cuda", "CUDA")])
    build = match_index_rebuild(trigger="test", actor=TEST_ACTOR)
    store.reset()  # a fresh process
    current = match_index_get()
    assert (current.build_id, len(current.index), current.stale) == (build.pk, 1, False)


def test_a_build_missing_a_file_is_unreadable(make_candidate):
    from talentdrive.matching.services import match_index_rebuild

    make_candidate(skills=[skill("cuda", "CUDA")])
    build = match_index_rebuild(trigger="test", actor=TEST_ACTOR)
    store.storage().delete(f"{build.storage_name}/skills.npz")
    with pytest.raises(store.IndexUnreadable):
        store.load(build.storage_name)

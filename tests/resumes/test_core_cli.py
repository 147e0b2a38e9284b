"""``talentdrive parse``: JSON Lines out, errors listed, non-zero exit at the end."""

from __future__ import annotations

import io
import json
import sys

import pytest
from django.core.management import call_command

from .core_samples import EN_RESUME, ZH_RESUME, text_pdf


def _run(*args: str, stdin: bytes | None = None, monkeypatch=None) -> tuple[list[dict], int]:
    out = io.StringIO()
    code = 0
    try:
        call_command("parse", *args, stdout=out, stderr=io.StringIO())
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    return [json.loads(line) for line in out.getvalue().splitlines()], code


def test_every_file_gets_a_line_and_a_bad_one_fails_the_run_at_the_end(tmp_path):
    # given
    (tmp_path / "a.pdf").write_bytes(text_pdf(EN_RESUME))
    (tmp_path / "b.txt").write_text(ZH_RESUME, encoding="gb18030")
    (tmp_path / "bad.pdf").write_bytes(b"\x00\x01garbage" * 100)
    (tmp_path / "c.txt").write_text(EN_RESUME)
    files = [str(tmp_path / name) for name in ("a.pdf", "bad.pdf", "b.txt", "c.txt")]

    # when
    records, code = _run(*files)

    # then: the bad file did not stop the ones after it
    assert code == 1
    assert [record["source"] for record in records] == files
    assert records[1]["error"] and records[1]["code"] == "unsupported_type"
    assert (
        records[0]["name"] == "Jane Doe" and records[2]["name"] == "张伟" and records[3]["language"] == "en"
    )
    assert "error" not in records[2]


def test_all_good_files_exit_zero(tmp_path):
    (tmp_path / "c.txt").write_text(EN_RESUME)
    records, code = _run(str(tmp_path / "c.txt"))
    assert code == 0 and records[0]["emails"] == ["jane.doe@gmail.com"]


def test_missing_file_is_reported_not_raised(tmp_path):
    records, code = _run(str(tmp_path / "nope.pdf"))
    assert code == 1 and "cannot read" in records[0]["error"]


def test_dash_reads_one_document_from_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ZH_RESUME.encode("utf-16"))))
    records, code = _run("-")
    assert code == 0 and records[0]["source"] == "-" and records[0]["phones"] == ["+8613800138000"]


def test_size_limit_option(tmp_path):
    (tmp_path / "c.txt").write_text(EN_RESUME)
    records, code = _run(str(tmp_path / "c.txt"), "--max-bytes", "100")
    assert code == 1 and records[0]["code"] == "too_large"


@pytest.mark.parametrize("flag", ["--text"])
def test_text_option_includes_the_text_spans_point_into(tmp_path, flag):
    (tmp_path / "c.txt").write_text(EN_RESUME)
    records, _ = _run(str(tmp_path / "c.txt"), flag)
    record = records[0]
    start, end = record["provenance"]["name"]
    assert record["text"][start:end] == "Jane Doe"

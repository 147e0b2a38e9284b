"""``talentdrive parse FILE... [-]``: one JSON object per file (JSON Lines) on standard output."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from talentdrive.resumes.core import Limits, parse_document, result_to_json, too_large_message
from talentdrive.resumes.services import configured_max_bytes, configured_max_pages

DEFAULTS = Limits()


class Command(BaseCommand):
    help = (
        "Parse resumes (PDF, DOCX, TXT, HTML, Markdown) into profiles, one JSON object per line. "
        "'-' reads one document from standard input. Exits 1 if any file could not be parsed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE", help="resume files; '-' for standard input")
        # The defaults are the deployment's configured limits, the same ones uploads and ingest use.
        parser.add_argument(
            "--max-bytes", type=int, default=configured_max_bytes(), help="size limit per file (bytes)"
        )
        parser.add_argument(
            "--max-pages", type=int, default=configured_max_pages(), help="page limit per PDF"
        )
        parser.add_argument(
            "--timeout", type=float, default=DEFAULTS.timeout_seconds, help="seconds per file"
        )
        parser.add_argument(
            "--text", action="store_true", help="include the extracted text (spans index into it)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        limits = Limits(
            max_bytes=options["max_bytes"], max_pages=options["max_pages"], timeout_seconds=options["timeout"]
        )
        failures = 0
        for name in options["files"]:
            record = self._parse_one(name, limits, include_text=options["text"])
            if "error" in record:
                failures += 1
            self.stdout.write(self._encode(record))
        if failures:
            self.stderr.write(f"{failures} of {len(options['files'])} file(s) could not be parsed")
            raise SystemExit(1)

    def _encode(self, record: dict[str, Any]) -> str:
        line = json.dumps(record, ensure_ascii=False)
        encoding = getattr(getattr(self.stdout, "_out", None), "encoding", None) or "utf-8"
        try:
            line.encode(encoding)
        except (UnicodeEncodeError, LookupError):
            # A terminal that cannot show Chinese still gets valid JSON, with \u escapes.
            line = json.dumps(record, ensure_ascii=True)
        return line

    def _parse_one(self, name: str, limits: Limits, *, include_text: bool) -> dict[str, Any]:
        if name == "-":
            # Read no more than the limit (plus one byte, to tell "at the limit" from "over it").
            content = sys.stdin.buffer.read(limits.max_bytes + 1)
            source = "-"
        else:
            path = Path(name)
            try:
                size = path.stat().st_size
                if size > limits.max_bytes:
                    return {
                        "source": name,
                        "error": too_large_message(size, limits.max_bytes),
                        "code": "too_large",
                    }
                content = path.read_bytes()
            except OSError as error:
                return {
                    "source": name,
                    "error": f"cannot read file: {error.strerror or error}",
                    "code": "unreadable",
                }
            source = name
        result = parse_document(content, Path(source).name, limits=limits)
        record = result_to_json(result, source=source)
        if include_text and result.ok:
            record["text"] = result.text
        return record

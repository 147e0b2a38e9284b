"""Fetch the public JSON Resume files that ``talentdrive eval jsonresume`` measures the parser on.

    python scripts/fetch_jsonresume.py --data DATA [--sources docs/data/jsonresume-sources.tsv]

reads the list of sources (repository, commit, path: each file as its owner published it on GitHub) and
writes ``DATA/files/<owner>__<repository>.json`` from raw.githubusercontent.com at that commit. Then
``scripts/render_jsonresume.py`` prints them. The files are their owners' work: they are read to measure,
never copied into this repository. A machine without access to GitHub cannot run this.
"""

from __future__ import annotations

import argparse
import csv
import sys
import urllib.request
from pathlib import Path

SOURCES = Path(__file__).resolve().parent.parent / "docs" / "data" / "jsonresume-sources.tsv"
RAW = "https://raw.githubusercontent.com/{repo}/{commit}/{path}"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, required=True, help="folder to write files/*.json into")
    parser.add_argument("--sources", type=Path, default=SOURCES, help="repository, commit, path per line")
    options = parser.parse_args()
    target = options.data / "files"
    target.mkdir(parents=True, exist_ok=True)
    failed = 0
    with options.sources.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            owner, name = row["repo"].split("/", 1)
            out = target / f"{owner}__{name}.json"
            if out.exists():
                continue
            url = RAW.format(repo=row["repo"], commit=row["commit"], path=row["path"])
            try:
                with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - a fixed https host
                    out.write_bytes(response.read())
            except OSError as error:
                failed += 1
                print(f"{row['repo']}: {error}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())

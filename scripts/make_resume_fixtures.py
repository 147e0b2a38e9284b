"""Build the resume fixtures (PDF, DOCX, TXT, HTML, Markdown) from their hand-written sources.

    .venv/bin/python scripts/make_resume_fixtures.py [--check]

Each ``tests/fixtures/resumes/src/<name>.txt`` starts with a line ``%% format=pdf`` (or docx, txt,
html, md) and holds the resume text in a light markup:

- ``# Heading``                     a section heading
- ``| cell | cell |``                a table row (consecutive rows make one table; a real table in DOCX)
- ``left || right``                 two columns on one line (a sidebar layout)
- anything else                     a paragraph, written as is (bullets included)

The output is ``tests/fixtures/resumes/<name>.<format>``, byte-for-byte reproducible: fixed
creation dates in PDF and DOCX metadata and fixed timestamps inside the DOCX zip. The generated
files are committed, so the tests need neither this script nor its CJK font.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import io
import logging
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "resumes"
FIXED_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
# Debian's fonts-wqy-zenhei: a TrueType collection fpdf2 embeds and subsets (Noto CJK's CFF does not).
CJK_FONTS = [
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/arphic/uming.ttc"),
]
LATIN_FALLBACK = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
# fontTools reports every bitmap table it drops while subsetting; those are expected here.
logging.getLogger("fontTools").setLevel(logging.ERROR)


@dataclass(frozen=True)
class Block:
    kind: str  # "heading", "table", "columns", "para"
    lines: tuple[tuple[str, ...], ...]


def parse_source(text: str) -> tuple[dict[str, str], list[Block]]:
    lines = text.splitlines()
    header: dict[str, str] = {}
    if lines and lines[0].startswith("%%"):
        for item in lines[0][2:].split():
            key, _, value = item.partition("=")
            header[key] = value
        lines = lines[1:]
    blocks: list[Block] = []
    for line in lines:
        if line.startswith("# "):
            blocks.append(Block("heading", ((line[2:].strip(),),)))
        elif line.startswith("|") and line.rstrip().endswith("|"):
            cells = tuple(cell.strip() for cell in line.strip().strip("|").split("|"))
            if blocks and blocks[-1].kind == "table":
                blocks[-1] = Block("table", (*blocks[-1].lines, cells))
            else:
                blocks.append(Block("table", (cells,)))
        elif " || " in line:
            left, _, right = line.partition(" || ")
            blocks.append(Block("columns", ((left.rstrip(), right.strip()),)))
        else:
            blocks.append(Block("para", ((line,),)))
    return header, blocks


def render_text(blocks: list[Block]) -> str:
    out: list[str] = []
    for block in blocks:
        if block.kind == "heading":
            out.append(block.lines[0][0])
        elif block.kind == "table":
            out.extend("   ".join(row) for row in block.lines)
        elif block.kind == "columns":
            left, right = block.lines[0]
            out.append(f"{left:<34}{right}".rstrip())
        else:
            out.append(block.lines[0][0])
    return "\n".join(out).strip() + "\n"


def render_markdown(blocks: list[Block]) -> str:
    out: list[str] = []
    for block in blocks:
        if block.kind == "heading":
            out.extend(["", f"## {block.lines[0][0]}", ""])
        elif block.kind == "table":
            rows = list(block.lines)
            out.append("| " + " | ".join(rows[0]) + " |")
            out.append("|" + "---|" * len(rows[0]))
            out.extend("| " + " | ".join(row) + " |" for row in rows[1:])
        elif block.kind == "columns":
            out.append("  ".join(block.lines[0]))
        else:
            line = block.lines[0][0]
            out.append(line if line.strip() else "")
    text = "\n".join(out).strip() + "\n"
    first, _, rest = text.partition("\n")
    return f"# {first}\n{rest}"


def render_html(blocks: list[Block]) -> str:
    out = ['<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Resume</title></head><body>']
    in_list = False
    for index, block in enumerate(blocks):
        line = block.lines[0][0] if block.kind in {"heading", "para"} else ""
        bullet = block.kind == "para" and line.lstrip()[:2] in {"- ", "• ", "* "}
        if in_list and not bullet:
            out.append("</ul>")
            in_list = False
        if block.kind == "heading":
            out.append(f"<h2>{html.escape(line)}</h2>")
        elif block.kind == "table":
            out.append("<table>")
            for row in block.lines:
                out.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>")
            out.append("</table>")
        elif block.kind == "columns":
            left, right = block.lines[0]
            out.append(
                f'<div class="row"><span>{html.escape(left)}</span> <span>{html.escape(right)}</span></div>'
            )
        elif bullet:
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"<li>{html.escape(line.lstrip()[2:])}</li>")
        elif line.strip():
            tag = "h1" if index == 0 else "p"
            out.append(f"<{tag}>{html.escape(line)}</{tag}>")
    if in_list:
        out.append("</ul>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def cjk_font() -> Path:
    for path in CJK_FONTS:
        if path.exists():
            return path
    raise SystemExit("no CJK font found: apt-get install -y fonts-wqy-zenhei")


def render_pdf(blocks: list[Block]) -> bytes:
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.add_font("cjk", "", str(cjk_font()))
    if LATIN_FALLBACK.exists():
        # Bullets and symbols (•, ✉, ☎) the CJK font lacks come from DejaVu, so they stay in the text layer.
        pdf.add_font("latin", "", str(LATIN_FALLBACK))
        pdf.set_fallback_fonts(["latin"])
    pdf.set_font("cjk", size=10)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    first = True
    for block in blocks:
        if block.kind == "heading":
            pdf.ln(2)
            pdf.set_font("cjk", size=12.5)
            pdf.multi_cell(width, 7, block.lines[0][0], new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + width, pdf.get_y())
            pdf.set_font("cjk", size=10)
        elif block.kind == "table":
            with pdf.table(first_row_as_headings=False, line_height=5.5) as table:
                for row in block.lines:
                    cells = table.row()
                    for cell in row:
                        cells.cell(cell)
        elif block.kind == "columns":
            left, right = block.lines[0]
            y = pdf.get_y()
            pdf.set_xy(pdf.l_margin, y)
            pdf.multi_cell(62, 5.5, left or " ", new_x=XPos.RIGHT, new_y=YPos.TOP)
            left_bottom = pdf.y + 5.5
            pdf.set_xy(pdf.l_margin + 66, y)
            pdf.multi_cell(width - 66, 5.5, right or " ", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.set_y(max(pdf.get_y(), left_bottom))
        else:
            line = block.lines[0][0]
            if first and line.strip():
                pdf.set_font("cjk", size=17)
                pdf.multi_cell(width, 9, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
                pdf.set_font("cjk", size=10)
                first = False
                continue
            pdf.multi_cell(width, 5.5, line or " ", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    return bytes(pdf.output())


def render_docx(blocks: list[Block]) -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.created = FIXED_DATE.replace(tzinfo=None)
    document.core_properties.modified = FIXED_DATE.replace(tzinfo=None)
    document.core_properties.author = "Talent Drive fixtures"
    first = True
    for block in blocks:
        if block.kind == "heading":
            document.add_heading(block.lines[0][0], level=2)
        elif block.kind == "table":
            rows = block.lines
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
        elif block.kind == "columns":
            table = document.add_table(rows=1, cols=2)
            table.cell(0, 0).text, table.cell(0, 1).text = block.lines[0]
        else:
            line = block.lines[0][0]
            if not line.strip():
                continue
            if first:
                document.add_heading(line, level=1)
                first = False
            elif line.lstrip()[:2] in {"- ", "• ", "* "}:
                document.add_paragraph(line.lstrip()[2:], style="List Bullet")
            else:
                document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    # python-docx stamps each zip member with the current time; rewrite them with a fixed one.
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


RENDERERS = {
    "txt": lambda blocks: render_text(blocks).encode("utf-8"),
    "md": lambda blocks: render_markdown(blocks).encode("utf-8"),
    "html": lambda blocks: render_html(blocks).encode("utf-8"),
    "pdf": render_pdf,
    "docx": render_docx,
}


def build(source: Path) -> tuple[Path, bytes]:
    header, blocks = parse_source(source.read_text(encoding="utf-8"))
    fmt = header.get("format", "txt")
    return FIXTURES / f"{source.stem}.{fmt}", RENDERERS[fmt](blocks)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if a committed file is out of date")
    args = parser.parse_args(argv)
    stale = []
    for source in sorted((FIXTURES / "src").glob("*.txt")):
        target, data = build(source)
        if args.check:
            if not target.exists() or target.read_bytes() != data:
                stale.append(target.name)
            continue
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)
            print(f"wrote {target.relative_to(ROOT)}")
    if stale:
        print("out of date: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

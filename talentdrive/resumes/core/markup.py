"""HTML and Markdown to plain text, keeping line structure (headings and list items stay on their own lines)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "thead",
        "tr",
        "ul",
    ]
)
# Inline boxes a page lays out side by side ("<span>Sep 2018</span><span>1 year</span>"): a space between
# two sibling boxes. A box inside a word ("20<span>19</span>", "<span>Macy</span>'s") stays joined.
_SPACED = frozenset({"span", "time", "small", "label", "button", "img", "i"})
# (A page's own navigation, "About · Work · Skills", is the site's menu, not the resume.)
_SKIP = frozenset({"script", "style", "head", "title", "noscript", "template", "svg", "nav"})
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        # Just after an inline box closed: a box opening next is its sibling, laid out apart.
        self.after_inline = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCK:
            self.parts.append("\n")
        elif tag == "a":
            # Keep link targets: a resume's GitHub or homepage is often only in the href.
            href = dict(attrs).get("href") or ""
            if href.startswith(("http://", "https://")):
                self.parts.append(f" {href} ")
        if tag in ("td", "th"):
            self.parts.append(" | ")
        elif tag in _SPACED and self.after_inline:
            self.parts.append(" ")
        self.after_inline = False

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")
        self.after_inline = tag in _SPACED

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)
            self.after_inline = self.after_inline and not data.strip()


# A date range its page sets in two boxes, one a line: "2016-11-07" / "- 2018-09-24".
_SPLIT_RANGE = re.compile(
    r"((?:19|20)\d\d(?:[-./]\d{1,2}){0,2})[ \t]*\n\s*([-–—~][ \t]*(?:(?:19|20)\d\d|present|current|now)\b)",
    re.IGNORECASE,
)


def html_to_text(html: str) -> str:
    """Visible text of an HTML document; scripts and styles are dropped, nothing is executed or fetched."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return _SPLIT_RANGE.sub(r"\1 \2", _tidy("".join(collector.parts)))


_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"(\*\*|__|`)")
_MD_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$", re.MULTILINE)


def markdown_to_text(markdown: str) -> str:
    """Markdown without its markup: headings become plain lines, links keep both text and target."""
    text = _MD_LINK.sub(
        lambda m: f"{m.group(1)} {m.group(2)}" if m.group(1) != m.group(2) else m.group(2), markdown
    )
    text = _MD_HEADING.sub("", text)
    text = _MD_RULE.sub("", text)
    text = _MD_EMPHASIS.sub("", text)
    return _tidy(text)


def _tidy(text: str) -> str:
    lines = (
        _SPACES.sub(" ", line).strip(" |").strip()
        for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    )
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()

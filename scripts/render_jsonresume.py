"""Print public JSON Resume files with published themes, for ``talentdrive eval jsonresume``.

    npm install --prefix DIR jsonresume-theme-elegant jsonresume-theme-stackoverflow \\
        jsonresume-theme-class jsonresume-theme-flat
    python scripts/render_jsonresume.py --data DATA --themes DIR/node_modules

reads ``DATA/files/*.json`` and writes ``DATA/rendered/<theme>/<stem>.html`` (the theme's own page,
made by its ``render(resume)``) and ``<stem>.pdf`` (that page printed by Debian's chromium through
Playwright, as a browser's "Save as PDF" would). The layouts are the themes' authors', not the
project's. Nothing here is shipped or run by the product; the data folder stays outside the repository.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

THEMES = ("elegant", "stackoverflow", "class", "flat")
CHROMIUM = "/usr/bin/chromium"

# One node process per theme renders every file; a file the theme cannot render is reported and left out.
RENDER_JS = """
const [theme, modules, files, out] = process.argv.slice(2);
const fs = require('fs'), path = require('path');
const mod = require(path.join(modules, 'jsonresume-theme-' + theme));
(async () => {
  for (const name of fs.readdirSync(files).filter(n => n.endsWith('.json')).sort()) {
    const target = path.join(out, name.replace(/\\.json$/, '.html'));
    if (fs.existsSync(target)) continue;
    try {
      const resume = JSON.parse(fs.readFileSync(path.join(files, name), 'utf8'));
      // Files written before schema 1.0 name the employer "company" and its site "website"; a theme
      // reads one or the other, so both are given and every theme prints the employer it was given.
      for (const item of Array.isArray(resume.work) ? resume.work : []) {
        if (item && typeof item === 'object') {
          item.name = item.name || item.company;
          item.company = item.company || item.name;
          item.url = item.url || item.website;
          item.website = item.website || item.url;
        }
      }
      fs.writeFileSync(target, await Promise.resolve(mod.render(resume)));
    } catch (error) {
      console.error(theme + ' ' + name + ': ' + String(error).split('\\n')[0]);
    }
  }
})();
"""


def render_html(data: Path, modules: Path, theme: str) -> None:
    out = data / "rendered" / theme
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", suffix=".js", delete=False) as script:
        script.write(RENDER_JS)
    subprocess.run(
        ["node", script.name, theme, str(modules.resolve()), str(data / "files"), str(out)], check=True
    )
    Path(script.name).unlink()


def print_pdfs(data: Path, themes: list[str]) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        # No network: a theme's web fonts and scripts from a CDN are not fetched, as offline printing.
        context = browser.new_context(offline=True)
        page = context.new_page()
        for theme in themes:
            for html in sorted((data / "rendered" / theme).glob("*.html")):
                pdf = html.with_suffix(".pdf")
                if pdf.exists():
                    continue
                try:
                    page.goto(html.resolve().as_uri(), wait_until="load", timeout=15_000)
                    page.pdf(path=str(pdf), format="A4", print_background=True)
                except Exception as error:  # noqa: BLE001 - report the file and go on
                    print(f"{theme} {html.name}: {error}", file=sys.stderr)
        browser.close()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, required=True, help="folder holding files/*.json")
    parser.add_argument("--themes", type=Path, required=True, help="node_modules holding the themes")
    parser.add_argument("--only", nargs="*", default=list(THEMES), help="themes to print")
    options = parser.parse_args()
    for theme in options.only:
        render_html(options.data, options.themes, theme)
    print_pdfs(options.data, options.only)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

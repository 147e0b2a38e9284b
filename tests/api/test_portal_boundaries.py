"""The public API applies through the domain, not through the career portal's modules.

A guard until the import contracts run in CI: interface apps do not import each other."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2] / "talentdrive"
INTERFACES = ("api", "portal", "backoffice")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("app", INTERFACES)
def test_an_interface_app_imports_no_other_interface_app(app):
    others = tuple(f"talentdrive.{other}" for other in INTERFACES if other != app)
    offending = {
        f"{path.relative_to(ROOT)}: {name}"
        for path in (ROOT / app).rglob("*.py")
        for name in _imports(path)
        if name.startswith(others)
    }
    assert offending == set()


def test_the_domain_imports_no_interface_app():
    interfaces = tuple(f"talentdrive.{app}" for app in INTERFACES)
    offending = {
        f"{path.relative_to(ROOT)}: {name}"
        for path in (ROOT / "pipeline").rglob("*.py")
        for name in _imports(path)
        if name.startswith(interfaces)
    }
    assert offending == set()

"""The package layout: lower stages never import the layers above them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "workflow"


def imported_modules(path: Path) -> set[str]:
    """Every module *path* imports (``from a.b import c`` gives ``a.b`` and ``a.b.c``)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_only_the_entry_points_import_the_cli(path: Path) -> None:
    if path.name in ("cli.py", "__main__.py") and path.parent == PACKAGE:
        return
    assert not {"workflow.cli", "workflow.cli.main"} & imported_modules(path)


@pytest.mark.parametrize("path", sorted((PACKAGE / "export").glob("*.py")), ids=lambda p: p.name)
def test_exporters_import_no_stage_above_them(path: Path) -> None:
    above = ("workflow.build", "workflow.commands", "workflow.status", "workflow.pretranslate")
    assert not [name for name in imported_modules(path) if name.startswith(above)]


def test_docx_does_not_reach_into_the_pdf_writer() -> None:
    imported = imported_modules(PACKAGE / "export" / "docx.py")
    assert not [name for name in imported if name.startswith("workflow.export.pdf")]


def test_every_registered_engine_can_be_opened() -> None:
    from workflow.mt import engines
    from workflow.mt.registry import ENGINES

    assert set(engines._BACKENDS) == set(ENGINES)

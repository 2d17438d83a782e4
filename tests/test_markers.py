"""Every test that starts, kills, interrupts or races a real workflow process carries the
``slow`` marker, so ``pytest -m "not slow"`` is a fast inner loop (CI runs everything)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
#: Calls that start or signal a workflow process.
PROCESS_CALLS = {"start_workflow", "pause_at_first_write", "send_signal", "kill"}


def _is_slow_mark(node: ast.expr) -> bool:
    return "mark.slow" in ast.unparse(node)


def _module_is_slow(tree: ast.Module) -> bool:
    return any(
        isinstance(node, ast.Assign)
        and any(getattr(target, "id", "") == "pytestmark" for target in node.targets)
        and _is_slow_mark(node.value)
        for node in tree.body
    )


def process_tests_without_marker(path: Path) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"))
    if _module_is_slow(tree):
        return []
    missing = []
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or not node.name.startswith("test_"):
            continue
        called = {
            getattr(call.func, "id", getattr(call.func, "attr", ""))
            for call in ast.walk(node)
            if isinstance(call, ast.Call)
        }
        if called & PROCESS_CALLS and not any(_is_slow_mark(d) for d in node.decorator_list):
            missing.append(node.name)
    return missing


@pytest.mark.parametrize("path", sorted(TESTS.glob("test_*.py")), ids=lambda path: path.name)
def test_process_tests_are_marked_slow(path: Path) -> None:
    assert process_tests_without_marker(path) == []

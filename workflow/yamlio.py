"""YAML input, read one way for every YAML file the tool takes (front matter, glossary).

:func:`load_yaml` composes the text with PyYAML's safe loader and refuses, with
:class:`~workflow.errors.InputError` naming ``path:line``:

* a syntax error;
* a key given twice in one mapping (PyYAML would silently keep the last one);
* a tag (``!!python/object/apply:…``) or any value the safe loader cannot build, such as an
  impossible date (``2025-13-45``).

The result keeps the node tree, so callers name the line of any field they reject
(:meth:`YamlDocument.line`, :func:`line_of`).  Aliases are walked once each, so a
"billion laughs" document costs no more than its text.

>>> doc = load_yaml("a: 1\\nb: [x, y]\\n", Path("f.yaml"), what="settings")
>>> doc.data, line_of(doc.root, ["b", 1])
({'a': 1, 'b': ['x', 'y']}, 2)
>>> load_yaml("a: 1\\na: 2\\n", Path("f.yaml"), what="x")
Traceback (most recent call last):
workflow.errors.InputError: f.yaml:2: x: key 'a' given twice (first on line 1) (remove one of them)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from workflow.errors import InputError

__all__ = ["YamlDocument", "construct", "line_of", "load_yaml"]


@dataclass(frozen=True)
class YamlDocument:
    """A validated YAML document: its node tree and the Python data built from it."""

    root: yaml.Node
    data: Any  # what the safe loader builds: dicts, lists, strings, numbers, dates
    first_line: int  # the file line of the text's first line

    def line(self, node: yaml.Node) -> int:
        """The file line where *node* starts."""
        return node.start_mark.line + self.first_line


def line_of(node: yaml.Node, loc: Sequence[str | int], first_line: int = 1) -> int:
    """The line of the deepest node on the path *loc* (keys and list indexes) under *node*;
    a missing or extra key points at the key itself, a missing index at its parent."""
    current = node
    for part in loc:
        child = None
        if isinstance(current, yaml.MappingNode):
            child = next((v for k, v in current.value if str(k.value) == str(part)), None)
            if child is None:
                child = next((k for k, _ in current.value if str(k.value) == str(part)), None)
        elif isinstance(current, yaml.SequenceNode) and isinstance(part, int):
            child = current.value[part] if part < len(current.value) else None
        if child is None:
            break
        current = child
    return current.start_mark.line + first_line


def construct(node: yaml.Node) -> Any:
    """The Python data of *node*, a node of a document :func:`load_yaml` accepted."""
    return yaml.SafeLoader("").construct_object(node, deep=True)


def load_yaml(text: str, path: Path, *, what: str, first_line: int = 1) -> YamlDocument | None:
    """Validate the YAML *text* read from *path* (its first line is line *first_line* of the
    file); None for an empty document.  *what* names the input in messages."""
    root = None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        if root is None:
            return None
        _reject_duplicate_keys(root, path, what, first_line)
        data = yaml.SafeLoader("").construct_document(root)
    except yaml.constructor.ConstructorError as exc:
        raise _error(exc, path, what, first_line, "only plain YAML is allowed (no tags)") from exc
    except yaml.MarkedYAMLError as exc:
        raise _error(exc, path, what, first_line, "fix the YAML syntax") from exc
    except yaml.YAMLError as exc:
        raise InputError(f"{what}: invalid YAML: {exc}", path=path) from exc
    except ValueError as exc:  # PyYAML builds dates eagerly: 2025-13-45 fails here
        bad = _bad_timestamp(root)
        raise InputError(
            f"{what}: invalid date ({exc})",
            path=path,
            line=None if bad is None else bad.start_mark.line + first_line,
            hint="write a real date as YYYY-MM-DD, or quote the text",
        ) from exc
    return YamlDocument(root, data, first_line)


def _error(
    exc: yaml.MarkedYAMLError, path: Path, what: str, first_line: int, hint: str
) -> InputError:
    mark = exc.problem_mark or exc.context_mark
    return InputError(
        f"{what}: invalid YAML: {exc.problem or exc.context}",
        path=path,
        line=mark.line + first_line if mark else None,
        hint=hint,
    )


def _reject_duplicate_keys(root: yaml.Node, path: Path, what: str, first_line: int) -> None:
    """Raise on the first key given twice in one mapping."""
    for node in _nodes(root):
        if not isinstance(node, yaml.MappingNode):
            continue
        seen: dict[str, int] = {}
        for key, _value in node.value:
            name, line = str(key.value), key.start_mark.line + first_line
            if name in seen:
                raise InputError(
                    f"{what}: key {name!r} given twice (first on line {seen[name]})",
                    path=path,
                    line=line,
                    hint="remove one of them",
                )
            seen[name] = line


def _bad_timestamp(root: yaml.Node | None) -> yaml.Node | None:
    """The first implicit date or time under *root* that is not a valid one."""
    for node in _nodes(root):
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":timestamp"):
            try:
                yaml.SafeLoader("").construct_object(node)
            except ValueError:
                return node
    return None


def _nodes(root: yaml.Node | None) -> Iterator[yaml.Node]:
    """Every node under *root* in document order, each once: aliases (a "billion laughs")
    cannot make a walk exponential."""
    pending, visited = [root], set()
    while pending:
        current = pending.pop()
        if current is None or id(current) in visited:
            continue
        visited.add(id(current))
        yield current
        if isinstance(current, yaml.MappingNode):
            pending += [item for pair in reversed(current.value) for item in reversed(pair)]
        elif isinstance(current, yaml.SequenceNode):
            pending += reversed(current.value)

"""YAML for every source file the build reads (models, templates, scenarios, front matter).

PyYAML's safe subset through libyaml's C parser when PyYAML was built with it (ten times faster on
the project's data files: 15 ms instead of 150 ms a build), else the pure-Python parser. Both raise
``yaml.YAMLError`` with a ``problem_mark`` (line, column) for the authoring messages.

``load_with_lines`` also says on which line each field starts (``Lines``), so a message about a
field can name its line: «documents/templates/sources/samtykke.yaml, linje 42: sections[2].title: …».
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml


class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """PyYAML's safe loader, where a value that looks like a date but is none (``2026-02-30``,
    ``2026-13-45``) is a YAML error at its place in the file, not a ``ValueError`` from deep inside
    PyYAML: every caller already names the file and line of a ``yaml.YAMLError``."""


def _date(loader: yaml.constructor.SafeConstructor, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        raise yaml.constructor.ConstructorError(
            None, None, f"«{node.value}» er ikke en dato som finnes (skriv ÅÅÅÅ-MM-DD)", node.start_mark) from None


Loader.add_constructor("tag:yaml.org,2002:timestamp", _date)

FieldPath = tuple[str | int, ...]
"""A field in a parsed file: keys (as written in the file) and list positions, e.g. ``("sections", 2, "title")``."""

# A field as messages write it: ``sections[2].fields[0].type``, ``scenarios[0] (familie-middels).model``.
_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")
_LABEL = re.compile(r" \([^()]*\)")  # «(familie-middels)»: the entry's id, said for the reader


def safe_load(text: str) -> Any:
    return yaml.load(text, Loader=Loader)  # noqa: S506 - Loader is a safe loader


@dataclass(frozen=True)
class Lines:
    """The line (from 1) on which each field of a parsed file starts: a mapping entry's key, a list
    item's first character. A field that is not in the file (a missing one) has the line of the
    nearest part around it that is: the entry or list it should be in."""

    starts: Mapping[FieldPath, int] = field(default_factory=dict)

    def of(self, path: FieldPath) -> int | None:
        """The line of ``path``, or of the nearest part around it; ``None`` for an empty file."""
        while path not in self.starts and path:
            path = path[:-1]
        return self.starts.get(path)

    def at(self, where: str) -> int | None:
        """The line of a field written as the messages write it (``sections[2].fields[0].type``;
        an id in parentheses, «scenarios[0] (familie-middels)», is only a label)."""
        return self.of(parse_field(where))

    def place(self, file: str, where: str) -> str:
        """``file, linje N`` for the field ``where`` (just ``file`` when no line is known)."""
        line = self.at(where)
        return f"{file}, linje {line}" if line else file


def parse_field(where: str) -> FieldPath:
    """``sections[2].fields[0].type`` → ``("sections", 2, "fields", 0, "type")``."""
    return tuple(int(index) if index else name
                 for name, index in _STEP.findall(_LABEL.sub("", where)))


def load_with_lines(text: str) -> tuple[Any, Lines]:
    """The parsed document (as ``safe_load`` gives it) and the line of each of its fields."""
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    starts: dict[FieldPath, int] = {}
    if node is not None:
        _record(node, (), node.start_mark.line + 1, starts, set())
    return data, Lines(starts)


def _record(node: yaml.Node, path: FieldPath, line: int, starts: dict[FieldPath, int], open_nodes: set[int]) -> None:
    """Record ``path`` at ``line`` and, below it, the fields of ``node`` (an alias's node once per path)."""
    starts.setdefault(path, line)
    if id(node) in open_nodes:  # a recursive alias (&a [*a]): no deeper
        return
    open_nodes.add(id(node))
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                _record(value, (*path, key.value), key.start_mark.line + 1, starts, open_nodes)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record(item, (*path, index), item.start_mark.line + 1, starts, open_nodes)
    open_nodes.discard(id(node))


def error_place(error: yaml.YAMLError, first_line: int = 1) -> str:
    """``linje 3, kolonne 5`` where PyYAML found ``error`` (``""`` when it does not say);
    ``first_line`` is the file's line of the text's first (front matter starts on line 2)."""
    mark = getattr(error, "problem_mark", None)
    return f"linje {mark.line + first_line}, kolonne {mark.column + 1}" if mark else ""


# PyYAML's (libyaml's) words for the mistakes an author makes most, said in Norwegian; any other
# problem is given in PyYAML's English, marked as such.
_PROBLEMS = {
    "did not find expected key": "fant ikke en nøkkel der den skulle stå (feil innrykk, eller en «:» eller «-» for mye eller for lite?)",
    "mapping values are not allowed in this context": "en «:» der den ikke kan stå (sett teksten i anførselstegn, eller rett innrykket)",
    "mapping values are not allowed here": "en «:» der den ikke kan stå (sett teksten i anførselstegn, eller rett innrykket)",
    "found character that cannot start any token":
        "et tegn som ikke kan begynne en verdi (en tabulator i innrykket, eller «@» eller «`» først?)",
    "did not find expected '-' indicator": "en listelinje uten «-», eller feil innrykk i lista",
    "found unexpected end of stream": "filen slutter før et anførselstegn eller en klamme er lukket",
    "did not find expected ',' or '}'": "en «{» som ikke er lukket med «}», eller et komma som mangler",
    "did not find expected ',' or ']'": "en «[» som ikke er lukket med «]», eller et komma som mangler",
    "did not find expected node content": "en verdi mangler (en «[» eller «{» som ikke er lukket?)",
    "found undefined alias": "en «*» viser til et anker («&») som ikke finnes",
    "could not find expected ':'": "en nøkkel uten «:» etter seg",
    "found duplicate anchor": "det samme ankeret («&») står to ganger",
}


def error_problem(error: yaml.YAMLError) -> str:
    """What is wrong, in one line (without PyYAML's own «line 3, column 5»): in Norwegian for the
    common mistakes, else PyYAML's English words."""
    problem = str(getattr(error, "problem", None) or str(error).splitlines()[0])
    return _PROBLEMS.get(problem, problem if not problem.isascii() else f"{problem} (PyYAMLs melding)")

"""YAML for every source file the build reads (models, templates, scenarios, front matter).

PyYAML's safe subset through libyaml's C parser when PyYAML was built with it (ten times faster on
the project's data files: 15 ms instead of 150 ms a build), else the pure-Python parser. Both raise
``yaml.YAMLError`` with a ``problem_mark`` (line, column) for the authoring messages.
"""

from __future__ import annotations

from typing import Any

import yaml

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    return yaml.load(text, Loader=Loader)  # noqa: S506 - Loader is a safe loader

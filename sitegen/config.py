"""What the stage reads from ``mkdocs.yml``, without MkDocs: the address, our stylesheets and
scripts (to bundle), and the navigation (the whole-guide PDF's order and parts)."""

from __future__ import annotations

import os
import typing
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"


class ConfigError(ValueError):
    """``mkdocs.yml`` cannot be read: the message names the file, the line and the column."""


class _Loader(yaml.SafeLoader):
    """Reads MkDocs' tags: ``!ENV [NAME, default]`` from the environment, Python tags as None."""


def _env(loader: yaml.SafeLoader, node: yaml.Node):
    if isinstance(node, yaml.SequenceNode):
        names = loader.construct_sequence(node)
    else:
        names = [loader.construct_scalar(typing.cast(yaml.ScalarNode, node))]
    *variables, default = names if len(names) > 1 else [*names, None]
    return next((os.environ[name] for name in variables if name in os.environ), default)


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class SiteConfig:
    site_url: str
    extra_css: list
    extra_javascript: list
    nav: list
    raw: dict


def load(path: Path = CONFIG) -> SiteConfig:
    """``mkdocs.yml`` as the stage needs it; YAML that does not parse raises ``ConfigError`` naming
    the file, the line and the column."""
    from veileder import yamltext

    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    except yaml.YAMLError as error:
        where = yamltext.error_place(error)
        raise ConfigError(f"{_name(path)}{', ' + where if where else ''}: ugyldig YAML: "
                         f"{yamltext.error_problem(error)}") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{_name(path)}: må være felt: verdi, fikk {type(raw).__name__}")
    return SiteConfig(site_url=raw.get("site_url") or "", extra_css=list(raw.get("extra_css") or []),
                      extra_javascript=list(raw.get("extra_javascript") or []), nav=list(raw.get("nav") or []),
                      raw=raw)


def _name(path: Path) -> str:
    """``mkdocs.yml`` as a message names it: from the folder it is in (the project's root)."""
    return path.name


def missing_nav_pages(cfg: SiteConfig, docs: Path, path: Path = CONFIG) -> list[str]:
    """One message for each ``nav:`` entry naming a page that is not in ``docs`` (the engine would
    stop later, in English): the file, the entry's line and the page."""
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    messages = []
    for _, _, src in guide_nav(cfg):
        if src is None or (docs / src).is_file() or (docs / (src.removesuffix(".md") + ".ipynb")).is_file():
            continue
        line = next((i for i, text in enumerate(lines, 1) if text.strip().endswith(src)), None)
        where = f"{_name(path)}, linje {line}" if line else _name(path)
        messages.append(f"{where}: nav: siden {src} finnes ikke i docs/ (rett stien, eller fjern linjen)")
    return messages


def guide_nav(cfg: SiteConfig) -> list[list[str | None]]:
    """``[part, title or None, src]`` for every page in the navigation, in order: the part is the
    top-level section it is under ("" for top-level pages); None means the page's own title."""
    pages: list[list[str | None]] = []

    def walk(items: list, part: str) -> None:
        for item in items or []:
            if isinstance(item, str):
                pages.append([part, None, item])
            elif isinstance(item, dict):
                for title, value in item.items():
                    if isinstance(value, str):
                        if "://" not in value:
                            pages.append([part, title, value])
                    else:
                        walk(value, part or title)

    walk(cfg.nav, "")
    return pages

"""What the stage reads from ``mkdocs.yml``, without MkDocs: the address, our stylesheets and
scripts (to bundle), and the navigation (the whole-guide PDF's order and parts)."""

from __future__ import annotations

import os
import typing
from dataclasses import dataclass
from pathlib import Path

import yaml

from sitegen.check import ROOT

CONFIG = ROOT / "mkdocs.yml"


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
    raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    return SiteConfig(site_url=raw.get("site_url") or "", extra_css=list(raw.get("extra_css") or []),
                      extra_javascript=list(raw.get("extra_javascript") or []), nav=list(raw.get("nav") or []),
                      raw=raw)


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

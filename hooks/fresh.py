"""First hook: every rebuild under ``./dev serve`` sees the project's files as they are now.

``mkdocs serve`` keeps one Python process: the hook files are executed once, and the packages
they import (``calculators``, ``doc_templates``…) stay in ``sys.modules`` with their caches
(``load_model_data``), so an edited model YAML or formula would not show. Before every build
after the first, this drops those packages from ``sys.modules`` and executes the other hook
files again in place, so their names point to freshly imported packages. ``mkdocs serve``
watches the folders (``watch:`` in mkdocs.yml). Listed first in ``hooks:``.
"""

from __future__ import annotations

import sys

from mkdocs.config.defaults import MkDocsConfig

PACKAGES = ("calculators", "doc_templates", "veileder", "textcheck")
_builds = 0


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    global _builds
    _builds += 1
    if _builds == 1:
        return None  # the hooks have just imported everything
    for name in [n for n in sys.modules if n.split(".")[0] in PACKAGES]:
        del sys.modules[name]
    for hook in config.hooks.values():
        if hook is not sys.modules.get(__name__) and hook.__spec__ is not None:
            hook.__spec__.loader.exec_module(hook)
    return None

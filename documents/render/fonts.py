"""The fonts embedded in every PDF: DejaVu Sans as shipped by matplotlib (a locked dependency).

Taking them from an installed package, not from the machine, means every build embeds the same
glyphs. matplotlib is located without importing it (importing costs a few hundred milliseconds).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path


def _ttf_dir() -> Path:
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("matplotlib mangler; kjør ./dev build for å installere de låste pakkene")
    return Path(spec.submodule_search_locations[0]) / "mpl-data" / "fonts" / "ttf"


FAMILY = "VL DejaVu Sans"
FACES: dict[tuple[str, str], str] = {
    ("normal", "normal"): "DejaVuSans.ttf",
    ("bold", "normal"): "DejaVuSans-Bold.ttf",
    ("normal", "italic"): "DejaVuSans-Oblique.ttf",
    ("bold", "italic"): "DejaVuSans-BoldOblique.ttf",
}


def font_files() -> tuple[Path, ...]:
    directory = _ttf_dir()
    return tuple(directory / name for name in FACES.values())


def font_face_css() -> str:
    """``@font-face`` rules pointing at the TTF files by path."""
    directory = _ttf_dir()
    return "".join(
        f'@font-face {{ font-family: "{FAMILY}"; font-weight: {weight}; font-style: {style}; '
        f'src: url("{(directory / name).as_uri()}"); }}\n'
        for (weight, style), name in FACES.items()
    )

"""How a preset relates to the defaults, in words computed from the data (issue 23): a course or
a handout says «reduksjoner på omtrent tre firedeler av det middels anslaget» because the data
file says so, never because someone typed «halvparten»."""

from __future__ import annotations

from calculators.core.model import Model

FRACTIONS = ((0.25, "omtrent en firedel"), (1 / 3, "omtrent en tredjedel"), (0.5, "omtrent halvparten"),
             (2 / 3, "omtrent to tredjedeler"), (0.75, "omtrent tre firedeler"), (1.0, "omtrent det samme"))
"""The words for a ratio: the nearest of these."""
REDUCTION_SUFFIX = "_reduksjon"


def reduction_ratio(model: Model, preset_id: str) -> float:
    """The preset's reductions as a share of the defaults: the average ratio over the reduction
    inputs whose default is above zero (an input the preset leaves alone counts as 1)."""
    preset = next(p for p in model.presets if p.id == preset_id)
    ratios = [preset.values.get(i.id, i.default) / i.default
              for i in model.inputs if i.id.endswith(REDUCTION_SUFFIX) and i.default > 0]
    if not ratios:
        raise ValueError(f"{model.id} har ingen reduksjoner å sammenligne «{preset_id}» med")
    return sum(ratios) / len(ratios)


def share_words(model: Model, preset_id: str) -> str:
    """«omtrent tre firedeler»: the nearest simple fraction of ``reduction_ratio``."""
    ratio = reduction_ratio(model, preset_id)
    return min(FRACTIONS, key=lambda fraction: abs(fraction[0] - ratio))[1]

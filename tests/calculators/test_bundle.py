"""A model's browser file: translated code plus the metadata the runtime needs, content-hashed."""

from __future__ import annotations

import json
import re

import pytest
from py_mini_racer import MiniRacer

from calculators.core.model import BUDGET_HOLDERS
from calculators.engine import registry
from calculators.site import bundle, render

MODEL_IDS = registry.model_ids()


@pytest.mark.parametrize("model_id", MODEL_IDS)
def test_metadata_carries_every_input_with_its_bounds_and_every_output(model_id: str) -> None:
    model = registry.load(model_id)
    meta = bundle.metadata(model)
    assert meta["id"] == model_id
    assert [(i["id"], i["default"], i["min"], i["max"]) for i in meta["inputs"]] == [
        (i.id, i.default, i.minimum, i.maximum) for i in model.inputs]
    assert [o["id"] for o in meta["outputs"]] == [o.id for o in model.outputs]
    assert meta["presets"] == {p.id: dict(p.values) for p in model.presets}
    assert [h["id"] for h in meta["holders"]] == [h.id for h in BUDGET_HOLDERS]
    # What an export needs to describe the scenario (vlKalkulator.scenario's meta).
    assert meta["title"] == model.title
    # Sources travel in the export file (loaded on the first click), not in the page's bundle.
    assert not any("source" in i or "status" in i for i in meta["inputs"])
    assert [o["budget_holder"] for o in meta["outputs"]] == [o.budget_holder or "" for o in model.outputs]


@pytest.mark.parametrize("model_id", MODEL_IDS)
def test_the_file_registers_compute_and_meta_under_the_model_id(model_id: str) -> None:
    model = registry.load(model_id)
    ctx = MiniRacer()
    ctx.eval(bundle.javascript(model))
    meta = json.loads(ctx.eval(f"JSON.stringify(globalThis.vlKalkulatorer[{json.dumps(model_id)}].meta)"))
    assert meta == json.loads(json.dumps(bundle.metadata(model)))
    assert ctx.eval(f"typeof globalThis.vlKalkulatorer[{json.dumps(model_id)}].compute") == "function"


def test_the_asset_path_carries_a_hash_of_the_content() -> None:
    model = registry.load(MODEL_IDS[0])
    path, code = bundle.asset(model)
    match = re.fullmatch(rf"{bundle.ASSET_DIR}/{model.id}\.([0-9a-f]{{10}})\.js", path)
    assert match
    assert bundle.asset(model) == (path, code)  # same model, same bytes, same name


def test_the_file_says_where_it_comes_from_and_not_to_edit_it() -> None:
    first_line = bundle.javascript(registry.load(MODEL_IDS[0])).splitlines()[0]
    assert first_line.startswith(f"// Generert fra calculators/models/{MODEL_IDS[0]}.py")
    assert "Ikke rediger" in first_line


@pytest.mark.parametrize("model_id", MODEL_IDS)
def test_the_discount_rate_is_labelled_by_the_years_the_model_uses(model_id: str):
    # R-109's first step is 40 years: a model whose horizon ends before it uses one rate for every
    # year, and the label says so instead of «år 0–40».
    model = registry.load(model_id)
    meta = bundle.metadata(model)
    horizon = next((i for i in model.inputs if i.id == "horisont"), None)
    label = next(i["label"] for i in meta["inputs"] if i["id"] == "kalkulasjonsrente")
    if horizon is not None and horizon.maximum <= 40:
        assert label == f"Kalkulasjonsrente år 0–{int(horizon.maximum) - 1}"
        assert "0–40" not in render.render(model)
    else:
        assert label == next(i.label for i in model.inputs if i.id == "kalkulasjonsrente")

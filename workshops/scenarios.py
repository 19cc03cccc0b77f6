"""The workshops' calculator scenarios: read once from ``scenarios.yaml``, checked, computed.

``load_scenarios`` checks every field against the models as they are now, and computes each
scenario with ``calculators.engine.evaluate``; any mistake — or a model change that breaks a scenario —
raises ``ScenarioError`` naming the file, the line, the scenario and the field («scenarios.yaml,
linje 12: scenarios[0] (familie-middels).model: …»), and so fails the build.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import yaml

from calculators.core.model import Input, Model, Output
from calculators.engine import evaluate, registry
from calculators.site.render import format_number, format_output
from calculators.view.scenario_links import scenario_link
from veileder import yamltext
from veileder.markdown_code import blank_code

if TYPE_CHECKING:
    from calculators.view.view import Interval, Meta

SOURCE = Path(__file__).with_name("scenarios.yaml")
DOCS = Path(__file__).resolve().parent.parent / "docs"
ID_PATTERN = re.compile(r"^[a-z][a-z0-9-]*$")
_KEYS = {
    "id": True, "exercise": True, "title": True, "question": True, "model": True, "page": True,
    "preset": False, "values": False, "assumptions": True, "figure": True, "split": False,
}  # fmt: skip
FIGURE_KINDS = ("number", "year")


class ScenarioError(ValueError):
    """A scenario that is wrong or no longer computes; the message names file, scenario and field."""


@dataclass(frozen=True)
class Assumption:
    label: str
    value: str  # formatted, Norwegian
    group: str


@dataclass(frozen=True)
class Scenario:
    id: str
    exercise: str
    title: str
    question: str
    model: Model
    page: str  # docs-relative Markdown path, e.g. okonomi/familie.md
    preset: str | None
    values: Mapping[str, float]
    assumptions: tuple[Assumption, ...]
    figure: Output
    figure_text: str  # the figure with the form's numbers, as the page shows it, e.g. «750 465 kr»
    reading: tuple[str, ...] = ()
    """What the calculator's card says about the figure (``memo.card_lines``): the median, the
    8-of-10 range, the draws in plus, the form's result and «ingen varig effekt» where it applies."""
    split_title: str = ""
    """The heading of the «who pays, who saves» split, as the page words it ("" without ``split``)."""
    split: tuple[str, ...] = ()
    """The page's «who pays, who saves» chart for the scenario's ``split`` output: one line per
    budget that is not 0, summed as the chart sums them, e.g. «Staten: 17 376 kr»."""

    @property
    def page_path(self) -> str:
        """The calculator page's path on the published site, e.g. ``okonomi/familie/``."""
        stem = self.page.removesuffix(".md")
        return "" if stem == "index" else stem.removesuffix("/index") + "/"

    def link(self, page_url: str) -> str:
        """The scenario's link on the calculator page at ``page_url`` (absolute or relative)."""
        return scenario_link(page_url, self.preset, self.values)

    def site_link(self, site_url: str) -> str:
        """The scenario's link on the published site at ``site_url`` (QR codes, PDFs)."""
        return self.link(site_url.rstrip("/") + "/" + self.page_path)


@dataclass(frozen=True)
class _Source:
    """The file being read, and where each of its fields is."""

    path: Path
    lines: yamltext.Lines

    def fail(self, where: str, problem: str) -> ScenarioError:
        return ScenarioError(f"{self.lines.place(self.path.name, where)}: {where}: {problem}")


def _scenario(raw: Any, where: str, source: _Source, docs: Path) -> Scenario:
    if not isinstance(raw, Mapping):
        raise source.fail(where, f"skal være en tabell med nøklene {', '.join(_KEYS)}")
    if isinstance(raw.get("id"), str):
        where = f"{where} ({raw['id']})"
    for key in raw:
        if key not in _KEYS:
            raise source.fail(f"{where}.{key}", f"ukjent nøkkel; gyldige: {', '.join(_KEYS)}")
    for key, required in _KEYS.items():
        if required and key not in raw:
            raise source.fail(f"{where}.{key}", "mangler")
    for key in ("id", "exercise", "title", "question", "model", "page", "figure"):
        if not isinstance(raw[key], str) or not raw[key].strip():
            raise source.fail(f"{where}.{key}", "skal være en tekst som ikke er tom")
    if not ID_PATTERN.match(raw["id"]):
        raise source.fail(f"{where}.id", "bruk bare a–z, 0–9 og -, og start med en bokstav")
    try:
        model = registry.load(raw["model"])
    except (registry.UnknownModel, ValueError) as error:
        raise source.fail(f"{where}.model", str(error)) from None
    page = docs / raw["page"]
    if not page.is_file():
        raise source.fail(f"{where}.page", f"finner ikke docs/{raw['page']}")
    if f"kalkulator: {model.id} " not in blank_code(page.read_text(encoding="utf-8")).replace("-->", " -->"):
        raise source.fail(f"{where}.page", f"docs/{raw['page']} har ikke <!-- kalkulator: {model.id} -->")
    preset = raw.get("preset")
    presets = {p.id: p for p in model.presets}
    if preset is not None and preset not in presets:
        raise source.fail(f"{where}.preset",
                    f"«{preset}» finnes ikke i {model.id}; finnes: {', '.join(presets) or 'ingen'}")
    values = raw.get("values") or {}
    if not isinstance(values, Mapping):
        raise source.fail(f"{where}.values", "skal være en tabell input-id: tall")
    merged = {**(presets[preset].values if preset else {}), **values}
    try:
        inputs = evaluate.input_values(model, merged)
        results = evaluate.evaluate(model, merged)
    except (evaluate.InputError, evaluate.NotComputable, TypeError) as error:
        failed = "values" if values else "preset"
        raise source.fail(f"{where}.{failed}", f"regner ikke: {error}") from None
    by_id: dict[str, Input] = {i.id: i for i in model.inputs}
    shown = raw["assumptions"]
    if not isinstance(shown, list) or not shown:
        raise source.fail(f"{where}.assumptions", "skal være en liste med input-id-er")
    assumptions = []
    for i, input_id in enumerate(shown):
        if input_id not in by_id:
            raise source.fail(f"{where}.assumptions[{i}]",
                        f"«{input_id}» er ikke en input i {model.id}; finnes: {', '.join(by_id)}")
        field = by_id[input_id]
        assumptions.append(Assumption(field.label, format_number(inputs[input_id], field.unit, exact=True),
                                      field.group))
    outputs = {o.id: o for o in model.outputs}
    figure = outputs.get(raw["figure"])
    if figure is None or figure.kind not in FIGURE_KINDS:
        valid = [o.id for o in model.outputs if o.kind in FIGURE_KINDS]
        raise source.fail(f"{where}.figure",
                    f"«{raw['figure']}» er ikke et tall-resultat i {model.id}; finnes: {', '.join(valid)}")
    split_title, split = _split(raw.get("split"), model, results, source, f"{where}.split")
    return Scenario(
        id=raw["id"], exercise=raw["exercise"].strip(), title=raw["title"].strip(),
        question=_fill_shares(" ".join(raw["question"].split()), model, source, f"{where}.question"),
        model=model, page=raw["page"],
        preset=preset, values=dict(values), assumptions=tuple(assumptions), figure=figure,
        figure_text=format_output(cast(float, results[figure.id]), figure),  # a number: FIGURE_KINDS
        reading=_reading(model, inputs, results, figure.id),
        split_title=split_title, split=split,
    )


def _split(key: Any, model: Model, results: Mapping, source: _Source, where: str) -> tuple[str, tuple[str, ...]]:
    """The page's «who pays, who saves» chart for the by-holder output ``key``: its caption and one
    line per budget that is not 0 («Kommunen: −8 688 kr», ``view.holder_groups`` as the chart sums
    them), or nothing without ``key``."""
    if key is None:
        return "", ()
    from calculators.site import bundle
    from calculators.view import memo
    from calculators.view.view import TEXT, format_number, holder_groups

    valid = [o.id for o in model.outputs if o.kind == "by_holder"]
    if key not in valid:
        raise source.fail(where, f"«{key}» er ikke et resultat per budsjett i {model.id}; finnes: {', '.join(valid)}")
    meta = cast("Meta", bundle.metadata(model))  # bundle.metadata says ``dict``; it is a Meta
    output = memo.output_meta(meta, key)
    # One run, like the page's chart; said on paper also where the page has no interval to tell it from.
    title = TEXT["who_pays"] + ": " + output["label"].lower() + " (" + TEXT["point_note"] + ")"
    groups = [g for g in holder_groups(meta, dict(results[key])) if g["value"] != 0]
    return title, tuple(f"{g['label']}: {format_number(g['value'], output['unit'])}" for g in groups)


def _fill_shares(text: str, model: Model, source: _Source, where: str) -> str:
    """``{andel:<preset>}`` → how big the preset's reductions are beside the defaults, in words
    computed from the data file (``calculators.view.preset_words``)."""
    from calculators.view.preset_words import share_words

    def words(match: re.Match[str]) -> str:
        preset = match.group(1)
        if preset not in {p.id for p in model.presets}:
            raise source.fail(where, f"{{andel:{preset}}}: «{preset}» er ikke et forhåndsvalg i {model.id}")
        try:
            return share_words(model, preset)
        except ValueError as error:
            raise source.fail(where, str(error)) from None

    return re.sub(r"\{andel:([a-z0-9_-]+)\}", words, text)


def _reading(model: Model, values: Mapping[str, float], results: Mapping, key: str) -> tuple[str, ...]:
    """The card's lines for ``key`` with the scenario's values (the same seed as the browser)."""
    from calculators.core import uncertainty
    from calculators.site import bundle
    from calculators.view import memo

    meta = cast("Meta", bundle.metadata(model))
    analysis = uncertainty.analyse(model, dict(values)) if key in meta["interval"]["outputs"] else None
    interval = analysis or {"intervals": {}, "shares": {}, "payback": 0, "samples": 0, "no_effect": {}}
    card = cast("Interval", {**interval, "no_effect": interval["no_effect"] or {}})
    return tuple(memo.card_lines(meta, dict(results), card, key))


def load_scenarios(path: Path = SOURCE, docs: Path = DOCS) -> tuple[Scenario, ...]:
    """Every scenario in ``path``, checked and computed; the first mistake raises ``ScenarioError``."""
    try:
        raw, lines = yamltext.load_with_lines(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        place = ", ".join(filter(None, (path.name, yamltext.error_place(error))))
        raise ScenarioError(f"{place}: ugyldig YAML: {yamltext.error_problem(error)}") from None
    source = _Source(path, lines)
    if not isinstance(raw, Mapping) or not isinstance(raw.get("scenarios"), list):
        raise source.fail("scenarios", "mangler; filen skal ha en liste «scenarios:»")
    scenarios = [_scenario(item, f"scenarios[{i}]", source, docs) for i, item in enumerate(raw["scenarios"])]
    seen: set[str] = set()
    for i, scenario in enumerate(scenarios):
        if scenario.id in seen:
            raise source.fail(f"scenarios[{i}].id", f"«{scenario.id}» er brukt før")
        seen.add(scenario.id)
    return tuple(scenarios)

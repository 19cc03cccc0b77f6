"""The methodology notebook (``docs/okonomi/metode.ipynb``): build, execute, check, clean.

The notebook is committed *with* outputs, so its figures must come from the current models.
``python -m calculators.notebook.notebook`` rebuilds and re-executes it. The site build checks it
(``problems``, called from the stage's first check, ``sitegen/sources.py``): an error output, cells that are not the ones
this module makes, or outputs that differ from a fresh run stop the build. A fresh run is cached
under ``.cache/notebook/`` by a hash of the models' code and data and of the cells, so only a
build after such a change executes it; a warm build only compares.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from calculators.core.declarations import DeclarationError
from calculators.engine import registry
from calculators.site import buildcache
from veileder.cache import cached_entry, present

ROOT = Path(__file__).resolve().parent.parent.parent
NOTEBOOK = ROOT / "docs" / "okonomi" / "metode.ipynb"
DESCRIPTION = (
    "Slik regner kalkulatorene: standardscenarioet, følsomhetsanalyse (tornadodiagram), "
    "usikkerhetsintervall og "
    "break-even, kjørt med de samme Python-modellene som kalkulatorene."
)

CELLS: list[tuple[str, str]] = [
    ("markdown", """# Modellene i bruk

Denne notatboken bruker **de samme Python-modellene** som kalkulatorene på nettstedet
(`calculators/models/familie.py` og `calculators/models/utenforskap.py`). Den viser
standardscenarioet, hvilke forutsetninger som betyr mest (tornadodiagram) og hvor stor effekt
som trengs for å gå i balanse (break-even). Formlene står i metodesidene for
[familiemodellen](metode-familie.md) og [utenforskapsmodellen](metode-utenforskap.md).

Alle kronebeløp er i 2025-kroner. Tallene for tjenestebruk og effekt er **illustrasjoner**,
ikke målte tall. Bytt dem ut med egne tall før dere bruker resultatet."""),
    ("code", """from calculators.notebook import analysis, report
from calculators.view import view
from calculators.models import familie, utenforskap

standard = analysis.run(familie.MODEL)"""),
    ("markdown", """## Investering i en familie: standardscenarioet

Illustrasjonsfamilien har tjenester fra barnevern, Nav, bolig, helse og skole. Investeringen
varer i tre år. Standardverdiene er et middels anslag; kalkulatoren viser i tillegg et intervall
og hva det gir om effekten uteblir."""),
    ("code", """print("Netto nåverdi, offentlige budsjetter:", report.kr(standard["nnv_offentlig"]))
print("Netto nåverdi, kommunen:", report.kr(standard["nnv_kommune"]))
print("Netto nåverdi, samfunnet:", report.kr(standard["nnv_samfunn"]))
print("Investeringen i nåverdi:", report.kr(standard["nv_investering"]))
print("Tilbakebetalt (med standardtallene, én beregning):", report.year(standard["tilbakebetalingsar"]))
print("Netto etter fire år (én valgperiode):", report.kr(standard["nnv_valgperiode"]))
print("Nødvendig reduksjon for å gå i balanse:", view.format_number(standard["break_even_reduksjon"], "%"))"""),
    ("code", """cumulative = standard["kumulativ_netto"]
report.figure(
    report.cumulative_chart(cumulative),
    "Linjediagram over samlet netto nåverdi per budsjett år for år. Kommunens felles budsjett "
    "bærer investeringen og ligger under null; barnevern, bolig og de andre tjenestene sparer "
    "gradvis. Tallene står i tabellen under.",
)"""),
    ("code", """report.table(
    "Samlet netto nåverdi per budsjett ved slutten av horisonten",
    ["Budsjett", "Netto nåverdi"],
    [[report.HOLDER_LABELS[h], report.kr(v)] for h, v in standard["nnv_per_budsjett"].items() if abs(v) > 0.5],
)"""),
    ("markdown", """## Hva betyr mest? Tornadodiagram

Hver stolpe viser netto nåverdi for offentlige budsjetter når én forutsetning settes lav og
høy, mens resten står på standardverdiene. For de usikre forutsetningene er spennene de samme
som i kalkulatoren (fra datafilen); i tillegg viser vi alle reduksjonene samlet (halvparten og
halvannen gang), år med oppfølging og årslønnen. De lengste stolpene er forutsetningene det er
viktigst å ha gode tall for.
Kalkulasjonsrenten følger rundskriv R-109, og tidshorisonten er et valg, ikke en usikkerhet:
ingen av dem er med."""),
    ("code", """reductions = [f.id for f in familie.MODEL.inputs if f.id.endswith("_reduksjon")]
labels = {f.id: f.label for f in familie.MODEL.inputs}
units = {f.id: f.unit for f in familie.MODEL.inputs}
ranges = [
    ("Alle reduksjoner (×0,5 / ×1,5)", analysis.scaled_inputs(familie.MODEL, reductions, 0.5),
     analysis.scaled_inputs(familie.MODEL, reductions, 1.5), "×0,5", "×1,5"),
] + [
    (f"{labels[r.id]} ({report.number(r.low, 0)}–{report.number(r.high, 0)} {units[r.id]})",
     {r.id: r.low}, {r.id: r.high}, report.number(r.low, 0), report.number(r.high, 0))
    for r in familie.MODEL.ranges if not r.id.endswith("_reduksjon")
] + [
    ("År med oppfølging (2–5)", {"oppfolgingsar": 2}, {"oppfolgingsar": 5}, "2", "5"),
    ("Årslønn (500 000–800 000 kr)", {"arslonn": 500_000}, {"arslonn": 800_000}, "500 000", "800 000"),
]
base, swings = analysis.tornado(familie.MODEL, "nnv_offentlig", ranges)
report.figure(
    report.tornado_chart(base, swings, "Følsomhet: netto nåverdi for offentlige budsjetter"),
    f"Tornadodiagram. Størst utslag gir {swings[0].label.lower()}, deretter "
    f"{swings[1].label.lower()} og {swings[2].label.lower()}. Tallene står i tabellen under.",
)"""),
    ("code", """report.table(
    "Netto nåverdi for offentlige budsjetter ved lav og høy verdi",
    ["Forutsetning", "Lav", "Høy"],
    [[s.label, report.kr(s.low), report.kr(s.high)] for s in swings],
)"""),
    ("markdown", """## Break-even: hvor mye må tjenestebruken falle?

Her får alle tjenestelinjene samme reduksjon, og resten står på standardverdiene. Der linjen
krysser null, betaler investeringen seg akkurat innenfor horisonten."""),
    ("code", """levels = list(range(0, 61, 2))
values = analysis.curve(familie.MODEL, "nnv_offentlig", reductions, levels)
print("Break-even-reduksjon fra modellen:", view.format_number(standard["break_even_reduksjon"], "%"))
report.figure(
    report.break_even_chart(levels, values, standard["break_even_reduksjon"],
                            "Netto nåverdi etter hvor mye tjenestebruken faller",
                            "reduksjon i all tjenestebruk ved full effekt (%)"),
    "Linjediagram som stiger jevnt fra minus investeringen ved null reduksjon. Det krysser null "
    "ved reduksjonen som er skrevet over diagrammet.",
)"""),
    ("markdown", """## Hvis effekten uteblir

Scenariet *Ingen varig effekt* viser hva det betyr om tjenestebruken ikke endrer seg:
investeringen er da en ren kostnad. Det er et mulig utfall, ikke et målt resultat. I Navs
randomiserte forsøk med helhetlig oppfølging av lavinntektsfamilier (HOLF) fant forskerne ingen
sikre effekter på arbeid, inntekt, bolig eller barnas deltakelse de første par årene; barnevern
og skole ble ikke målt, og ingen sikker effekt er ikke det samme som null effekt."""),
    ("code", """holf = analysis.run(familie.MODEL, next(p for p in familie.MODEL.presets if p.id == "ingen-varig-effekt").values)
print("Netto nåverdi uten effekt:", report.kr(holf["nnv_offentlig"]))
print("Tilbakebetalt:", report.year(holf["tilbakebetalingsar"]))"""),
    ("markdown", """## Hvor sikkert er tallet? Midtverdi, intervall og andel i pluss

For de usikre forutsetningene har datafilen en lav og en høy verdi ved siden av
standardverdien (alle står på [Datakilder](datakilder.md)). Her trekkes 500 kombinasjoner fra en
trekantfordeling med toppen i standardverdien, med det faste frøet fra datafilen (Monte Carlo).
Midtverdien er medianen av trekningene, og den er det store tallet i kalkulatoren. Intervallet
er fra 10- til 90-persentilen: i 8 av 10 trekninger havner resultatet der, gitt spennene. Andelen
i pluss er hvor mange av trekningene som ga null eller mer – et mål på spennene våre, ikke en
sannsynlighet for hvordan det går i en kommune. Kalkulatoren i nettleseren kjører den samme generatoren med det samme frøet og viser
derfor **de samme tallene** for standardverdiene (testene sammenligner dem)."""),
    ("code", """from calculators.core import uncertainty

values = {i.id: i.default for i in familie.MODEL.inputs}
spec = uncertainty.spec_for(familie.MODEL)
usikkerhet = uncertainty.analyse(familie.MODEL, values)
p10, p50, p90 = usikkerhet["intervals"]["nnv_offentlig"]
print("Trekninger:", usikkerhet["samples"], "– frø:", spec["seed"])
print("Midtverdi (medianen av trekningene):", report.kr(p50))
print("Med tallene i skjemaet (standardverdiene):", report.kr(standard["nnv_offentlig"]))
print("P10:", report.kr(p10))
print("P90:", report.kr(p90))
print("Gjennomsnitt av trekningene:", report.kr(usikkerhet["means"]["nnv_offentlig"]))
print("I pluss:", report.number(usikkerhet["shares"]["nnv_offentlig"] * 100, 0), "av 100 trekninger")
print("Ingen varig effekt (scenario):", report.kr(usikkerhet["no_effect"]["nnv_offentlig"]))"""),
    ("markdown", """## Utenforskap over et livsløp: standardscenarioet

En 20-åring som er utenfor arbeid og utdanning i fem år: to år på sosialhjelp og tre år på
arbeidsavklaringspenger (hovedregelen i folketrygdloven § 11-12), og så i arbeid. Et forebygd
tilfelle er en som kommer i arbeid; det sparer forløpet etter opptrapping og tilbakefall, og
andelen som lykkes, justeres for dødvekt og optimisme som i familiemodellen. Skatt på
ytelsene går tilbake til det offentlige, og inntektsutjevningen flytter det meste av kommunens
skattetap over på alle kommuner. Forhåndsvalget «Utenfor til 67 år» i kalkulatoren er det dyreste
ytterpunktet, ikke et vanlig forløp."""),
    ("code", """ung = analysis.run(utenforskap.MODEL)
print("Kostnaden av ett forløp utenfor (øvre grense for hva ett tilfelle kan spare), offentlige budsjetter:",
      report.kr(ung["nv_offentlig"]))
print("Kostnaden av ett forløp utenfor, samfunnet:", report.kr(ung["nv_samfunn"]))
print("Besparelse per vellykket tilfelle etter opptrapping og tilbakefall, offentlige budsjetter:",
      report.kr(ung["besparelse_per_tilfelle"]))
print("Forebygde tilfeller som betaler tiltaket:", report.number(ung["tilfeller_som_betaler"], 2))
print("Nødvendig andel som lykkes, før dødvekt og optimismejustering:", view.format_number(ung["break_even_suksessrate"], "%"))
report.table(
    "Kostnaden av ett forløp utenfor per forvaltningsnivå",
    ["Nivå", "Nåverdi"],
    [["Kommunen", report.kr(ung["nv_kommune"])],
     ["Andre kommuner (inntektsutjevningen)", report.kr(ung["nv_andre_kommuner"])],
     ["Fylkeskommunen", report.kr(ung["nv_fylkeskommune"])],
     ["Staten", report.kr(ung["nv_stat"])], ["Offentlig i alt", report.kr(ung["nv_offentlig"])],
     ["Samfunnet", report.kr(ung["nv_samfunn"])]],
)"""),
    ("code", """rates = list(range(0, 21))
measure = analysis.curve(utenforskap.MODEL, "nnv_tiltak_offentlig", ["suksessrate"], rates)
report.figure(
    report.break_even_chart(rates, measure, ung["break_even_suksessrate"],
                            "Tiltakets netto nåverdi etter andelen som lykkes",
                            "andel som lykkes, før dødvekt og optimismejustering (%)"),
    "Linjediagram som stiger fra minus tiltakets kostnad når ingen lykkes, og krysser null ved "
    "den nødvendige andelen skrevet over.",
)"""),
]


def build() -> nbformat.NotebookNode:
    """A fresh notebook from ``CELLS``, with the page description in its metadata."""
    notebook = nbformat.v4.new_notebook()
    for kind, source in CELLS:
        maker = nbformat.v4.new_markdown_cell if kind == "markdown" else nbformat.v4.new_code_cell
        notebook.cells.append(maker(source))
    notebook.metadata.update({
        "description": DESCRIPTION,
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"},
    })
    # Stable cell ids, so a rebuild without changes gives the same file.
    for index, cell in enumerate(notebook.cells):
        cell["id"] = f"cell-{index:02d}"
    return notebook


def execute(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Run every cell in the notebook's own folder (no network is needed or used).

    The models are loaded here first, so a mistake in a model's data or code is named by the
    check that finds it (``DeclarationError``: file and field) before a kernel starts; a cell
    that still fails raises ``DeclarationError`` naming the notebook, the cell and the error,
    never the kernel's traceback."""
    registry.all_models()
    client = NotebookClient(notebook, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    try:
        # The kernel's own log (start-up warnings) is not the author's business: what a cell
        # raises comes back as a message and is named below.
        client.execute(stderr=subprocess.DEVNULL)
    except CellExecutionError as error:
        cell = next((i + 1 for i, c in enumerate(notebook.cells)
                     if any(o.get("output_type") == "error" for o in c.get("outputs", []))), "?")
        raise DeclarationError(str(NOTEBOOK.relative_to(ROOT)),
                               [f"celle {cell} stoppet ved en ny kjøring: {error.ename}: {error.evalue}"],
                               "notatboken") from None
    for cell in notebook.cells:
        cell.get("metadata", {}).pop("execution", None)
    return notebook


_IMAGE_DATA = re.compile(r'src="data:image/png;base64,[^"]*"')


def text_outputs(notebook: nbformat.NotebookNode) -> list[str]:
    """Every text an executed notebook shows (printed lines, HTML with image data removed)."""
    texts: list[str] = []
    for cell in notebook.cells:
        previous_stream = False
        for output in cell.get("outputs", []):
            stream = output.get("output_type") == "stream"
            # The kernel may split one print into several stream outputs, depending on timing
            # (seen under load): consecutive stream text is one text.
            if stream and previous_stream:
                texts[-1] += output["text"]
            elif stream:
                texts.append(output["text"])
            previous_stream = stream
            data = output.get("data", {})
            if "text/html" in data:
                texts.append(_IMAGE_DATA.sub('src=""', data["text/html"]))
            elif "text/plain" in data:
                texts.append(data["text/plain"])
            if output.get("output_type") == "error":
                texts.append(f"FEIL: {output['ename']}: {output['evalue']}")
    return texts


CACHE_DIR = ROOT / ".cache" / "notebook"


def inputs_fingerprint() -> str:
    """Hash of what a fresh run depends on: the models' code and data, and the cells."""
    return buildcache.fingerprint([("calculators", ("*.py", "*.yaml"))], extra=json.dumps(CELLS))


def fresh_outputs(cache_dir: Path = CACHE_DIR) -> list[str]:
    """``text_outputs`` of a fresh run of the cells, from the cache when nothing they depend on
    has changed (one process runs it; others wait for its result). Written by the build's one
    cache writer (``veileder.cache``); the lock only spares a second kernel run."""
    cache_dir.mkdir(parents=True, exist_ok=True)

    def produce(folder: Path) -> None:
        texts = text_outputs(execute(build()))
        (folder / "outputs.json").write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")

    with open(cache_dir / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        entry, _ = cached_entry(cache_dir, inputs_fingerprint(), produce)
    return json.loads((entry / "outputs.json").read_text(encoding="utf-8"))


def problems(path: Path = NOTEBOOK) -> list[str]:
    """What is wrong with the committed notebook: error outputs, foreign cells, stale outputs."""
    committed = nbformat.read(path, as_version=4)
    found = [f"celle {index + 1}: feilutdata {output.get('ename')}: {output.get('evalue')}"
             for index, cell in enumerate(committed.cells) for output in cell.get("outputs", [])
             if output.get("output_type") == "error"]
    if [c.source for c in committed.cells] != [source for _kind, source in CELLS]:
        found.append("cellene er ikke de calculators/notebook/notebook.py lager")
    elif not found and text_outputs(committed) != fresh_outputs():
        found.append("utdataene stemmer ikke med en ny kjøring av modellene (utdatert)")
    return found


def problems_remembered(path: Path = NOTEBOOK, cache_dir: Path = CACHE_DIR) -> list[str]:
    """``problems``, for the build: a notebook found sound is not read and compared again while
    it and what its outputs depend on (``inputs_fingerprint``: the models' code and data, and the
    cells) are unchanged. Only a sound result is remembered; a problem is found again each build."""
    key = hashlib.sha256(path.read_bytes() + b"\0" + inputs_fingerprint().encode()).hexdigest()[:24]
    if present(cache_dir / f"sound-{key}"):
        return []
    found = problems(path)
    if not found:
        for old in cache_dir.glob("sound-*"):  # one remembered notebook: the cache does not grow
            if old.is_dir():
                shutil.rmtree(old, ignore_errors=True)
            else:
                old.unlink(missing_ok=True)  # a marker file from before veileder.cache
        cached_entry(cache_dir, f"sound-{key}", lambda folder: None)  # an empty entry: «found sound»
    return found


def description(path: Path) -> str | None:
    """The ``description`` in a notebook's metadata (notebooks have no front matter)."""
    return json.loads(path.read_text(encoding="utf-8")).get("metadata", {}).get("description")


_EXTERNAL_LOADERS = (
    # MathJax: the loader points at a CDN (or, configured empty, at nothing); no formulas here.
    re.compile(r'<!-- Load mathjax -->.*?<script type="text/x-mathjax-config">.*?</script>'
               r'\s*<!-- End of mathjax configuration -->', re.DOTALL),
    # Mermaid: imported from a CDN when a notebook has diagrams; ours has none.
    re.compile(r'<script type="module">(?:(?!</script>).)*?mermaid.*?</script>', re.DOTALL),
)


def strip_external_loaders(content: str) -> str:
    """Remove nbconvert's script loaders that fetch from other hosts (the site loads nothing
    from other hosts, ever)."""
    for pattern in _EXTERNAL_LOADERS:
        content = pattern.sub("", content)
    return content


def write(path: Path = NOTEBOOK) -> Path:
    notebook = execute(build())
    path.write_text(nbformat.writes(notebook) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    print(f"Skrev {write().relative_to(ROOT)}", file=sys.stderr)

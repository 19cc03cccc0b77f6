/* Usikkerhet (issue 12): the interval, payback probability, tornado and plus-minus marks of a
 * calculator, kept live in the browser.
 *
 * The page already holds the block Python computed for the defaults
 * (calculators/site/render_uncertainty.py), so this file is not part of the page: it follows the
 * generated engine in assets/kalkulatorer/usikkerhet.<hash>.js (calculators/site/bundle.py), which the
 * runtime loads on the reader's first interaction with a calculator, or at once for a scenario
 * link. After each result (the runtime's "vl-resultat" event) it reads the ranges and marks in
 * the form, runs the generated Monte Carlo (globalThis.vlUsikkerhetMotor: uncertainty.run_step …)
 * with the model's compute in short slices so no task blocks the page, and redraws the block with
 * the generated view (uncertainty_block). Ranges and marks travel in the URL (lav_<id>,
 * hoy_<id>, pm_<id>); nothing is stored or sent.
 */
(function () {
  "use strict";
  if (globalThis.vlUsikkerhet) return;
  globalThis.vlUsikkerhet = true;
  const SLICE_MS = 12, DEBOUNCE_MS = 60, MARKS = ["pluss", "null", "minus"];

  function bind(root) {
    if (root.dataset.vlUncertaintyBound) return;
    const model = (globalThis.vlKalkulatorer || {})[root.dataset.vlCalc];
    const api = globalThis.vlKalkulator, engine = globalThis.vlUsikkerhetMotor, visning = globalThis.vlVisning;
    if (!model || !api || !api.build || !engine || !visning || !root.dataset.vlBound) return;
    root.dataset.vlUncertaintyBound = "1";
    const meta = model.meta, spec = meta.uncertainty || null, form = root.querySelector("form");
    const box = root.querySelector("[data-vl-uncertainty]");
    const inputs = new Map(meta.inputs.map((i) => [i.id, i]));
    let token = 0, timer = 0, last = null;
    // What the main headline card may show (view.interval_card): the analysis and the scenario it
    // belongs to (inputs and ranges). The build's figures belong to the defaults.
    const PENDING = { intervals: {}, shares: {}, payback: 0, samples: 0, no_effect: {} };
    const key = (values, ends) => JSON.stringify([meta.inputs.map((i) => values[i.id]), ends.lows, ends.highs]);
    const initial = spec ? { key: key(Object.fromEntries(meta.inputs.map((i) => [i.id, i.default])),
      { lows: spec.ranges.map((r) => r.low), highs: spec.ranges.map((r) => r.high) }), analysis: meta.interval.initial } : null;
    let shown = initial;
    const known = (k) => (shown && shown.key === k ? shown.analysis : initial && initial.key === k ? initial.analysis : null);

    function field(name) { return form.elements.namedItem(name); }

    function marks() {
      const chosen = {};
      for (const effect of meta.unpriced || []) {
        const select = field("pm_" + effect.id);
        if (select && MARKS.includes(select.value)) chosen[effect.id] = select.value;
      }
      return chosen;
    }

    const setError = (name, message) => root.vlMessage(field(name), message); // kalkulator.js

    // The ranges in the form. An end the reader has not set follows the value in the form
    // (uncertainty.moved_range, translated: the same spread in proportion to the value) and is
    // written into its field; an end the reader set (typed, or in the link) is checked: within
    // the input's bounds, low ≤ value ≤ high. An end with a mistake uses the moved value (and the
    // field says why).
    function ranges(values, quiet) {
      const lows = [], highs = [], moved = engine.moved_ends(spec, values, {});
      spec.ranges.forEach((r, j) => {
        const input = inputs.get(r.id), ends = [["lav_", moved.lows[j]], ["hoy_", moved.highs[j]]];
        const parsed = ends.map(([prefix, fallback]) => {
          const box = field(prefix + r.id);
          if (!box.dataset.vlOwn) {
            const text = visning.format_number(fallback, input.unit, true, true);
            if (!quiet && box.value !== text && document.activeElement !== box) box.value = text;
            if (!quiet) setError(prefix + r.id, "");
            return fallback;
          }
          // calculators/view/fields.py, translated: the same messages as Python's.
          const read = api.parseNumber(box.value);
          const message = read.error || globalThis.vlFelt.check_range_end(read.value, input, values[r.id], prefix === "lav_");
          if (!quiet) setError(prefix + r.id, message);
          return message ? fallback : read.value;
        });
        lows.push(parsed[0]);
        highs.push(parsed[1]);
      });
      return { lows, highs };
    }

    // The ranges and marks travel in the link beside the runtime's values (lav_<id>, hoy_<id>,
    // pm_<id>: calculators/view/scenario_links.py, read and written through the runtime).
    function writeUrl(chosen, ends) {
      const link = { lows: {}, highs: {}, marks: chosen };
      if (spec) {
        spec.ranges.forEach((r, j) => {
          if (field("lav_" + r.id).dataset.vlOwn) link.lows[r.id] = ends.lows[j];
          if (field("hoy_" + r.id).dataset.vlOwn) link.highs[r.id] = ends.highs[j];
        });
      }
      root.vlWriteLink(link);
    }

    function readUrl() {
      const link = api.readLink(meta);
      for (const [prefix, ends] of [["lav_", link.lows], ["hoy_", link.highs]]) {
        for (const [id, value] of Object.entries(ends)) {
          const box = field(prefix + id);
          box.value = visning.format_number(value, inputs.get(id).unit, true, true);
          box.dataset.vlOwn = "1";
        }
      }
      for (const [id, mark] of Object.entries(link.marks)) field("pm_" + id).value = mark;
    }

    // The headline card's figures, only for the numbers on screen: else «beregner …».
    root.vlIntervall = (values) => (spec && known(key(values, ranges(values, true)))) || PENDING;

    function drawCard(point, k, analysis) {
      shown = { key: k, analysis };
      for (const card of root.querySelectorAll("[data-vl-range-summary]")) {
        card.replaceWith(api.build(visning.interval_card(meta, point, analysis, card.dataset.vlRangeSummary), false));
      }
      api.showPeek(root);
    }

    // The tornado is drawn like the runtime's charts: its viewBox is the block's width in pixels
    // and its text the page's size (≥ 16 px; larger in presentation mode), redrawn when that changes.
    let drawnAt = "", shownBlock = null;
    function size() {
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 20;
      const presenting = document.documentElement.classList.contains("vl-present");
      const style = getComputedStyle(box), inner = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return [Math.max(240, Math.floor((inner || 720) / 10) * 10), Math.round(presenting ? Math.max(24, rem * 1.1) : rem * 0.8)];
    }

    // The block's view comes with the rest of the results view (globalThis.vlVisningMer,
    // assets/kalkulatorer/mer.<hash>.js). The page as built holds the block for the defaults
    // (``asBuilt``): it stays until that file is here for another reason (a change, the block
    // near the screen: «vl-mer»); for any other scenario the file is loaded and the block drawn.
    function draw(point, analysis, chosen, asBuilt) {
      if (!box) return;
      shownBlock = [point, analysis, chosen, asBuilt];
      const later = globalThis.vlVisningMer;
      if (!later) {
        if (asBuilt) box.removeAttribute("aria-busy");
        else root.vlLoadLater().then(() => { if (shownBlock && globalThis.vlVisningMer) draw(...shownBlock); }, () => {});
        return;
      }
      const [width, font] = size();
      drawnAt = width + "," + font;
      const nodes = spec ? later.uncertainty_block(meta, point, analysis, chosen, width, font)
        : later.unpriced_block(meta, chosen);
      // Focus inside the block (a jump to its heading) stays where it was.
      const focused = box.contains(document.activeElement) ? document.activeElement.id : "";
      box.replaceChildren(...nodes.map((node) => api.build(node, false)));
      const again = focused && document.getElementById(focused);
      if (again) { again.setAttribute("tabindex", "-1"); again.focus({ preventScroll: true }); }
      box.removeAttribute("aria-busy"); // set by the runtime while this file was on its way
    }
    if (box && spec && globalThis.ResizeObserver) {
      new ResizeObserver(() => requestAnimationFrame(() => {
        if (shownBlock && size().join() !== drawnAt) draw(...shownBlock);
      })).observe(box);
    }

    // One run, in slices that each take about SLICE_MS and yield to the page between them: first
    // the tornado (two computes per range) and the «no effect» figure, then the draws. A newer
    // run cancels an older one.
    function run(values, point) {
      const chosen = marks();
      const built = Object.keys(chosen).length === 0;
      if (!spec) { writeUrl(chosen, null); draw(point, null, chosen, built); return; }
      const ends = ranges(values);
      writeUrl(chosen, ends);
      const mine = ++token, runSpec = Object.assign({}, spec, ends), k = key(values, ends);
      const asBuilt = built && k === initial.key && !meta.profile; // a municipality's own figures (profil.js) are not the build's
      let pending = null, job = null;
      delete root.dataset.vlIntervalReady;
      const slice = () => {
        if (mine !== token) return;
        const start = performance.now();
        if (!pending) {
          const noEffect = spec.no_effect && Object.keys(spec.no_effect).length
            ? model.compute(Object.assign({}, values, spec.no_effect)) : {};
          pending = { intervals: {}, shares: {}, means: {}, payback: 0, samples: 0, no_effect: noEffect,
            tornado: engine.run_tornado(model.compute, values, runSpec) };
          job = engine.run_start(runSpec);
          setTimeout(slice, 0);
          return;
        }
        if (start && !pending.drawn) { // the new likely value at once; the interval follows
          pending.drawn = true;
          draw(point, pending, chosen, asBuilt);
          if (!known(k)) drawCard(point, k, Object.assign({}, PENDING, { no_effect: pending.no_effect }));
          setTimeout(slice, 0);
          return;
        }
        while (job.done < runSpec.samples && performance.now() - start < SLICE_MS) {
          job = engine.run_step(model.compute, values, runSpec, job, 5);
        }
        if (job.done < runSpec.samples) { setTimeout(slice, 0); return; }
        const analysis = Object.assign(pending, engine.run_result(runSpec, job));
        last = { values, point, analysis, ranges: ends, marks: chosen };
        draw(point, analysis, chosen, asBuilt);
        drawCard(point, k, analysis);
        root.dataset.vlIntervalReady = String(mine);
        root.dispatchEvent(new CustomEvent("vl-intervall", { detail: last }));
      };
      setTimeout(slice, 0);
    }

    function schedule() {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const scenario = api.scenario(root);
        if (scenario) run(scenario.values, scenario.outputs);
      }, DEBOUNCE_MS);
    }

    // For the exports (issue 13): vlKalkulator.scenario(root) includes these.
    root.vlUsikkerhet = () => ({
      uncertainty: last ? { intervals: last.analysis.intervals, shares: last.analysis.shares,
        means: last.analysis.means, payback: last.analysis.payback,
        samples: last.analysis.samples, no_effect: last.analysis.no_effect, tornado: last.analysis.tornado } : null,
      ranges: last && spec ? Object.fromEntries(spec.ranges.map((r, j) => [r.id, [last.ranges.lows[j], last.ranges.highs[j]]])) : {},
      marks: marks(),
      unpriced: meta.unpriced || [],
    });

    root.addEventListener("vl-resultat", schedule);
    root.addEventListener("vl-mer", () => { if (shownBlock) draw(...shownBlock); });
    // A low or high the reader types is theirs: it no longer follows the value.
    form.addEventListener("input", (event) => {
      if (/^(lav|hoy)_/.test(event.target.name || "")) event.target.dataset.vlOwn = "1";
    });
    form.addEventListener("click", (event) => {
      const action = event.target.closest("[data-vl-action='reset']");
      if (!action) return;
      if (spec) spec.ranges.forEach((r) => {
        const input = inputs.get(r.id);
        for (const [prefix, value] of [["lav_", r.low], ["hoy_", r.high]]) {
          const box = field(prefix + r.id);
          box.value = visning.format_number(value, input.unit, true, true);
          delete box.dataset.vlOwn;
        }
      });
      for (const effect of meta.unpriced || []) field("pm_" + effect.id).value = "";
      schedule();
    }, true);
    readUrl();
    schedule();
  }

  function start() {
    for (const root of document.querySelectorAll("[data-vl-calc]")) {
      if (root.dataset.vlBound) bind(root);
      else root.addEventListener("vl-bundet", () => bind(root), { once: true });
    }
  }

  // Loaded after the page (by the runtime): bind now, and on every page instant navigation shows.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  if (globalThis.document$ && typeof globalThis.document$.subscribe === "function") {
    globalThis.document$.subscribe(start);
  }
})();

/* Kalkulatorer: the one runtime for every calculator on the site.
 *
 * The page already holds the form and the results Python computed at build time
 * (calculators/render.py). This file makes them live: it parses Norwegian numbers, checks them
 * against the model's bounds, runs the model's generated compute() (assets/kalkulatorer/<id>.js)
 * and rebuilds the results with DOM APIs only (never innerHTML). The scenario lives in the URL;
 * nothing is stored and nothing is sent anywhere.
 */
(function () {
  "use strict";
  // Material re-runs scripts in the page on instant navigation: set up once.
  if (globalThis.vlKalkulator) return;
  globalThis.vlKalkulator = true;

  const NBSP = "\u00a0", MINUS = "\u2212";
  // Keep in step with calculators/render.py.
  const DECIMALS = { "kr": 0, "kr/time": 0, "kr/år": 0, "kr/møte": 0, "timer": 2, "%": 2, "år": 0,
    "antall": 2, "G": 2, "faktor": 3 };
  const UNIT_LABELS = { "kr": "kr", "kr/time": "kr per time", "kr/år": "kr per år",
    "kr/møte": "kr per møte", "timer": "timer", "%": "%", "år": "år", "antall": "", "G": "G",
    "faktor": "" };
  const TEXT = {
    empty: "Feltet er tomt. Skriv et tall, for eksempel 1 000 eller 2,5.",
    notNumber: "Skriv bare et tall, for eksempel 1 000 eller 2,5.",
    tooSmall: "Tallet må være minst {min}.",
    tooLarge: "Tallet kan ikke være større enn {max}.",
    notInteger: "Skriv et helt tall, uten desimaler.",
    stale: "Resultatet er ikke oppdatert. Rett feltet som er merket.",
    notComputable: "Resultatet er ikke oppdatert: disse tallene gir ingen beregning (for eksempel deling på null).",
    ignored: "Noen verdier i lenken ble ikke brukt fordi de er ukjente eller ugyldige: ",
    copied: "Lenken er kopiert.",
    copyFailed: "Kunne ikke kopiere. Merk og kopier adressen i adressefeltet: ",
    reset: "Alle felt er tilbakestilt til standardverdiene.",
    allResults: "Alle resultater", result: "Resultat", value: "Verdi", year: "År",
    perYear: "år for år", whoPays: "Hvem betaler og hvem sparer", holder: "Budsjett", sum: "Sum",
    never: "ikke innen perioden", chart: "Søylediagram: {label}. Tallene står i tabellen.",
    positiveSaves: "Positive tall er besparelser, negative tall er kostnader.",
    lineChart: "Linjediagram: {label}, summert for {levels}. Tallene står i tabellen.", and: "og",
  };
  // Chart geometry in SVG user units: the same numbers as CHART in calculators/render.py.
  const CHART = { width: 400, char: 7.5, scale: 1.25, label: 18, bar: 14, gap: 10,
    legend: 18, sample: 28, plot: 180, band: 16, edge: 12 };
  const IGNORED_PARAMS = ["q", "h"]; // Material's search and highlight

  // ---- numbers -------------------------------------------------------------------------------
  // |x| with d decimals, exact ties to even — what Python's format() does (V8's toFixed is exact
  // but sends ties away from zero).
  function fixed(x, d) {
    const a = Math.abs(x), s = a.toFixed(Math.min(100, d + 30)), dot = s.indexOf(".");
    if (a >= 1e21 || dot < 0) return a.toFixed(d);
    const keep = d > 0 ? s.slice(0, dot + d + 1) : s.slice(0, dot);
    const tie = s[dot + d + 1] === "5" && /^0*$/.test(a.toFixed(100).slice(dot + d + 2));
    return tie && Number(keep[keep.length - 1]) % 2 === 0 ? keep : a.toFixed(d);
  }

  // exact (an input's value, as typed): every decimal the number has (mirrors render.format_number).
  function formatNumber(value, unit, bare, exact) {
    const typed = exact && !/e/.test(String(value)) ? (String(value).split(".")[1] || "").length : 0;
    const digits = fixed(value, Math.max(DECIMALS[unit], typed));
    let [whole, fraction = ""] = digits.split(".");
    fraction = fraction.replace(/0+$/, "");
    let grouped = "";
    while (whole.length > 3) { grouped = NBSP + whole.slice(-3) + grouped; whole = whole.slice(0, -3); }
    let text = whole + grouped + (fraction ? "," + fraction : "");
    if (value < 0 && /[1-9]/.test(digits)) text = MINUS + text;
    const label = UNIT_LABELS[unit];
    return label && !bare ? text + NBSP + label : text;
  }

  function formatOutput(value, output) {
    if (output.kind === "year") return value < 0 ? TEXT.never : TEXT.year.toLowerCase() + NBSP + value;
    return formatNumber(value, output.unit);
  }

  // Norwegian input: "1 000", "1000,5", "1.000,5", "kr 1 000", "50 %", "−3"; spaces may be
  // ordinary, no-break (U+00A0) or narrow no-break (U+202F) — \s covers all three.
  function parseNumber(raw) {
    let s = raw.replace(/\s+/g, "").replace(/\u2212/g, "-").replace(/^kr\.?/i, "").replace(/(kr|%)\.?$/i, "");
    if (s === "") return { error: raw.trim() === "" ? TEXT.empty : TEXT.notNumber };
    if (s.includes(",")) s = s.replace(/\./g, "").replace(",", ".");
    else if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, "");
    if (!/^-?\d+(\.\d+)?$/.test(s)) return { error: TEXT.notNumber };
    return { value: Number(s) };
  }

  function check(value, input) {
    if (!isFinite(value)) return TEXT.notNumber;
    if (value < input.min) return TEXT.tooSmall.replace("{min}", formatNumber(input.min, input.unit));
    if (value > input.max) return TEXT.tooLarge.replace("{max}", formatNumber(input.max, input.unit));
    if (input.integer && value !== Math.trunc(value)) return TEXT.notInteger;
    return "";
  }

  function finite(x) {
    if (typeof x === "number") return isFinite(x);
    if (Array.isArray(x)) return x.every(finite);
    return x !== null && typeof x === "object" && Object.values(x).every(finite);
  }

  // ---- DOM builders (mirror calculators/render.py) -------------------------------------------
  function el(tag, attrs, ...children) {
    const node = tag.startsWith("svg:")
      ? document.createElementNS("http://www.w3.org/2000/svg", tag.slice(4))
      : document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
    node.append(...children.filter((c) => c !== null));
    return node;
  }

  function table(caption, head, rows, cls) {
    return el("div", { class: "md-typeset__scrollwrap" }, el("div", { class: "md-typeset__table" },
      el("table", { class: "vl-calc__table" + (cls || "") }, el("caption", null, caption),
        el("thead", null, el("tr", null, ...head.map((h) => el("th", { scope: "col" }, h)))),
        el("tbody", null, ...rows))));
  }

  function row(label, ...cells) {
    return el("tr", null, el("th", { scope: "row" }, label), ...cells.map((c) => el("td", null, c)));
  }

  // Width of the viewBox: wide enough for the longest text (mirrors _width in render.py).
  function width(texts, indent) {
    return Math.max(CHART.width, Math.ceil((indent || 0) + CHART.char * Math.max(0, ...texts.map((t) => t.length))));
  }

  function svgRoot(w, h, label) { // mirrors render._svg
    return el("svg:svg", { class: "vl-calc__chart", viewBox: `0 0 ${w} ${h}`, width: Math.ceil(w * CHART.scale),
      height: Math.ceil(h * CHART.scale), role: "img", "aria-label": label });
  }

  // Bar chart: «label: value» on its own line above each full-width bar (mirrors render.chart).
  function chart(caption, labels, values, unit) {
    const texts = values.map((v, i) => labels[i] + ": " + formatNumber(v, unit));
    const w = width(texts), step = CHART.label + CHART.bar + CHART.gap;
    const top = Math.max(0, ...values.map(Math.abs)) || 1;
    const zero = values.some((v) => v < 0) ? w / 2 : 0, scale = (w - zero) / top;
    const axis = el("svg:path", { class: "vl-calc__axis" });
    const svg = svgRoot(w, values.length * step, TEXT.chart.replace("{label}", caption));
    svg.append(axis);
    let d = "";
    values.forEach((v, i) => {
      const y = i * step, length = Math.abs(v) * scale, barY = y + CHART.label;
      d += `M${zero.toFixed(1)} ${barY - 2}v${CHART.bar + 4}`;
      svg.append(el("svg:text", { x: 0, y: y + 13, "text-anchor": "start" }, texts[i]),
        el("svg:rect", { class: v < 0 ? "vl-calc__bar--neg" : "vl-calc__bar",
          x: (v < 0 ? zero - length : zero).toFixed(1), y: barY, width: length.toFixed(1), height: CHART.bar }));
    });
    axis.setAttribute("d", d);
    return svg;
  }

  function marker(level, x, y) { // mirrors render.marker
    const f = (n) => n.toFixed(1);
    return { kommune: `M${f(x - 3.5)} ${f(y - 3.5)}h7v7h-7z`, fylkeskommune: `M${f(x)} ${f(y - 4.5)}l4.5 8h-9z`,
      stat: `M${f(x)} ${f(y - 5)}l5 5-5 5-5-5z`, samfunnet: `M${f(x - 4)} ${f(y)}a4 4 0 1 0 8 0a4 4 0 1 0-8 0z` }[level];
  }

  // Line chart: one line per level over the years (mirrors render.line_chart).
  function lineChart(meta, caption, series, unit) {
    const years = Math.max(0, ...series.map((s) => s[1].length)), all = series.flatMap((s) => s[1]);
    const legend = series.map(([level, v]) => meta.levels[level] + ", " + TEXT.year.toLowerCase() + " " +
      (v.length - 1) + ": " + formatNumber(v[v.length - 1], unit));
    const w = width(legend, CHART.sample + 8), hi = Math.max(0, ...all), lo = Math.min(0, ...all);
    const top = series.length * CHART.legend + 4 + CHART.band, bottom = top + CHART.plot;
    const yOf = (v) => top + (hi - v) / ((hi - lo) || 1) * CHART.plot;
    const xOf = (t) => years > 1 ? CHART.edge + t * ((w - 2 * CHART.edge) / (years - 1)) : w / 2;
    const names = series.map(([level]) => meta.levels[level].toLowerCase());
    const levels = names.length > 1 ? names.slice(0, -1).join(", ") + " " + TEXT.and + " " + names[names.length - 1] : names.join("");
    const svg = svgRoot(w, bottom + 3 * CHART.band + 4, TEXT.lineChart.replace("{label}", caption).replace("{levels}", levels));
    const text = (attrs, content) => el("svg:text", attrs, content);
    const line = (level) => "vl-calc__line vl-calc__line--" + level, mark = (level) => "vl-calc__marker vl-calc__marker--" + level;
    series.forEach(([level], i) => {
      const y = i * CHART.legend + 9;
      svg.append(el("svg:line", { class: line(level), x1: 0, y1: y, x2: CHART.sample, y2: y }),
        el("svg:path", { class: mark(level), d: marker(level, CHART.sample / 2, y) }),
        text({ x: CHART.sample + 8, y: y + 4, "text-anchor": "start" }, legend[i]));
    });
    const zero = yOf(0).toFixed(1), ticks = [[0, yOf(0) - 4]];
    let grid = "";
    if (hi !== 0) { grid += `M0 ${top.toFixed(1)}H${w}`; ticks.push([hi, top - 4]); }
    if (lo !== 0) { grid += `M0 ${bottom.toFixed(1)}H${w}`; ticks.push([lo, bottom + 13]); }
    svg.append(el("svg:path", { class: "vl-calc__grid", d: grid }),
      el("svg:line", { class: "vl-calc__axis", x1: 0, y1: zero, x2: w, y2: zero }),
      ...ticks.map(([v, y]) => text({ class: "vl-calc__tick", x: 0, y: y.toFixed(1), "text-anchor": "start" }, formatNumber(v, unit))));
    const every = Math.ceil(years / 12) || 1;
    for (let t = 0; t < years; t += every) {
      svg.append(text({ x: xOf(t).toFixed(1), y: bottom + CHART.band + 13, "text-anchor": "middle" }, String(t)));
    }
    svg.append(text({ x: (w / 2).toFixed(1), y: bottom + 2 * CHART.band + 13, "text-anchor": "middle" }, TEXT.year));
    for (const [level, values] of series) {
      const points = values.map((v, t) => [xOf(t), yOf(v)]);
      svg.append(el("svg:polyline", { class: line(level), points: points.map(([x, y]) => x.toFixed(1) + "," + y.toFixed(1)).join(" ") }),
        el("svg:path", { class: mark(level), d: points.map(([x, y]) => marker(level, x, y)).join("") }));
    }
    return svg;
  }

  function holderRows(meta, value) {
    return meta.holders.filter(([id]) => id in value).map(([id, label, level]) => [level, label, value[id]]);
  }

  function results(meta, out) {
    const parts = [];
    const headline = meta.outputs.filter((o) => o.headline);
    if (headline.length) {
      parts.push(el("dl", { class: "vl-calc__headline" }, ...headline.map((o) => el("div", null,
        el("dt", null, o.label), el("dd", { "data-vl-value": o.id }, formatOutput(out[o.id], o))))));
    }
    const scalars = meta.outputs.filter((o) => o.kind === "number" || o.kind === "year");
    parts.push(table(TEXT.allResults, [TEXT.result, TEXT.value], scalars.map((o) => {
      const tr = row(o.label, formatOutput(out[o.id], o));
      tr.lastChild.setAttribute("data-vl-value", o.id);
      return tr;
    })));
    for (const o of meta.outputs) {
      const value = out[o.id], caption = o.label + ", " + TEXT.perYear;
      if (o.kind === "years") {
        const labels = value.map((_, t) => TEXT.year + " " + t);
        parts.push(el("h3", null, caption), chart(caption, labels, value, o.unit),
          table(caption, [TEXT.year, o.label], value.map((v, t) => row(labels[t], formatNumber(v, o.unit))), " vl-calc__years"));
      } else if (o.kind === "by_holder") {
        parts.push(...byHolder(meta, o, value));
      } else if (o.kind === "years_by_holder") {
        parts.push(...yearsByHolder(meta, o, value, caption));
      }
    }
    return parts;
  }

  // [level, yearly sum of its holders] for each level with a holder present (render.level_series).
  function levelSeries(meta, present) {
    return Object.keys(meta.levels).map((level) => [level, present.filter((p) => p[0] === level)])
      .filter(([, mine]) => mine.length)
      .map(([level, mine]) => [level, mine[0][2].map((_, t) => mine.reduce((s, p) => s + p[2][t], 0))]);
  }

  function yearsByHolder(meta, o, value, caption) {
    const present = holderRows(meta, value), series = levelSeries(meta, present), rows = [];
    const years = Math.max(0, ...present.map((p) => p[2].length));
    const cells = (xs) => xs.map((x) => formatNumber(x, o.unit));
    for (const [level, total] of series) {
      const mine = present.filter((p) => p[0] === level);
      rows.push(...mine.map(([, label, v]) => row(label, ...cells(v))));
      if (mine.length > 1) {
        const tr = row(TEXT.sum + " " + meta.levels[level].toLowerCase(), ...cells(total));
        tr.className = "vl-calc__sum";
        rows.push(tr);
      }
    }
    const head = [TEXT.holder, ...Array.from({ length: years }, (_, t) => TEXT.year + " " + t)];
    return [el("h3", null, caption), lineChart(meta, caption, series, o.unit),
      el("details", { class: "vl-calc__details" }, el("summary", null, caption), table(caption, head, rows))];
  }

  function byHolder(meta, o, value) {
    const present = holderRows(meta, value), rows = [];
    for (const level of Object.keys(meta.levels)) {
      const mine = present.filter((p) => p[0] === level);
      rows.push(...mine.map(([, label, v]) => row(label, formatNumber(v, o.unit))));
      if (mine.length > 1) {
        const tr = row(TEXT.sum + " " + meta.levels[level].toLowerCase(),
          formatNumber(mine.reduce((s, p) => s + p[2], 0), o.unit));
        tr.className = "vl-calc__sum";
        rows.push(tr);
      }
    }
    const caption = TEXT.whoPays + ": " + o.label;
    return [el("h3", null, TEXT.whoPays), el("p", null, TEXT.positiveSaves),
      chart(caption, present.map((p) => p[1]), present.map((p) => p[2]), o.unit),
      table(caption, [TEXT.holder, o.label], rows)];
  }

  // ---- one calculator ------------------------------------------------------------------------
  function bind(root) {
    if (root.dataset.vlBound) return;
    const model = (globalThis.vlKalkulatorer || {})[root.dataset.vlCalc];
    if (!model) { // its script has not run yet: try again when it has
      const script = document.querySelector(`script[data-vl-model="${root.dataset.vlCalc}"]`);
      if (script) script.addEventListener("load", () => bind(root), { once: true });
      return;
    }
    root.dataset.vlBound = "1";
    const meta = model.meta, form = root.querySelector("form");
    const fields = new Map(meta.inputs.map((i) => [i.id, form.elements.namedItem(i.id)]));
    const out = root.querySelector("[data-vl-out]"), stale = root.querySelector(".vl-calc__stale");
    const live = root.querySelector(".vl-calc__live"), notice = root.querySelector(".vl-calc__notice");
    const preset = root.querySelector("[data-vl-preset]");
    let announceTimer = 0;

    function setError(input, message) {
      const field = fields.get(input.id), error = document.getElementById(field.id + "-feil");
      error.textContent = message;
      error.hidden = !message;
      if (message) field.setAttribute("aria-invalid", "true"); else field.removeAttribute("aria-invalid");
    }

    function read() {
      const values = {};
      let ok = true;
      for (const input of meta.inputs) {
        const parsed = parseNumber(fields.get(input.id).value);
        const message = parsed.error || check(parsed.value, input);
        setError(input, message);
        if (message) ok = false; else values[input.id] = parsed.value;
      }
      return ok ? values : null;
    }

    function markStale(message) {
      stale.textContent = message;
      stale.hidden = false;
      out.classList.add("vl-calc__out--stale");
    }

    function update(announce) {
      const values = read();
      if (!values) return markStale(TEXT.stale);
      let result = null;
      try { result = model.compute(values); } catch (error) { result = null; }
      if (!result || !finite(result)) return markStale(TEXT.notComputable);
      stale.hidden = true;
      out.classList.remove("vl-calc__out--stale");
      out.replaceChildren(...results(meta, result));
      writeUrl(values);
      if (announce) {
        clearTimeout(announceTimer);
        announceTimer = setTimeout(() => {
          live.textContent = meta.outputs.filter((o) => o.headline)
            .map((o) => o.label + ": " + formatOutput(result[o.id], o)).join(". ");
        }, 800);
      }
    }

    function setValues(values) {
      for (const input of meta.inputs) {
        const value = input.id in values ? values[input.id] : input.default;
        fields.get(input.id).value = formatNumber(value, input.unit, true, true);
      }
    }

    // A chosen preset goes into the URL as ?preset=<id> while the fields hold its values; an edit
    // away from them turns the choice into «Egne tall» and the URL into the values themselves.
    function writeUrl(values) {
      const params = new URLSearchParams(location.search);
      const chosen = preset && Object.hasOwn(meta.presets, preset.value) ? meta.presets[preset.value] : null;
      if (chosen && meta.inputs.some((i) => values[i.id] !== (i.id in chosen ? chosen[i.id] : i.default))) preset.value = "";
      const named = preset ? preset.value : "";
      for (const input of meta.inputs) {
        if (!named && values[input.id] !== input.default) params.set(input.id, String(values[input.id]));
        else params.delete(input.id);
      }
      if (named) params.set("preset", named); else params.delete("preset");
      const query = params.toString();
      history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }

    function readUrl() {
      const params = new URLSearchParams(location.search), values = {}, ignored = [];
      const presetId = params.get("preset");
      if (presetId !== null) {
        if (Object.hasOwn(meta.presets, presetId)) {
          Object.assign(values, meta.presets[presetId]);
          if (preset) preset.value = presetId;
        } else ignored.push("preset=" + presetId);
      }
      for (const [key, raw] of params) {
        if (key === "preset" || IGNORED_PARAMS.includes(key)) continue;
        const input = meta.inputs.find((i) => i.id === key);
        const value = /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
        if (input && !check(value, input)) values[key] = value;
        else ignored.push(key + "=" + raw);
      }
      if (ignored.length) { // textContent: URL values are never HTML
        notice.textContent = TEXT.ignored + ignored.join(", ");
        notice.hidden = false;
      }
      return values;
    }

    form.addEventListener("input", (event) => { if (event.target !== preset) update(true); });
    form.addEventListener("submit", (event) => { event.preventDefault(); update(true); });
    if (preset) {
      preset.addEventListener("change", () => {
        setValues(meta.presets[preset.value] || {});
        update(true);
      });
    }
    form.addEventListener("click", (event) => {
      const action = event.target.closest("[data-vl-action]");
      if (!action) return;
      if (action.dataset.vlAction === "reset") {
        setValues({});
        if (preset) preset.value = "";
        notice.hidden = true;
        update(false);
        live.textContent = TEXT.reset;
      } else if (action.dataset.vlAction === "copy") {
        const href = location.href;
        const done = () => { live.textContent = TEXT.copied; };
        const failed = () => { notice.textContent = TEXT.copyFailed + href; notice.hidden = false; };
        if (navigator.clipboard) navigator.clipboard.writeText(href).then(done, failed); else failed();
      }
    });
    root.querySelector(".vl-calc__actions").hidden = false;
    const fromUrl = readUrl();
    if (Object.keys(fromUrl).length) { setValues(fromUrl); update(false); }
  }

  function start() {
    for (const root of document.querySelectorAll("[data-vl-calc]")) bind(root);
  }

  // Material's document$ emits on first load and after every instant navigation.
  if (globalThis.document$ && typeof globalThis.document$.subscribe === "function") {
    globalThis.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

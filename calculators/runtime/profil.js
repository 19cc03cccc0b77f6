/* Kommunens egne tall (issue 29): a stored profile becomes every calculator's defaults.
 *
 * Loaded by kalkulator-start.js only when a profile is stored (sessionStorage, or localStorage
 * when the reader chose «Husk på denne maskinen»), and by the importer on the egne-tall page.
 * In the site it follows its data (globalThis.vlProfilData, from calculators/site/profile.py and
 * profile.yaml: the lines, every text, the price year and G) in assets/kalkulatorer/profil.<hash>.js.
 *
 * apply() changes the models' metadata before the runtime binds them (and again when the reader
 * switches the profile off or on): an input's default becomes the profile's value, a preset's
 * price line too (a 0 in a preset says «not counted» and stays), and the uncertainty ranges follow
 * the new value by uncertainty.moved_range, exactly as for a typed value, because the ranges stay
 * declared around the site's value. The scenario link carries only what differs from the defaults,
 * so it never carries the profile. Nothing is sent anywhere.
 */
(function () {
  "use strict";
  if (globalThis.vlProfil) return;
  const DATA = globalThis.vlProfilData, T = DATA.texts, OFF = DATA.key + "-av";
  // This file is assets/kalkulatorer/profil.<hash>.js (or the importer's): the site is two folders up.
  const SITE = new URL("../../", document.currentScript && document.currentScript.src ? document.currentScript.src : location.href);
  const PENDING = { intervals: {}, shares: {}, payback: 0, samples: 0, no_effect: {} };

  function fill(text, values) {
    return String(text).replace(/\{([^}]+)\}/g, (all, key) => (key in values ? String(values[key]) : all));
  }

  function number(value, unit) {
    const text = new Intl.NumberFormat("nb-NO", { maximumFractionDigits: 3 }).format(value).replace(/-/g, "\u2212");
    return unit ? text + "\u00a0" + (DATA.units[unit] || unit) : text; // «250 000 kr per år», as the page writes it
  }

  function day(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
    return m ? Number(m[3]) + "." + Number(m[2]) + "." + m[1] : "";
  }

  function storage(kind) {
    try { return kind === "local" ? localStorage : sessionStorage; } catch (e) { return null; }
  }

  // The profile: {name, source, year, date, values: {line id: number}, sources: {…}, years: {…}}.
  function read() {
    for (const kind of ["session", "local"]) {
      const store = storage(kind), raw = store && store.getItem(DATA.key);
      if (!raw) continue;
      try {
        const p = JSON.parse(raw);
        if (p && typeof p === "object" && p.values && typeof p.values === "object") return Object.assign(p, { remembered: kind === "local" });
      } catch (e) { /* a broken entry is no profile */ }
    }
    return null;
  }

  function save(profile, remember) {
    const text = JSON.stringify(Object.assign({}, profile, { remembered: undefined }));
    const session = storage("session"), local = storage("local");
    if (session) { session.setItem(DATA.key, text); session.removeItem(OFF); }
    if (local) { if (remember) local.setItem(DATA.key, text); else local.removeItem(DATA.key); }
  }

  function forget() {
    for (const kind of ["session", "local"]) {
      const store = storage(kind);
      if (store) { store.removeItem(DATA.key); store.removeItem(OFF); }
    }
  }

  function switchedOff() {
    const store = storage("session");
    return !!(store && store.getItem(OFF));
  }

  function label(profile) {
    const name = [profile.name || T.uten_navn, profile.source].filter(Boolean).join(", ");
    return name;
  }

  // Old figures: each line's own year (else the profile's) against the site's price year, grouped by
  // year, each group with that year's G. On a calculator page (modelId) only the lines it uses.
  // Rates (percent, hours) are not prices and are not compared.
  function staleness(profile, modelId) {
    const price = DATA.price_year, years = profile.years || {}, older = new Map(), newer = new Map();
    for (const l of DATA.lines) {
      if (!l.price || typeof profile.values[l.id] !== "number") continue;
      if (modelId && !l.targets.some((t) => t[0] === modelId)) continue;
      const year = Number(years[l.id] || profile.year);
      if (!year || year === price) continue;
      const group = year < price ? older : newer;
      if (!group.has(year)) group.set(year, []);
      group.get(year).push(l.label + (modelId ? "" : " (" + l.calculators.join(", ") + ")"));
    }
    const listed = (group) => [...group.entries()].sort((a, b) => a[0] - b[0]).map(([year, labels]) => {
      const g = DATA.g[String(price)], old = DATA.g[String(year)];
      return fill(g && old && year < price ? T.gammel_linje : T.gammel_linje_uten_g,
        { ar: year, felt: labels.join(", "), g: number(g || 0), g_gammel: number(old || 0) });
    }).join("; ");
    const parts = [];
    if (older.size) parts.push(fill(T.gammel, { prisar: price, grupper: listed(older) }));
    if (newer.size) parts.push(fill(T.nyere, { prisar: price, grupper: listed(newer) }));
    return parts.join(" ");
  }

  // uncertainty.moved_range's rule for a preset's line: a 0 says «not counted» and stays; another
  // price line takes the profile's value.
  function presetValue(value, profileValue) {
    return value === 0 ? 0 : profileValue;
  }

  // Does a field of the calculator hold one of the municipality's figures (the form as typed)?
  function onScreen(id, meta) {
    const form = document.querySelector('[data-vl-calc="' + id + '"] form'), read = globalThis.vlFelt && globalThis.vlFelt.read_number;
    if (!form || !read || !meta.profile.values) return true;
    return Object.entries(meta.profile.values).some(([inputId, value]) => {
      const field = form.elements.namedItem(inputId), typed = field && read(field.value);
      return !!typed && !typed.error && typed.value === value;
    });
  }

  function sourceOf(profile, lineId) {
    const own = (profile.sources || {})[lineId], ownYear = (profile.years || {})[lineId] || "";
    const kommune = profile.name || T.uten_navn;
    if (own) return kommune + ": " + own + (ownYear ? ", " + ownYear : "");
    const source = profile.source || "", year = ownYear || profile.year || "";
    const yearText = !year || source.includes(String(year)) ? "" : source && !/\b(19|20)\d\d\b/.test(source) ? " " + year : ", " + year;
    return [kommune, source].filter(Boolean).join(", ") + yearText;
  }

  function applyTo(id, model, profile) {
    const meta = model.meta;
    if (!model.vlSite) {
      model.vlSite = { defaults: meta.inputs.map((i) => i.default), presets: JSON.parse(JSON.stringify(meta.presets)),
        noEffect: meta.uncertainty ? Object.assign({}, meta.uncertainty.no_effect) : null, initial: meta.interval && meta.interval.initial };
      const sentence = model.view.sentence;
      // «(Regnet med kommunens tall …)» only while a field on screen holds one of them.
      model.view.sentence = (out) => sentence(out) + (meta.profile && onScreen(id, meta) ? " " + meta.profile.sentence : "");
    }
    const site = model.vlSite, own = {};
    if (profile) {
      for (const line of DATA.lines) {
        for (const [modelId, inputId] of line.targets) {
          if (modelId === id && typeof profile.values[line.id] === "number") own[inputId] = { line, value: profile.values[line.id] };
        }
      }
    }
    meta.inputs.forEach((input, j) => { input.default = input.id in own ? own[input.id].value : site.defaults[j]; });
    for (const [presetId, values] of Object.entries(site.presets)) {
      meta.presets[presetId] = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, k in own ? presetValue(v, own[k].value) : v]));
    }
    if (site.noEffect) {
      meta.uncertainty.no_effect = Object.fromEntries(Object.entries(site.noEffect).map(([k, v]) => [k, k in own ? presetValue(v, own[k].value) : v]));
    }
    const differs = meta.inputs.some((input, j) => input.default !== site.defaults[j]);
    // The build's interval belongs to the site's figures: with other defaults it is worked out anew.
    if (meta.interval) meta.interval.initial = differs ? PENDING : site.initial;
    if (!Object.keys(own).length) { delete meta.profile; return 0; }
    const name = label(profile), date = day(profile.date), entries = Object.entries(own);
    const ownYear = (o) => (profile.years || {})[o.line.id] || "", yearOf = (o) => ownYear(o) || profile.year || "";
    meta.profile = {
      name, date, sentence: fill(T.setning, { navn: name }), link: fill(T.notat_lenke, { navn: name, dato: date }),
      values: Object.fromEntries(entries.map(([inputId, o]) => [inputId, o.value])),
      // Where each figure comes from, as one source: «<kommune>: <line's source>, <its year>», or
      // «<kommune>, <profile's source> <year>» (the year left out when the source already says it).
      sources: Object.fromEntries(entries.map(([inputId, o]) => [inputId, sourceOf(profile, o.line.id)])),
      notes: Object.fromEntries(entries.map(([inputId, o]) => [inputId, fill(T.notat_kilde, {
        kilde: sourceOf(profile, o.line.id), standard: number(o.line.value, o.line.unit) })])),
      model: id, lines: Object.fromEntries(entries.map(([inputId, o]) => [inputId, o.line.id])),
      stale_years: { year: profile.year || 0, years: Object.assign({}, profile.years || {}) }, // for describe's old-figure sentence
      labels: Object.fromEntries(entries.map(([inputId, o]) => [inputId, o.line.label])),
      years: Object.fromEntries(entries.filter(([, o]) => o.line.price).map(([inputId, o]) => [inputId, yearOf(o)])),
    };
    return entries.length;
  }

  // What the field notes and the exports say for the values on screen: a field is the municipality's
  // only while it holds the profile's figure; changed, it names that figure («endret, kommunens tall …»).
  // format(value, inputId) writes a number as the caller does. null when no profile is in use.
  function describe(meta, values, format) {
    const p = meta && meta.profile;
    if (!p || !p.values) return null;
    const own = {}, changed = {};
    for (const [id, value] of Object.entries(p.values)) {
      if (values[id] === value) own[id] = p.notes[id];
      else changed[id] = format(value, id);
    }
    const ids = Object.keys(own), n = ids.length;
    const years = [...new Set(ids.filter((id) => p.years[id]).map((id) => p.years[id]))].sort(); // a line without a year says none
    // The banner's old-figure sentence, for the figures on screen only (memo and sheet row 3).
    const used = p.lines && p.stale_years ? Object.assign({}, p.stale_years, {
      values: Object.fromEntries(ids.map((id) => [p.lines[id], p.values[id]])) }) : null;
    const stale = used && n ? staleness(used, p.model) : "";
    return {
      own, changed, count: n, link: p.link, status: T.status_kommune, sources: p.sources,
      memo: n ? fill(T.notat_profil, { antall: n, navn: p.name, dato: p.date }) : "",
      csv: n ? fill(T.csv_profil, { navn: p.name, dato: p.date, felt: ids.map((id) => p.labels[id]).join(", ") }) : "",
      prices: n ? fill(years.length ? T.notat_prisar : T.notat_prisar_uten_ar, { ar: years.join(", "), prisar: DATA.price_year })
        + (stale ? " " + stale : "") : "",
      kroner: n ? fill(T.ark_kroner, { prisar: DATA.price_year }) : "", // «(2025-kroner; kommunens tall slik de står)»
      memoChanged: (id) => fill(T.notat_endret, { verdi: changed[id] }),
      sheetChanged: (id) => fill(T.ark_endret, { verdi: changed[id] }),
    };
  }

  function banner(root, profile, count) {
    let box = root.querySelector(":scope > [data-vl-profil-banner]");
    if (!profile) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement("div");
      box.className = "admonition info vl-profil-banner";
      box.setAttribute("data-vl-profil-banner", "");
      root.prepend(box);
    }
    const off = switchedOff(), name = label(profile), stale = staleness(profile, root.dataset.vlCalc);
    const text = document.createElement("p"), button = document.createElement("button");
    // The note above the calculator («Standardverdiene er eksempler …») now covers only the site's other figures.
    text.textContent = off ? fill(T.banner_av, { navn: name }) : fill(T.banner, { navn: name, antall: count }) + (count ? " " + T.illustrasjon_rest : "");
    button.type = "button";
    button.className = "md-button";
    button.textContent = off ? T.slå_på : T.slå_av;
    button.addEventListener("click", () => {
      const store = storage("session");
      if (store) { if (off) store.removeItem(OFF); else store.setItem(OFF, "1"); }
      apply();
      const again = root.querySelector("[data-vl-profil-banner] button");
      if (again) again.focus();
    });
    const parts = [text];
    if (stale && !off) {
      const warn = document.createElement("p");
      warn.textContent = stale;
      parts.push(warn);
    }
    const link = document.createElement("a");
    link.href = new URL("okonomi/egne-tall/", SITE).href;
    link.textContent = T.endre;
    const actions = document.createElement("p");
    actions.append(button, " ", link);
    parts.push(actions);
    box.replaceChildren(...parts);
  }

  // Each field holding the municipality's figure says so where it said «Illustrasjon …» or its source,
  // with the line's source and year and the site's figure; a field changed from it says so and names it.
  function markFields(root, meta, values) {
    const form = root.querySelector("form");
    const said = describe(meta, values || {}, (value, id) => {
      const input = meta.inputs.find((i) => i.id === id);
      return number(value, input && input.unit);
    });
    for (const input of meta.inputs) {
      const field = form && form.elements.namedItem(input.id), info = field && document.getElementById(field.id + "-info");
      const status = info && info.querySelector(".vl-calc__status");
      if (!status) continue;
      if (status.dataset.vlSite === undefined) status.dataset.vlSite = status.textContent;
      const own = said && said.own[input.id], changed = said && input.id in said.changed;
      const text = own || (changed ? status.dataset.vlSite + " – " + said.memoChanged(input.id) : status.dataset.vlSite);
      if (status.textContent !== text) status.textContent = text;
      status.classList.toggle("vl-calc__status--kommune", !!own);
    }
  }

  function current(root, meta) {
    const s = root.dataset.vlBound && globalThis.vlKalkulator && globalThis.vlKalkulator.scenario(root);
    return s ? s.values : Object.fromEntries(meta.inputs.map((i) => [i.id, i.default]));
  }

  // Every model on the page (and in memory, for the next page) gets the profile, or the site's figures.
  function apply() {
    const stored = read(), profile = stored && !switchedOff() ? stored : null;
    const counts = {};
    for (const [id, model] of Object.entries(globalThis.vlKalkulatorer || {})) counts[id] = applyTo(id, model, profile);
    for (const root of document.querySelectorAll("[data-vl-calc]")) {
      banner(root, stored, counts[root.dataset.vlCalc] || 0);
      const model = (globalThis.vlKalkulatorer || {})[root.dataset.vlCalc];
      if (model && !root.dataset.vlProfilMarks) {
        root.dataset.vlProfilMarks = "1"; // kalkulator.js: the values on screen after every change
        root.addEventListener("vl-resultat", (event) => markFields(root, model.meta, event.detail && event.detail.values));
      }
      if (model) markFields(root, model.meta, current(root, model.meta));
      if (root.dataset.vlBound) root.dispatchEvent(new CustomEvent("vl-profil")); // kalkulator.js: new defaults
    }
  }

  globalThis.vlProfil = { apply, read, save, forget, staleness, describe, label, number, fill, day };
})();

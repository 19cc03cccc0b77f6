/* Kalkulatorer: the one runtime for every calculator on the site.
 *
 * The page already holds the form and the results Python computed at build time
 * (calculators/site/render.py). This file makes them live: it parses Norwegian numbers, checks them
 * against the model's bounds, runs the model's generated compute() (assets/kalkulatorer/<id>.js)
 * and rebuilds the results with DOM APIs only (never innerHTML). The scenario lives in the URL;
 * nothing is stored and nothing is sent anywhere.
 *
 * In the site this file follows the translated results view (globalThis.vlVisning) in one file,
 * assets/kalkulatorer/kalkulator.<hash>.js, the same for every calculator page
 * (calculators/site/bundle.py: runtime_asset). The page does not load it itself: kalkulator-start.js
 * does, with the model's file, when the reader first moves towards the calculator.
 */
(function () {
  "use strict";
  // Material re-runs scripts in the page on instant navigation: set up once.
  if (globalThis.vlKalkulator) return;
  const scenarios = new WeakMap(); // calculator root -> its scenario now (for exports)

  // The runtime's API (used by the exports, issue 13): the scenario on screen, as data.
  // scenario(root) -> {model, title, values, defaults, changed, outputs, sentence, link, meta, preset}.
  globalThis.vlKalkulator = {
    scenario(root) {
      const calc = root.closest("[data-vl-calc]") || root, state = scenarios.get(calc);
      // Issue 12 (usikkerhet.js) adds the interval, ranges and plus-minus marks.
      if (!state) return null;
      // The preset named on screen (the link leaves out the one the page opens with).
      const select = calc.querySelector("[data-vl-preset]");
      const preset = select && select.value && select.value !== "egne" ? select.value : "";
      return Object.assign(state(), { preset }, calc.vlUsikkerhet ? calc.vlUsikkerhet() : {});
    },
    build: (node, svg) => build(node, svg),
    showPeek: (root) => showPeek(root),
    // Checks and link: calculators/view/fields.py and scenario_links.py, translated (vlFelt, vlLenke).
    parseNumber: (raw) => globalThis.vlFelt.read_number(raw),
    readLink: (meta) => readLink(meta),
    start: () => start(), // kalkulator-start.js, once the model's file is there too
  };

  const TEXT = {
    stale: "Resultatet er ikke oppdatert. Rett feltet som er merket: {fields}.",
    notComputable: "Resultatet er ikke oppdatert: disse tallene gir ingen beregning (for eksempel deling på null).",
    copied: "Lenken er kopiert.",
    copyFailed: "Kunne ikke kopiere. Merk og kopier adressen i adressefeltet: ",
    reset: "Alle felt er tilbakestilt til standardverdiene.",
    exportFailed: "Kunne ikke lage filen. Last siden på nytt og prøv igjen.",
    exportInvalid: "Rett feltet «{field}» før du lager filen. {error}",
    own: "Egne tall",
    presentOn: "Vis på storskjerm",
    presentOff: "Avslutt storskjerm",
  };
  const URL_DELAY_MS = 250;
  const SVG = "http://www.w3.org/2000/svg";

  // ---- the scenario in the address ----------------------------------------------------------
  // The link's format is calculators/view/scenario_links.py (read_link, link_pairs), translated; here
  // only the address itself: the #fragment's pairs, or an old ?-link's.
  function readLink(meta) {
    const hash = location.hash.slice(1);
    return globalThis.vlLenke.read_link(meta, [...new URLSearchParams(hash.includes("=") ? hash : location.search)]);
  }

  // A scenario's keys in an old ?-link move to the #fragment; other ?-parameters stay.
  function writeLink(meta, link) {
    const hash = location.hash.slice(1), search = new URLSearchParams(location.search);
    for (const key of [...search.keys()]) if (globalThis.vlLenke.scenario_key(meta, key)) search.delete(key);
    const rest = search.toString(), query = new URLSearchParams(globalThis.vlLenke.link_pairs(meta, link)).toString();
    history.replaceState(history.state, "", location.pathname + (rest ? "?" + rest : "")
      + (query ? "#" + query : (hash.includes("=") ? "" : location.hash)));
  }

  function finite(x) {
    if (typeof x === "number") return isFinite(x);
    if (Array.isArray(x)) return x.every(finite);
    return x !== null && typeof x === "object" && Object.values(x).every(finite);
  }

  // ---- view nodes to DOM --------------------------------------------------------------------
  // calculators/view/view.py (translated into the model's file) returns nodes {t, a, c, x}; this is
  // the browser's half of render.html. Text goes in as text, never as HTML.
  function build(node, svg) {
    const inSvg = svg || node.t === "svg";
    const element = inSvg ? document.createElementNS(SVG, node.t) : document.createElement(node.t);
    for (const [name, value] of Object.entries(node.a)) element.setAttribute(name, value);
    if (node.x) element.append(node.x);
    for (const child of node.c) element.append(build(child, inSvg));
    return element;
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
    // The shared translated view, and the model's own reading sentence.
    const meta = model.meta, view = Object.assign({}, globalThis.vlVisning, model.view), form = root.querySelector("form");
    const fields = new Map(meta.inputs.map((i) => [i.id, form.elements.namedItem(i.id)]));
    const outs = { summary: root.querySelector('[data-vl-out="summary"]'), details: root.querySelector('[data-vl-out="details"]') };
    const stale = root.querySelector(".vl-calc__stale"), peek = root.querySelector("[data-vl-peek]");
    const live = root.querySelector(".vl-calc__live"), notice = root.querySelector(".vl-calc__notice");
    const preset = root.querySelector("[data-vl-preset]"), copied = root.querySelector(".vl-calc__copied");
    const present = root.querySelector('[data-vl-action="present"]');
    const uncertaintyBox = root.querySelector("[data-vl-uncertainty]");
    // Two files the page as built does not need (issues 12, 23), each loaded once when first
    // needed (lazy): the uncertainty engine (assets/kalkulatorer/usikkerhet.<hash>.js: the card's
    // midtverdi, interval and share in plus) on the reader's first interaction, at once for a
    // scenario link, and before an export; the rest of the view (assets/kalkulatorer/mer.<hash>.js:
    // the tables, «Flere diagrammer», the year tables and the uncertainty block further down)
    // when the scenario first leaves the defaults, one of them opens, or the block nears the screen.
    const loadEngine = lazy(meta.id, "data-vl-usikkerhet"), loadLater = lazy(meta.id, "data-vl-mer");
    root.vlLoadUncertainty = loadEngine;
    root.vlLoadLater = loadLater;
    root.vlMessage = (field, message) => setError(field, message);
    // The block's tornado is drawn for the build's column: both load before it comes into view, so
    // the browser redraws it for the reader's screen (usikkerhet.js listens for «vl-mer»).
    if (uncertaintyBox && "IntersectionObserver" in window) {
      const near = new IntersectionObserver((entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        near.disconnect();
        Promise.all([loadEngine(), loadLater()]).then(() => root.dispatchEvent(new CustomEvent("vl-mer")), () => {});
      }, { rootMargin: "300px 0px" });
      near.observe(uncertaintyBox);
    }
    for (const type of ["focusin", "pointerdown", "keydown"]) {
      root.addEventListener(type, () => { loadEngine().catch(() => {}); }, { once: true, passive: true });
    }
    let defaults = Object.fromEntries(meta.inputs.map((i) => [i.id, i.default])); // a profile may change them (profil.js)
    let announceTimer = 0, copiedTimer = 0, urlTimer = 0, current = null, drawn = "", sizes = null;

    scenarios.set(root, () => {
      if (!current) current = { values: defaults, result: model.compute(defaults) };
      const values = current.values;
      return { model: meta.id, title: meta.title, values: { ...values }, defaults: { ...defaults },
        changed: meta.inputs.filter((i) => values[i.id] !== i.default).map((i) => i.id),
        outputs: current.result, sentence: view.sentence(current.result), link: (flushUrl(), location.href), meta };
    });

    // A field's message: what is wrong (aria-invalid), or a note on a number it took
    // (fields.read_note: «Tolket som 1,5.»), in the same place under the field. usikkerhet.js
    // uses it for the range fields (root.vlMessage).
    function setError(field, message, note) {
      const error = document.getElementById(field.id + "-feil");
      // Written only when it changes: every field is read on every change, and a write that
      // changes nothing would still make the browser recompute the page's style.
      if (error.textContent === message && error.hidden === !message) return;
      error.textContent = message;
      error.hidden = !message;
      error.classList.toggle("vl-calc__error--note", !!note);
      if (message && !note) field.setAttribute("aria-invalid", "true"); else field.removeAttribute("aria-invalid");
    }

    function read() {
      const values = {};
      let ok = true;
      for (const input of meta.inputs) {
        const raw = fields.get(input.id).value, parsed = globalThis.vlFelt.read_field(raw, input);
        const note = parsed.error ? "" : globalThis.vlFelt.read_note(raw, input);
        setError(fields.get(input.id), parsed.error || note, note);
        if (parsed.error) ok = false; else values[input.id] = parsed.value;
      }
      return ok ? values : null;
    }

    // The figures on screen stay, marked as not current (kalkulator.css), and a screen reader
    // hears why (the polite live region).
    function markStale(message) {
      if (stale.hidden || stale.textContent !== message) live.textContent = message;
      stale.textContent = message;
      stale.hidden = false;
      for (const out of Object.values(outs)) out.classList.add("vl-calc__out--stale");
    }

    // Charts are drawn for the width of their column, in CSS pixels (calculators/view/view.py), with
    // text in proportion to the page's (Material grows it on wide screens): ≥ 16 px. Measured when
    // the layout changes (bind, resize, presentation mode), never while a change is drawn: reading
    // layout after the form's writes would make the browser lay out the whole page again.
    // On paper: A4's text column with print-size text. «beforeprint» comes before the print layout,
    // so that width cannot be measured then (kalkulator.css prints the chart at the column's width).
    let printing = false;
    const width = (out) => Math.max(240, Math.floor((out.clientWidth || 560) / 10) * 10);
    const presenting = () => document.documentElement.classList.contains("vl-present");
    function measure() {
      if (printing) return void (sizes = { summary: 600, details: 600, font: 12 });
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 20;
      sizes = { summary: width(outs.summary), details: width(outs.details), font: Math.round(presenting() ? Math.max(24, rem * 1.1) : rem * 0.8) };
    }

    // «Flere diagrammer»: drawn while open; while closed it holds only its summary
    // (view.details_tables) and is filled when it opens (the toggle listener below). Its charts
    // come from the file the runtime loads when the scenario leaves the defaults (globalThis.vlVisningMer,
    // loadLater); the page as built holds them for the defaults (kept for printing until then).
    const more = () => outs.details.querySelector("details.vl-calc__more");
    const built = more();
    const plain = (values) => meta.inputs.every((i) => values[i.id] === i.default);
    function fillMore(element) {
      if (!element || !element.hasAttribute("data-vl-more")) return;
      if (globalThis.vlVisningMer) { // the page's own holds the charts' tables: they come again with the charts
        element.removeAttribute("data-vl-more");
        element.replaceChildren(element.querySelector("summary"), ...globalThis.vlVisningMer.more_charts(meta, current.result, sizes.details, sizes.font).map((n) => build(n, false)));
      } else if (printing && built && plain(current.values)) {
        if (element !== built) element.replaceWith(built);
      } else {
        loadLater().then(() => { if (element.isConnected && (element.open || printing)) fillMore(element); }, () => {});
      }
    }

    // After each change the headline cards are drawn at once (view.headline_cards); the rest —
    // the reading sentence's paragraph, the main chart, the tables under the results — comes
    // with the rest of the view (loadLater, view.summary and view.details_tables). Until it is
    // here the parts as built stand for the defaults; for another scenario they are marked as not
    // current (vl-calc__out--later, drawn as the results are while a field is wrong) and redrawn
    // when the file has come.
    function draw(force) {
      if (!current) return;
      if (!sizes) measure();
      const size = [sizes.summary, sizes.details, sizes.font].join();
      if (!force && size === drawn) return;
      drawn = size;
      // Paper gets «Flere diagrammer» filled (kalkulator.css prints its year table, not its charts).
      const result = current.result, open = !!(more() && more().open), later = globalThis.vlVisningMer;
      const waiting = !later && !plain(current.values);
      outs.details.classList.toggle("vl-calc__out--later", waiting);
      if (waiting) outs.details.setAttribute("aria-busy", "true"); else outs.details.removeAttribute("aria-busy");
      if (later) {
        outs.summary.replaceChildren(...later.summary(meta, result, view.sentence(result), sizes.summary, sizes.font, interval()).map((n) => build(n, false)));
        outs.details.replaceChildren(...later.details_tables(meta, result).map((n) => build(n, false)));
        if (open || printing) fillMore(more());
        if (open) more().open = true;
      } else {
        const cards = view.headline_cards(meta, result, interval()).map((n) => build(n, false)), old = outs.summary.querySelector(".vl-calc__headline");
        if (old) old.replaceWith(...cards); else outs.summary.prepend(...cards);
        for (const part of [...outs.summary.children].slice(cards.length)) part.classList.toggle("vl-calc__out--later", waiting);
        if (waiting) loadLater().then(() => { if (globalThis.vlVisningMer) draw(true); }, () => {});
      }
      showPeek(root);
    }

    // Issue 12: the main result's interval in its headline card. usikkerhet.js knows it for the
    // numbers on screen (root.vlIntervall); until its engine has loaded, the build's figures while
    // the scenario is the defaults (no changed input, no lav_/hoy_ range in the link), else
    // «beregner …».
    function interval() {
      if (root.vlIntervall) return root.vlIntervall(current.values);
      const plain = meta.inputs.every((i) => current.values[i.id] === i.default)
        && !/(^|[?#&])(lav|hoy)_/.test(location.search + location.hash);
      return plain ? meta.interval.initial : { intervals: {}, shares: {}, payback: 0, samples: 0, no_effect: {} };
    }

    function update(announce) {
      const values = read();
      if (!values) {
        // Name the fields, so the reader knows what the figures on screen are still missing.
        const names = [...form.querySelectorAll('[aria-invalid="true"]')].map((box) => {
          const label = root.querySelector(`label[for="${box.id}"]`);
          return "«" + (label ? label.textContent.trim() : box.name) + "»";
        });
        return markStale(TEXT.stale.replace("{fields}", names.join(", ")));
      }
      let result = null;
      try { result = model.compute(values); } catch (error) { result = null; }
      if (!result || !finite(result)) return markStale(TEXT.notComputable);
      stale.hidden = true;
      for (const out of Object.values(outs)) out.classList.remove("vl-calc__out--stale");
      current = { values, result };
      draw(true);
      showPreset(values);
      // The address follows when typing pauses: each history.replaceState costs milliseconds in
      // Chromium, and the scenario on screen does not wait for it. Copy link, the exports and
      // leaving the page write it at once (flushUrl).
      clearTimeout(urlTimer);
      urlTimer = setTimeout(flushUrl, URL_DELAY_MS);
      root.dispatchEvent(new CustomEvent("vl-resultat", { detail: current })); // usikkerhet.js
      // Until the uncertainty engine is here, its block (built for the defaults) says it is behind.
      if (uncertaintyBox && !root.dataset.vlUncertaintyBound) {
        if (meta.inputs.every((i) => values[i.id] === i.default)) uncertaintyBox.removeAttribute("aria-busy");
        else { uncertaintyBox.setAttribute("aria-busy", "true"); loadEngine(); }
      }
      if (announce) {
        clearTimeout(announceTimer);
        announceTimer = setTimeout(() => { live.textContent = view.sentence(result); }, 800);
      }
    }

    function setValues(values) {
      for (const input of meta.inputs) {
        const value = input.id in values ? values[input.id] : input.default;
        fields.get(input.id).value = view.format_number(value, input.unit, true, true);
      }
    }

    // The selector names the preset whose values are on screen; «Egne tall» appears only when
    // the values match no preset (after an edit).
    function showPreset(values) {
      if (!preset) return;
      const same = (id) => meta.inputs.every((i) => values[i.id] === (i.id in meta.presets[id] ? meta.presets[id][i.id] : i.default));
      const match = Object.keys(meta.presets).find(same);
      let own = preset.querySelector("[data-vl-own]");
      const standard = [...preset.options].find((o) => o.value === "");
      if (match) preset.value = match;
      else if (standard && meta.inputs.every((i) => values[i.id] === i.default)) preset.value = "";
      else {
        if (!own) {
          own = new Option(TEXT.own, "egne");
          own.dataset.vlOwn = "";
          preset.prepend(own);
        }
        preset.value = "egne";
      }
      if (own && preset.value !== "egne") own.remove();
    }

    // The scenario lives in the URL's #fragment, which a browser never sends to a server (not in
    // a request, not in a Referer): what a reader types stays out of every log. A preset on screen
    // is #preset=<id> (none for the one the page opens with); other values go as themselves, and
    // presentation mode as visning=storskjerm. Old ?… links still open (readUrl) and move to # at
    // once; other ?-parameters stay where they are (writeLink).
    // The one place that writes the address: the values on screen, and the ranges and marks of
    // the uncertainty block (usikkerhet.js gives them with root.vlWriteLink; until then they stay
    // as the link has them).
    let linkExtras = null;
    root.vlWriteLink = (extras) => { linkExtras = extras; if (current) writeUrl(current.values); };
    function writeUrl(values) {
      const named = preset && Object.hasOwn(meta.presets, preset.value) ? preset.value : "";
      const link = Object.assign(readLink(meta), linkExtras);
      link.preset = named && named !== preset.dataset.vlDefault ? named : "";
      link.values = named ? {} : Object.fromEntries(meta.inputs.filter((i) => values[i.id] !== i.default).map((i) => [i.id, values[i.id]]));
      link.present = presenting();
      writeLink(meta, link);
    }

    // Only for this page: after instant navigation the address is another page's.
    const path = location.pathname;
    function flushUrl() {
      if (!urlTimer) return;
      clearTimeout(urlTimer);
      urlTimer = 0;
      if (current && location.pathname === path && document.contains(root)) writeUrl(current.values);
    }
    addEventListener("pagehide", flushUrl);
    // A link followed (instant navigation fires no pagehide) writes the scenario first, so «back»
    // returns to it.
    document.addEventListener("click", (event) => { if (event.target.closest && event.target.closest("a[href]")) flushUrl(); }, true);

    function readUrl() {
      const link = readLink(meta), message = globalThis.vlLenke.link_notice(link.problems);
      if (message) { // textContent: URL values are never HTML
        notice.textContent = message;
        notice.hidden = false;
      }
      return link;
    }

    // Presentation mode: no navigation, large headline figures, the key inputs with large controls.
    function setPresenting(on) {
      document.documentElement.classList.toggle("vl-present", on);
      present.setAttribute("aria-pressed", String(on));
      present.textContent = on ? TEXT.presentOff : TEXT.presentOn;
      clearTimeout(urlTimer);
      urlTimer = 0;
      if (current) writeUrl(current.values);
      measure();
      draw(true);
      // The charts and the block as built are for the page's column and text: drawn again at
      // presentation size with the rest of the view (usikkerhet.js redraws the block on «vl-mer»).
      if (on) {
        Promise.all([loadEngine(), loadLater()]).then(() => { draw(true); root.dispatchEvent(new CustomEvent("vl-mer")); }, () => {});
      }
    }

    function step(input, direction) {
      const field = fields.get(input.id), parsed = globalThis.vlFelt.read_number(field.value);
      if (parsed.error) return;
      const size = input.step || (input.integer ? 1 : Math.max(1, Math.abs(parsed.value) / 10));
      const next = Math.min(input.max, Math.max(input.min, Math.round((parsed.value + direction * size) * 1e9) / 1e9));
      field.value = view.format_number(next, input.unit, true, true);
      update(true);
    }

    // A table of every budget, year by year, is built when its «details» opens; the page holds the
    // table per level (calculators/view/view.py: years_by_holder_block), so it stays small on a phone.
    // «toggle» does not bubble: listen while it passes down (capture).
    outs.details.addEventListener("toggle", (event) => {
      const details = event.target;
      if (!details.open || !details.dataset) return;
      if (!current) current = { values: defaults, result: model.compute(defaults) };
      if (details.hasAttribute("data-vl-more")) { // «Flere diagrammer» opens: draw it now
        if (!sizes) measure();
        return fillMore(details);
      }
      if (!details.dataset.vlYears || details.dataset.vlBuilt) return;
      const fill = () => {
        if (details.dataset.vlBuilt || !details.isConnected) return;
        const output = meta.outputs.find((o) => o.id === details.dataset.vlYears);
        const node = globalThis.vlVisningMer.years_by_holder_table(meta, output, current.result[output.id]);
        details.lastElementChild.replaceWith(build(node, false));
        details.dataset.vlBuilt = "1";
      };
      if (globalThis.vlVisningMer) fill(); else loadLater().then(fill, () => {});
    }, true);
    // The phone summary bar stays out of the way until it is useful: once the reader is in the
    // form (focus) or has scrolled past the action bar. At the top of the page it would cover the
    // action buttons (a target under a sticky bar).
    const bar = peek && peek.closest(".vl-calc__peek"), actions = root.querySelector(".vl-calc__actions");
    if (bar) {
      const show = () => bar.classList.add("vl-calc__peek--on");
      form.addEventListener("focusin", show, { once: true });
      if (form.contains(document.activeElement)) show(); // the focus that loaded the runtime (kalkulator-start.js)
      if ("IntersectionObserver" in window) {
        const watch = new IntersectionObserver((entries) => {
          if (entries.some((e) => !e.isIntersecting && e.boundingClientRect.bottom < 0)) { show(); watch.disconnect(); }
        });
        watch.observe(actions);
        // While the results themselves are on screen the bar would only repeat them, over them.
        // It jumps to them like every a[data-vl-jump] (below).
        new IntersectionObserver((entries) => {
          bar.classList.toggle("vl-calc__peek--away", entries[entries.length - 1].isIntersecting);
        }).observe(outs.summary);
      } else show();
    }
    // Issue 29: the municipality's figures became the defaults (or stopped being so); what the
    // reader typed stays.
    root.addEventListener("vl-profil", () => {
      const before = defaults, values = current ? current.values : before;
      defaults = Object.fromEntries(meta.inputs.map((i) => [i.id, i.default]));
      setValues(Object.fromEntries(meta.inputs.filter((i) => values[i.id] !== before[i.id]).map((i) => [i.id, values[i.id]])));
      update(false);
    });
    form.addEventListener("input", (event) => { if (event.target !== preset) update(true); });
    form.addEventListener("submit", (event) => { event.preventDefault(); update(true); });
    form.addEventListener("keydown", (event) => {
      const input = meta.inputs.find((i) => i.id === event.target.name);
      if (!input || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
      event.preventDefault();
      step(input, event.key === "ArrowUp" ? 1 : -1);
    });
    if (preset) {
      preset.disabled = false;
      const standard = [...preset.options].find((o) => o.defaultSelected); // as built: the reader may have picked another
      preset.dataset.vlDefault = standard ? standard.value : "";
      preset.addEventListener("change", () => {
        if (preset.value === "egne") return;
        setValues(meta.presets[preset.value] || {});
        update(true);
      });
    }
    // The phone's summary bar and «Hvor sikkert er tallet?» in the main card jump to their target
    // themselves: the #fragment holds the scenario, and a plain link would replace it (instant
    // navigation also fetched and redrew the page and sometimes lost the jump).
    root.addEventListener("click", (event) => {
      const link = event.target.closest("a[data-vl-jump]");
      const target = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
      if (!target) return;
      event.preventDefault();
      event.stopPropagation();
      target.setAttribute("tabindex", "-1");
      target.scrollIntoView();
      target.focus({ preventScroll: true });
    });
    root.addEventListener("click", (event) => {
      const target = event.target.closest("[data-vl-action], [data-vl-step]");
      if (!target) return;
      if (target.dataset.vlStep) {
        step(meta.inputs.find((i) => i.id === target.parentElement.querySelector("input").name), Number(target.dataset.vlStep));
      } else if (target.dataset.vlAction === "reset") {
        setValues({});
        notice.hidden = true;
        update(false);
        live.textContent = TEXT.reset;
      } else if (target.dataset.vlAction === "eksport") {
        exportScenario(root, target, live, notice);
      } else if (target.dataset.vlAction === "copy") {
        clearTimeout(urlTimer);
        urlTimer = 0;
        if (current) writeUrl(current.values); // a jump to a heading may have replaced the #scenario
        const href = location.href;
        const done = () => {
          copied.textContent = TEXT.copied;
          clearTimeout(copiedTimer);
          copiedTimer = setTimeout(() => { copied.textContent = ""; }, 6000);
        };
        const failed = () => { notice.textContent = TEXT.copyFailed + href; notice.hidden = false; };
        if (navigator.clipboard) navigator.clipboard.writeText(href).then(done, failed); else failed();
      } else if (target.dataset.vlAction === "present") {
        setPresenting(!presenting());
      } else if (target.dataset.vlAction === "all") {
        const all = root.classList.toggle("vl-calc--all");
        target.setAttribute("aria-expanded", String(all));
      }
    });
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && presenting() && document.contains(root)) setPresenting(false);
    });
    for (const field of fields.values()) field.readOnly = false;
    root.querySelector(".vl-calc__actions").hidden = false;
    const fromUrl = readUrl();
    if ([fromUrl.values, fromUrl.lows, fromUrl.highs, fromUrl.marks].some((part) => Object.keys(part).length)) {
      loadEngine().catch(() => {});
    }
    // The fields take input before the runtime is there (kalkulator-start.js): keep what was typed.
    // So does the preset selector: a preset picked then is applied now.
    const typed = [...fields.values()].filter((f) => f.value !== f.defaultValue).map((f) => [f, f.value]);
    const picked = preset && preset.value !== preset.dataset.vlDefault && Object.hasOwn(meta.presets, preset.value) ? meta.presets[preset.value] : null;
    setValues(picked || fromUrl.values);
    for (const [field, value] of typed) field.value = value;
    update(typed.length > 0 || !!picked);
    flushUrl(); // an old ?-link moves to # at once
    if (fromUrl.present) setPresenting(true);
    addEventListener("beforeprint", () => { printing = true; measure(); draw(false); });
    addEventListener("afterprint", () => { printing = false; measure(); draw(false); });
    if (globalThis.ResizeObserver) new ResizeObserver(() => requestAnimationFrame(() => { measure(); draw(false); })).observe(root);
    root.dispatchEvent(new CustomEvent("vl-bundet")); // usikkerhet.js
  }

  // ---- exports (issue 13) --------------------------------------------------------------------
  // The export code (memo as ODT/DOCX/print, XLSX, CSV) loads only when a button asks for it: one
  // generated file per model (calculators/site/eksport.py), named by data-vl-eksport on the model's script.
  // The uncertainty engine loads the same way, when it is first needed (bind, above).
  const loads = new Map();
  // A loader for the file named by ``attribute`` on the model's script tag (kalkulator-start.js
  // sets them): it loads once; after a failure the next call tries again.
  function lazy(id, attribute) {
    return () => {
      const script = document.querySelector(`script[data-vl-model="${id}"][${attribute}]`);
      return script ? loadScript(new URL(script.getAttribute(attribute), document.baseURI).href) : Promise.resolve();
    };
  }

  function loadScript(url) {
    if (!loads.has(url)) {
      loads.set(url, new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = url;
        script.addEventListener("load", resolve);
        script.addEventListener("error", () => { loads.delete(url); script.remove(); reject(new Error(url)); });
        document.head.append(script);
      }));
    }
    return loads.get(url);
  }

  function exportScenario(root, button, live, notice) {
    const script = document.querySelector(`script[data-vl-model="${root.dataset.vlCalc}"][data-vl-eksport]`);
    if (!script || button.getAttribute("aria-busy")) return;
    // A file must hold the numbers on screen: with a field in error it would hold older ones.
    const wrong = root.querySelector('form [aria-invalid="true"]');
    if (wrong) {
      const label = root.querySelector(`label[for="${wrong.id}"]`);
      const error = document.getElementById(wrong.id + "-feil");
      notice.textContent = TEXT.exportInvalid.replace("{field}", label ? label.textContent.trim() : wrong.name)
        .replace("{error}", error ? error.textContent.trim() : "");
      notice.hidden = false;
      return;
    }
    button.setAttribute("aria-busy", "true");
    // The export carries the interval: the uncertainty engine must be there (and its run done).
    Promise.all([loadScript(new URL(script.getAttribute("data-vl-eksport"), document.baseURI).href),
      root.vlLoadUncertainty ? root.vlLoadUncertainty() : null])
      .then(() => globalThis.vlEksport.run(root, button.dataset.vlFormat, globalThis.vlKalkulator.scenario(root)))
      .then((message) => { notice.hidden = true; live.textContent = message || ""; })
      .catch((error) => { if (!(error && error.vlMessage)) console.error(error); notice.textContent = (error && error.vlMessage) || TEXT.exportFailed; notice.hidden = false; })
      .finally(() => button.removeAttribute("aria-busy"));
  }

  // The phone's sticky summary repeats the first headline figure and its interval.
  function showPeek(root) {
    const peek = root.querySelector("[data-vl-peek]"), range = root.querySelector("[data-vl-peek-range]");
    if (peek) peek.textContent = root.querySelector('[data-vl-out="summary"] dd').textContent;
    const text = root.querySelector("[data-vl-interval-text]");
    if (range && text) range.textContent = text.textContent;
  }

  function start() {
    for (const root of document.querySelectorAll("[data-vl-calc]")) bind(root);
  }

  // Material's document$ emits on first load and after every instant navigation. Material's bundle
  // is deferred (veileder/publish.py) and comes after this script in the page, so on a first load it
  // has not run yet: wait for DOMContentLoaded, which fires after every deferred script.
  let begun = false;
  function begin() {
    if (begun) return;
    begun = true;
    if (globalThis.document$ && typeof globalThis.document$.subscribe === "function") {
      globalThis.document$.subscribe(start);
    } else {
      start();
    }
  }
  if (globalThis.document$ || document.readyState === "complete") {
    begin();
  } else {
    document.addEventListener("DOMContentLoaded", begin, { once: true });
    addEventListener("load", begin, { once: true });
  }
})();

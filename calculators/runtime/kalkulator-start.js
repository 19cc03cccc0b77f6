/* Kalkulatorer, first step: the only script a calculator page loads before the reader uses it.
 *
 * The page as built already holds the form and the results for the default values, computed by
 * Python (calculators/site/render.py). The runtime (assets/kalkulatorer/kalkulator.<hash>.js) and the
 * model's generated code (assets/kalkulatorer/<id>.<hash>.js), about 17 kB gzipped together, are
 * needed only when the reader changes something. So they load:
 *   - at once, when the address holds a scenario (a trainer's link, presentation mode);
 *   - otherwise on the reader's first move towards the calculator: the pointer over it, a touch,
 *     a press, focus inside it (the keyboard's first Tab into it), or a change made there.
 * Until then the action buttons are shown and work: a click waits for the runtime and is then
 * made again. A value typed or a preset picked before the runtime is there is kept
 * (kalkulator.js: bind).
 * Nothing here sends or stores anything; it only asks the site for its own two files.
 *
 * In the site this file is assets/kalkulatorer/start.<hash>.js (calculators/site/bundle.py:
 * start_asset); each calculator's <script> tag names the files it starts
 * (calculators/site/markers.py).
 */
(function () {
  "use strict";
  const TEXT = {
    failed: "Kalkulatoren kunne ikke lastes. Sjekk nettforbindelsen og prøv igjen, eller last siden på nytt.",
  };
  const TRIGGERS = ["pointerover", "pointerdown", "touchstart", "focusin", "keydown", "input", "change"];
  const IGNORED_PARAMS = ["q", "h"]; // Material's search and highlight (calculators/view/scenario_links.py: PASSED_OVER)

  function add(url, attributes) {
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
      script.async = false; // the runtime, then the model, in this order
      script.src = url;
      script.addEventListener("load", resolve);
      script.addEventListener("error", () => { script.remove(); reject(new Error(url)); });
      document.head.append(script);
    });
  }

  // The scenario in the address, read as kalkulator.js reads it (#… first, an old ?… link else).
  function scenarioInAddress() {
    const hash = location.hash.slice(1);
    const params = new URLSearchParams(hash.includes("=") ? hash : location.search);
    return [...params.keys()].some((key) => !IGNORED_PARAMS.includes(key));
  }

  // Issue 29: a municipality's own figures, stored by the egne-tall page (profil.js applies them).
  function profileStored() {
    try { return !!(sessionStorage.getItem("vl-egne-tall") || localStorage.getItem("vl-egne-tall")); } catch (e) { return false; }
  }

  function start(root) {
    if (root.vlStarting) return root.vlStarting;
    const id = root.dataset.vlCalc, tag = document.querySelector(`script[data-vl-start="${id}"]`);
    if (!tag) return Promise.resolve();
    const url = (name) => new URL(tag.getAttribute(name), document.baseURI).href;
    const have = (globalThis.vlKalkulatorer || {})[id], notice = root.querySelector(".vl-calc__notice");
    root.vlStarting = Promise.all([
      globalThis.vlProfil || !profileStored() || !tag.getAttribute("data-vl-profil") ? null : add(url("data-vl-profil"), {}),
      globalThis.vlKalkulator ? null : add(url("data-vl-runtime"), {}),
      have || document.querySelector(`script[data-vl-model="${id}"]`) ? null
        : add(url("data-vl-kode"), { "data-vl-model": id, "data-vl-eksport": tag.getAttribute("data-vl-eksport"),
          "data-vl-usikkerhet": tag.getAttribute("data-vl-usikkerhet"), "data-vl-mer": tag.getAttribute("data-vl-mer") }),
    ]).then(() => {
      if (notice && notice.textContent === TEXT.failed) notice.hidden = true;
      if (globalThis.vlProfil) globalThis.vlProfil.apply();
      globalThis.vlKalkulator.start();
    }, (error) => {
      root.vlStarting = null; // the next move tries again
      if (notice) { notice.textContent = TEXT.failed; notice.hidden = false; }
      throw error;
    });
    return root.vlStarting;
  }

  function arm(root) {
    if (root.dataset.vlArmed || root.dataset.vlBound) return;
    root.dataset.vlArmed = "1";
    // Listening until the runtime is there: after a failed load the next move tries again.
    // The move that started the runtime came before the runtime could hear it: it also asks for
    // the uncertainty engine, as the runtime does on the reader's first interaction.
    const go = () => {
      start(root).then(() => {
        for (const type of TRIGGERS) root.removeEventListener(type, go, true);
        if (root.vlLoadUncertainty) root.vlLoadUncertainty().catch(() => {});
      }, () => {});
    };
    if (scenarioInAddress() || profileStored()) return go(); // the page as built shows the site's figures
    for (const type of TRIGGERS) root.addEventListener(type, go, { passive: true, capture: true });
    // The buttons work from the start: a click before the runtime is there waits for it.
    const actions = root.querySelector(".vl-calc__actions");
    if (actions) actions.hidden = false;
    root.addEventListener("click", (event) => {
      const button = event.target.closest && event.target.closest("[data-vl-action], [data-vl-step]");
      if (!button || root.dataset.vlBound) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      start(root).then(() => { if (root.dataset.vlBound && button.isConnected) button.click(); }, () => {});
    }, true);
    // Fields and the preset selector take input at once; the runtime keeps what was chosen before it came.
    for (const field of root.querySelectorAll("input[readonly]")) field.readOnly = false;
    const preset = root.querySelector("select[data-vl-preset]");
    if (preset) preset.disabled = false;
  }

  for (const root of document.querySelectorAll("[data-vl-calc]")) arm(root);
})();

/* Eksport: the scenario on screen as a beslutningsnotat (ODT, DOCX, print view) and a workbook
 * (XLSX with live discounting formulas, CSV of the yearly flows).
 *
 * Loaded only when a user clicks an export button: the build joins zip.js, this file and the
 * model's data (calculators/site/eksport.py: texts from calculators/site/eksport.yaml, sources, units) into
 * assets/eksport/<model>.<hash>.js, and kalkulator.js adds that script on the first click.
 *
 * Every number comes from the scenario object of vlKalkulator.scenario(root), i.e. from the
 * model's generated compute(); nothing here recomputes a model. The workbook is the model in formulas,
 * laid out in Python beside it (calculators/sheets/<id>.py), each formula's stored value from the
 * translated sheet_values; tests/browser/test_eksport.py and tests/calculators/test_sheet_<id>.py
 * recalculate them with LibreOffice.
 *
 * The memo is built once as a list of blocks (headings, paragraphs, tables, lists, an image) and
 * written three ways: ODT and DOCX by filling skeletons made in Python at build time (odfpy and
 * python-docx, calculators/site/memo_document.py: styles, numbering, page, package — the route the
 * digital duk takes, documents/site/duk_skeletons.py), and HTML for printing. The workbook and the CSV
 * are written by sheet.js (vlSheet, the browser's one XLSX and CSV writer); every package, the workbook
 * too, is zipped by zip.js. Same scenario → same bytes: no dates, no random ids, fixed zip timestamps.
 */
(function () {
  "use strict";
  if (globalThis.vlEksport) return;
  const models = {}, views = {};
  const script = document.currentScript;
  const SITE = new URL("../../", script && script.src ? script.src : location.href).href;
  const MIME = {
    odt: "application/vnd.oasis.opendocument.text",
    docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    csv: "text/csv;charset=utf-8",
  };
  const NBSP = "\u00a0";

  // ---- small helpers ---------------------------------------------------------------------------
  function fill(template, values) {
    return String(template).replace(/\{([^}]+)\}/g, (all, key) => (key in values ? String(values[key]) : all));
  }

  function xml(text) { // escape for XML text and attributes; drop characters XML 1.0 forbids
    return String(text).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
      .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function failure(message) {
    const error = new Error(message);
    error.vlMessage = message;
    return error;
  }

  // ---- the memo as blocks ------------------------------------------------------------------------
  // Blocks: {h: level, text} · {p: [runs], style?, keep?} · {list: [item]} where an item is
  // [runs] or {runs, sub: [[runs]]} (a list inside the item) ·
  // {table: rows, head?, widths, numeric?: [column indexes], keep?} · {image: {png, width, height, alt}}
  // A run is a string or {text, link?, bold?}.
  function memo(s, data, chart) {
    const t = data.texts.notat, d = t.deler, k = t.kolonner, out = [];
    const title = data.title, f = formats(s), fmt = f.exact, view = views[s.model];
    const inputsById = Object.fromEntries(data.inputs.map((i) => [i.id, i]));
    // Every figure as the page writes it (view.format_output, translated): «19,47 %» on both.
    const showOutput = (o) => f.output(s.outputs[o.id], o);
    const h = (level, text) => out.push({ h: level, text });
    const p = (...runs) => out.push({ p: runs });

    out.push({ h: 1, text: fill(t.tittel, { tittel: title }) });
    out.push({ p: [fill(t.undertittel, { tittel: title })], style: "sub" });
    out.push({ table: t.hode.map((field) => [field, ""]), widths: [1, 3], fields: true });

    // Sammendrag: first what the draws say (median, 8 of 10, draws in plus) for every result with
    // an interval, in the page's words (calculators/view/memo.py, translated); then the reading
    // sentence, which is about the form's numbers; then the other headline figures.
    h(2, d.sammendrag);
    const interval = uncertaintyOf(s);
    const lines = interval ? view.summary_lines(s.meta, s.outputs, interval) : [];
    if (lines.length) {
      p(t.sammendrag_trekninger);
      out.push({ list: lines.map((line) => [line]) });
    }
    // A sourced value the user changed is not the source's figure: one line says which (memo.py).
    const warning = view.changed_sources_line(data.inputs, s.values, s.defaults, s.changed, data.workbook.rate, t);
    if (warning) p({ text: warning, bold: true });
    if (s.sentence) p(s.sentence);
    const headline = data.outputs.filter((o) => o.headline && !(lines.length && s.meta.interval.outputs.includes(o.id)));
    if (headline.length) {
      out.push({ table: headline.map((o) => [o.label, showOutput(o)]), head: [k.resultat, lines.length ? k.skjema : k.verdi],
        widths: [3, 2], numeric: [1] });
    }
    // The scenario is in the link's #fragment (older links: ?query); either may name a preset.
    const link = new URL(s.link, location.href), hash = link.hash.slice(1);
    const presetId = new URLSearchParams(hash.includes("=") ? hash : link.search).get("preset") || s.preset;
    const preset = view.preset_line(data.preset_labels, data.preset_descriptions, presetId || "", t); // with its description
    if (preset) p(preset);
    const changed = s.changed.length;
    p(changed ? fill(t.endret_antall, { antall: changed, av: data.inputs.length }) : t.ingen_endret);
    const own = profileOf(s, fmt); // issue 29: which figures on screen are the municipality's (profil.js)
    if (own && own.memo) p(own.memo);

    // Bakgrunn: what velferdslab is, and where the calculator is.
    h(2, d.bakgrunn);
    p(fill(t.bakgrunn[0], { tittel: title }));
    const page = s.link.split(/[?#]/)[0];
    p(fill(t.bakgrunn[1], { tittel: title }), " ", { text: page, link: page });

    // Forutsetninger: every input with unit, source and status; changed ones marked.
    h(2, d.forutsetninger);
    p(t.forutsetninger_innledning + (own && own.prices ? " " + own.prices
      : data.price_year ? " " + fill(t.prisar, { "år": data.price_year }) : ""));
    const groups = [];
    for (const input of data.inputs) {
      let group = groups.find((g) => g.name === input.group);
      if (!group) groups.push(group = { name: input.group, inputs: [] });
      group.inputs.push(input);
    }
    for (const group of groups) {
      h(3, group.name);
      out.push({ table: group.inputs.map((input) => {
        const value = fmt(s.values[input.id], input.unit);
        const isChanged = s.changed.includes(input.id);
        return [
          input.label,
          isChanged ? [{ text: value, bold: true }, " (" + (own && input.id in own.changed ? own.memoChanged(input.id)
            : fill(t.endret, { standard: fmt(s.defaults[input.id], input.unit) })) + ")"] : value,
          own && own.own[input.id] ? [{ text: own.own[input.id], bold: true }] : view.source_text(input.source, isChanged, t),
        ];
      }), head: [k.forutsetning, k.verdi, k.kilde], widths: [5, 3, 5] });
    }

    // Resultat: every figure, who pays and who saves, the main chart.
    h(2, d.resultat);
    const scalars = data.outputs.filter((o) => o.kind === "number" || o.kind === "year");
    out.push({ table: scalars.map((o) => [o.label, showOutput(o)]), head: [k.resultat, interval ? k.skjema : k.verdi],
      widths: [3, 2], numeric: [1], caption: t.alle_resultater });
    for (const o of data.outputs.filter((x) => x.kind === "by_holder")) {
      h(3, (o.id === data.workbook.present_values ? t.hvem : o.label) + (interval ? " (" + k.skjema.toLowerCase() + ")" : ""));
      if (o.id === data.workbook.present_values && !data.workbook.cost) p(t.positive);
      out.push({ table: view.holder_rows(s.meta, s.meta.outputs.find((x) => x.id === o.id), s.outputs[o.id])
        .map(([label, value, sum]) => (sum ? [{ text: label, bold: true }, { text: value, bold: true }] : [label, value])),
      head: [k.budsjett, o.label], widths: [3, 2], numeric: [1] });
    }
    if (chart) {
      out.push({ image: chart });
      out.push({ p: [fill(t.diagram, { tittel: chart.alt })], style: "caption" });
    } else {
      p(t.diagram_mangler);
    }

    // Usikkerhet og virkninger som ikke er prissatt (issue 12's ranges and marks, when present).
    h(2, d.usikkerhet);
    const rows = interval ? view.uncertainty_rows(s.meta, s.outputs, interval) : [];
    if (rows.length) {
      p(fill(t.usikkerhet_intervall, { antall: interval.samples }));
      const withNone = rows.some((r) => r[5] !== "");
      out.push({ table: rows.map((r) => (withNone ? r : r.slice(0, 5))),
        head: [k.resultat, k.midtverdi, k.intervall, k.i_pluss, k.skjema].concat(withNone ? [k.ingen_effekt] : []),
        widths: withNone ? [4, 2, 3, 2, 2, 2] : [4, 2, 3, 2, 2], numeric: withNone ? [1, 2, 3, 4, 5] : [1, 2, 3, 4] });
    } else {
      p(t.usikkerhet_ingen);
    }
    const ranges = Object.entries(s.ranges || {}).filter(([id, r]) => inputsById[id] && Array.isArray(r));
    if (ranges.length) {
      p(t.spenn);
      out.push({ table: ranges.map(([id, [low, high]]) => {
        const input = inputsById[id];
        return [input.label, fmt(low, input.unit), fmt(s.values[id], input.unit), fmt(high, input.unit)];
      }), head: [k.forutsetning, k.lav, k.verdi, k.hoy], widths: [5, 2, 2, 2], numeric: [1, 2, 3] });
    }
    const marks = unpricedOf(s, t);
    if (marks.length) {
      p(t.pluss_minus);
      out.push({ table: marks.map(([label, mark]) => [label, mark]), head: [k.virkning, k.vurdering], widths: [4, 1] });
    } else {
      p(t.prissatt_ingen);
    }

    // Kilder
    h(2, d.kilder);
    const sources = [];
    for (const input of data.inputs) {
      const src = input.source;
      if (src.status !== "kilde") continue;
      const key = [src.publisher, src.year, src.title, src.url].join("|");
      if (!sources.some((x) => x.key === key)) sources.push({ key, src });
    }
    if (sources.length) {
      p(t.kilder_innledning);
      out.push({ list: sources.map(({ src }) => [src.publisher + " (" + src.year + "): " + src.title + (src.url ? ". " : "")]
        .concat(src.url ? [{ text: src.url, link: src.url }] : [])) });
    } else {
      p(t.kilder_ingen);
    }
    const method = new URL(data.method_page, SITE).href;
    p(t.metode + " ", { text: method, link: method });

    // Forbehold: illustrative figures, what the model leaves out.
    h(2, d.forbehold);
    const illustrative = data.inputs.filter((i) => i.source.status !== "kilde" && !(own && own.own[i.id])).length; // not the municipality's
    p(t.forbehold[0]);
    if (illustrative) p(fill(t.forbehold[1], { antall: illustrative, av: data.inputs.length }));
    p(t.forbehold_utelater);
    out.push({ list: data.left_out.map((item) => (typeof item === "string" ? [item]
      : { runs: [item.text], sub: item.sub.map((text) => [text]) })) });

    // The scenario link, so readers can open it: its sentence and the address stay together
    // (the address alone on a last page says nothing).
    h(2, d.scenario);
    out.push({ p: [own ? own.link : t.scenario], keep: true }); // with a profile the link does not give these figures
    p({ text: s.link, link: s.link });
    // A plain paragraph that introduces a table, list or image stays on its page.
    out.forEach((block, i) => {
      const next = out[i + 1];
      if (block.p && !block.style && next && (next.table || next.list || next.image)) block.keep = true;
    });
    return out;
  }

  // Issue 29: profil.js's account of the figures on screen (a field is the municipality's only while it
  // holds the profile's figure), or null without a profile.
  function profileOf(s, fmt) {
    const P = globalThis.vlProfil, units = Object.fromEntries(((s.meta && s.meta.inputs) || []).map((i) => [i.id, i.unit]));
    return P && P.describe && s.meta && s.meta.profile ? P.describe(s.meta, s.values, (value, id) => fmt(value, units[id])) : null;
  }

  // Numbers as the page writes them: the model's view code (calculators/view/view.py, translated).
  function formats(s) {
    const view = views[s.model];
    return {
      number: (value, unit) => view.format_number(value, unit, false, false),
      exact: (value, unit) => view.format_number(value, unit, true, false), // an input: every decimal
      output: (value, output) => view.format_output(value, output),
    };
  }

  // Issue 12 (honest numbers): vlKalkulator.scenario(root) carries uncertainty {intervals: {output:
  // [P10, P50, P90]}, payback (share 0–1), samples, no_effect: {output: value}}, ranges {input:
  // [low, high]}, marks {effect: "pluss"|"null"|"minus"} and unpriced [{id, label}]. Each may be absent.
  // The analysis in view.Interval's shape (calculators/view/view.py), or null when there is none.
  function uncertaintyOf(s) {
    const u = s.uncertainty && typeof s.uncertainty === "object" ? s.uncertainty : null;
    if (!u || !u.intervals || !u.samples || !s.meta || !s.meta.interval) return null;
    const intervals = {};
    for (const [id, v] of Object.entries(u.intervals)) {
      if (Array.isArray(v) && v.length === 3 && v.every((x) => isFinite(x))) intervals[id] = v;
    }
    return { intervals, shares: u.shares || {}, means: u.means || {}, payback: u.payback || 0, samples: u.samples, no_effect: u.no_effect || {} };
  }

  const MARK_SIGNS = { pluss: "+", null: "0", minus: "\u2212" };

  function unpricedOf(s, t) {
    const effects = Array.isArray(s.unpriced) ? s.unpriced : [], marks = s.marks || {};
    return effects.filter((e) => e && e.label)
      .map((e) => [e.label, MARK_SIGNS[marks[e.id]] || t.ikke_vurdert]);
  }

  // Waits (at most a few seconds) for a running uncertainty calculation, so the file has the interval.
  function settled(root, s) {
    const model = (globalThis.vlKalkulatorer || {})[s.model];
    const pending = model && model.meta && model.meta.uncertainty && root.vlUsikkerhet && !root.dataset.vlIntervalReady;
    if (!pending) return Promise.resolve(s);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        root.removeEventListener("vl-intervall", done);
        resolve(globalThis.vlKalkulator.scenario(root) || s);
      };
      const timer = setTimeout(done, 5000);
      root.addEventListener("vl-intervall", done);
    });
  }

  // ---- the main chart as a PNG (SVG → canvas), light colours whatever the page's palette -----
  const SVG_PROPS = ["fill", "stroke", "stroke-width", "stroke-dasharray", "stroke-linecap", "stroke-linejoin",
    "opacity", "fill-opacity", "stroke-opacity", "font-size", "font-family", "font-weight", "font-style",
    "text-anchor", "dominant-baseline", "display", "visibility"];
  const CHART_SCALE = 3;

  async function chartImage(root) {
    const svg = root.querySelector("[data-vl-out] svg");
    if (!svg) return null;
    try {
      const viewBox = svg.viewBox.baseVal, w = Math.ceil(viewBox.width), hgt = Math.ceil(viewBox.height);
      const clone = svg.cloneNode(true);
      const body = document.body, scheme = body.getAttribute("data-md-color-scheme");
      if (scheme !== null) body.setAttribute("data-md-color-scheme", "default");
      try {
        const from = [svg, ...svg.querySelectorAll("*")], to = [clone, ...clone.querySelectorAll("*")];
        from.forEach((node, i) => {
          const style = getComputedStyle(node);
          for (const prop of SVG_PROPS) to[i].setAttribute(prop, style.getPropertyValue(prop));
          to[i].removeAttribute("class");
        });
      } finally {
        if (scheme !== null) body.setAttribute("data-md-color-scheme", scheme);
      }
      clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
      clone.setAttribute("width", w * CHART_SCALE);
      clone.setAttribute("height", hgt * CHART_SCALE);
      const text = new XMLSerializer().serializeToString(clone);
      const image = new Image();
      image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(text);
      await image.decode();
      const canvas = document.createElement("canvas");
      canvas.width = w * CHART_SCALE;
      canvas.height = hgt * CHART_SCALE;
      const context = canvas.getContext("2d");
      context.fillStyle = "#ffffff";
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
      if (!blob) return null;
      const label = svg.getAttribute("aria-label") || "";
      return { png: new Uint8Array(await blob.arrayBuffer()), width: canvas.width, height: canvas.height,
        alt: label.replace(/\.\s.*$/, "").replace(/^[^:]*:\s*/, "") || label };
    } catch (error) {
      return null; // e.g. a browser that taints the canvas: the memo says so and keeps the tables
    }
  }

  // ---- ODT ---------------------------------------------------------------------------------------
  const PAGE_MM = { width: 210, height: 297 };

  function textWidthMm(typo) { return PAGE_MM.width - 2 * typo.margin_side_mm; }

  function imageMm(image, typo) {
    // 0.3 mm per SVG unit (chart text of 13 units ≈ 11 pt), at most the text width and 150 mm high.
    const units = image.width / CHART_SCALE, ratio = image.height / image.width;
    const width = Math.min(textWidthMm(typo), units * 0.3, 150 / ratio);
    return { width, height: width * ratio };
  }

  function odtRuns(runs) {
    return runs.map((run) => {
      if (typeof run === "string") return odtText(run);
      let inner = odtText(run.text);
      if (run.bold) inner = `<text:span text:style-name="Sterk">${inner}</text:span>`;
      return run.link ? `<text:a xlink:type="simple" xlink:href="${xml(run.link)}">${inner}</text:a>` : inner;
    }).join("");
  }

  function odtText(text) { // keep runs of spaces (text:s)
    return xml(text).replace(/ {2,}/g, (spaces) => ` <text:s text:c="${spaces.length - 1}"/>`);
  }

  function cellRuns(cell) { return Array.isArray(cell) ? cell : [cell]; }

  function odtContent(blocks, typo) {
    let tables = 0;
    const auto = [], body = [];
    for (const block of blocks) {
      if (block.h) {
        body.push(`<text:h text:style-name="${block.h === 1 ? "Title" : "Heading_20_" + (block.h - 1)}" text:outline-level="${block.h === 1 ? 1 : block.h - 1}">${odtText(block.text)}</text:h>`);
      } else if (block.p) {
        const style = { sub: "Subtitle", caption: "Caption" }[block.style] || (block.keep ? "Innledning" : "Text_20_body");
        body.push(`<text:p text:style-name="${style}">${odtRuns(block.p)}</text:p>`);
      } else if (block.list) {
        const odtItem = (runs) => `<text:p text:style-name="Listeavsnitt">${odtRuns(runs)}</text:p>`;
        body.push(`<text:list text:style-name="Punkt">${block.list.map((item) => (Array.isArray(item)
          ? `<text:list-item>${odtItem(item)}</text:list-item>`
          : `<text:list-item>${odtItem(item.runs)}<text:list>${item.sub.map((sub) =>
            `<text:list-item>${odtItem(sub)}</text:list-item>`).join("")}</text:list></text:list-item>`)).join("")}</text:list>`);
      } else if (block.table) {
        tables += 1;
        const name = "Tabell" + tables, total = block.widths.reduce((a, b) => a + b, 0), width = textWidthMm(typo);
        auto.push(`<style:style style:name="${name}" style:family="table"><style:table-properties style:width="${width}mm" table:align="left" fo:margin-bottom="2.5mm" style:may-break-between-rows="true"/></style:style>`);
        block.widths.forEach((w, i) => auto.push(`<style:style style:name="${name}.${i + 1}" style:family="table-column"><style:table-column-properties style:column-width="${(width * w / total).toFixed(2)}mm"/></style:style>`));
        const row = (cells, head) => `<table:table-row table:style-name="Rad">${cells.map((cell, i) => {
          const numeric = (block.numeric || []).includes(i);
          const style = head ? "Tabelloverskrift" : numeric ? "Tabelltall" : "Tabelltekst";
          const cellStyle = block.fields ? "Felt" : head ? "Hodecelle" : "Celle";
          return `<table:table-cell table:style-name="${cellStyle}" office:value-type="string"><text:p text:style-name="${style}">${odtRuns(cellRuns(cell))}</text:p></table:table-cell>`;
        }).join("")}</table:table-row>`;
        body.push(`<table:table table:name="${name}" table:style-name="${name}">` +
          block.widths.map((_, i) => `<table:table-column table:style-name="${name}.${i + 1}"/>`).join("") +
          (block.head ? `<table:table-header-rows>${row(block.head, true)}</table:table-header-rows>` : "") +
          block.table.map((cells) => row(cells, false)).join("") + "</table:table>");
      } else if (block.image) {
        const size = imageMm(block.image, typo);
        body.push(`<text:p text:style-name="Figur"><draw:frame draw:style-name="Bilde" draw:name="Diagram" text:anchor-type="as-char" svg:width="${size.width.toFixed(1)}mm" svg:height="${size.height.toFixed(1)}mm" draw:z-index="0"><draw:image xlink:href="Pictures/diagram.png" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad" draw:mime-type="image/png"/><svg:title>${xml(block.image.alt)}</svg:title><svg:desc>${xml(block.image.alt)}</svg:desc></draw:frame></text:p>`);
      }
    }
    return { auto: auto.join(""), body: body.join("") };
  }

  // The skeleton (calculators/site/memo_document.py, made with odfpy) holds the styles, the package and
  // two slots: ⟦vl:innhold⟧, a paragraph of its own where the blocks go, and ⟦vl:tittel⟧.
  function odt(blocks, title, typo, skeleton) {
    const image = blocks.find((b) => b.image), content = odtContent(blocks, typo);
    const entries = vlZip.parts(skeleton.odt, (name, text) => {
      if (name === "content.xml") {
        return slotParagraph(text, "text:p", content.body).replace("</office:automatic-styles>", content.auto + "</office:automatic-styles>");
      }
      if (name === "META-INF/manifest.xml" && image) {
        return text.replace("</manifest:manifest>", '<manifest:file-entry manifest:full-path="Pictures/diagram.png" manifest:media-type="image/png"/></manifest:manifest>');
      }
      return text.replace(TITLE_SLOT, xml(title));
    });
    if (image) entries.push({ name: "Pictures/diagram.png", data: image.image.png });
    return vlZip.store(entries);
  }

  const BODY_SLOT = "\u27e6vl:innhold\u27e7", TITLE_SLOT = "\u27e6vl:tittel\u27e7";

  // The skeleton's paragraph (<text:p …>⟦vl:innhold⟧</text:p>, <w:p>…</w:p>) replaced by ``body``.
  function slotParagraph(text, tag, body) {
    const at = text.indexOf(BODY_SLOT);
    if (at < 0) throw failure("Malen for beslutningsnotatet mangler plassen for innholdet.");
    const start = Math.max(text.lastIndexOf("<" + tag + ">", at), text.lastIndexOf("<" + tag + " ", at));
    const end = text.indexOf("</" + tag + ">", at) + tag.length + 3;
    return text.slice(0, start) + body + text.slice(end);
  }

  // ---- DOCX --------------------------------------------------------------------------------------
  const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const TWIP_PER_MM = 1440 / 25.4, EMU_PER_MM = 36000;

  function docxText(text, props) {
    return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ""}<w:t xml:space="preserve">${xml(text)}</w:t></w:r>`;
  }

  function docxRuns(runs, links) {
    return runs.map((run) => {
      if (typeof run === "string") return docxText(run);
      const props = (run.link ? '<w:rStyle w:val="Hyperlink"/>' : "") + (run.bold ? "<w:b/>" : "");
      const inner = docxText(run.text, props);
      if (!run.link) return inner;
      links.push(run.link);
      return `<w:hyperlink r:id="rIdLenke${links.length}" w:history="1">${inner}</w:hyperlink>`;
    }).join("");
  }

  function docxParagraph(style, content, extra) {
    return `<w:p><w:pPr><w:pStyle w:val="${style}"/>${extra || ""}</w:pPr>${content}</w:p>`;
  }

  function docxDocument(blocks, typo, links) {
    const width = Math.round(textWidthMm(typo) * TWIP_PER_MM), body = [];
    let images = 0;
    for (const [index, block] of blocks.entries()) {
      if (block.h) {
        body.push(docxParagraph(block.h === 1 ? "Title" : "Heading" + (block.h - 1), docxText(block.text)));
      } else if (block.p) {
        const style = { sub: "Subtitle", caption: "Caption" }[block.style] || "Normal";
        body.push(docxParagraph(style, docxRuns(block.p, links), block.keep ? "<w:keepNext/>" : ""));
      } else if (block.list) {
        for (const item of block.list) {
          body.push(docxParagraph("ListBullet", docxRuns(Array.isArray(item) ? item : item.runs, links)));
          for (const sub of Array.isArray(item) ? [] : item.sub) {
            body.push(docxParagraph("ListBullet", docxRuns(sub, links), '<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>'));
          }
        }
      } else if (block.table) {
        const total = block.widths.reduce((a, b) => a + b, 0), cols = block.widths.map((w) => Math.round(width * w / total));
        const border = block.fields
          ? `<w:tblBorders><w:bottom w:val="single" w:sz="4" w:color="${typo.border}"/><w:insideH w:val="single" w:sz="4" w:color="${typo.border}"/></w:tblBorders>`
          : `<w:tblBorders>${["top", "left", "bottom", "right", "insideH", "insideV"].map((side) => `<w:${side} w:val="single" w:sz="4" w:color="${typo.border}"/>`).join("")}</w:tblBorders>`;
        const row = (cells, head, last) => `<w:tr><w:trPr><w:cantSplit/>${head ? "<w:tblHeader/>" : ""}</w:trPr>${cells.map((cell, i) => {
          const numeric = (block.numeric || []).includes(i);
          const shade = head ? `<w:shd w:val="clear" w:color="auto" w:fill="${typo.head_fill.toUpperCase()}"/>` : "";
          const keep = last ? "" : "<w:keepNext/>"; // a table's rows stay with the next (short tables never split)
          const runs = cellRuns(cell).map((run) => head ? (typeof run === "string" ? { text: run, bold: true } : { ...run, bold: true }) : run);
          return `<w:tc><w:tcPr><w:tcW w:w="${cols[i]}" w:type="dxa"/>${shade}</w:tcPr>${docxParagraph(numeric && !head ? "Tabelltall" : "Tabelltekst", docxRuns(runs, links), keep)}</w:tc>`;
        }).join("")}</w:tr>`;
        const rows = block.table.length, short = rows <= 12;
        body.push(`<w:tbl><w:tblPr><w:tblW w:w="${width}" w:type="dxa"/>${border}<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>` +
          `<w:tblGrid>${cols.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>` +
          (block.head ? row(block.head, true, false) : "") +
          block.table.map((cells, i) => row(cells, false, !short || i === rows - 1)).join("") + "</w:tbl>");
        body.push(docxParagraph("EtterTabell", ""));
      } else if (block.image) {
        images += 1;
        const size = imageMm(block.image, typo), cx = Math.round(size.width * EMU_PER_MM), cy = Math.round(size.height * EMU_PER_MM);
        const alt = xml(block.image.alt);
        body.push(docxParagraph("Figur", `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:extent cx="${cx}" cy="${cy}"/><wp:docPr id="${images}" name="Diagram ${images}" descr="${alt}"/><wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="${images}" name="diagram.png" descr="${alt}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdBilde"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`, "<w:keepNext/>"));
      }
    }
    return body.join("");
  }

  // The skeleton (calculators/site/memo_document.py, made with python-docx) holds the styles, the bullet
  // numbering, the page, the package and the slots; here the blocks, the chart and one relationship per link.
  function docx(blocks, title, typo, skeleton) {
    const links = [], image = blocks.find((b) => b.image), body = docxDocument(blocks, typo, links);
    const rels = (image ? [`<Relationship Id="rIdBilde" Type="${REL}/image" Target="media/diagram.png"/>`] : [])
      .concat(links.map((href, i) => `<Relationship Id="rIdLenke${i + 1}" Type="${REL}/hyperlink" Target="${xml(href)}" TargetMode="External"/>`));
    const entries = vlZip.parts(skeleton.docx, (name, text) => {
      if (name === "word/document.xml") return slotParagraph(text, "w:p", body);
      if (name === "word/_rels/document.xml.rels") return text.replace("</Relationships>", rels.join("") + "</Relationships>");
      return text.replace(TITLE_SLOT, xml(title));
    });
    if (image) entries.push({ name: "word/media/diagram.png", data: image.image.png });
    return vlZip.store(entries);
  }

  // The skeletons are a script beside this one (assets/eksport/), loaded with the first memo.
  const SKELETON = "beslutningsnotat-maler.js"; // calculators/site/memo_document.py SITE_PATH
  let skeletonLoad = null;

  function skeleton() {
    if (globalThis.vlNotatSkjelett) return Promise.resolve(globalThis.vlNotatSkjelett);
    if (!skeletonLoad) {
      skeletonLoad = new Promise((resolve, reject) => {
        const tag = document.createElement("script");
        tag.src = new URL(SKELETON, script && script.src ? script.src : new URL("assets/eksport/", SITE)).href;
        tag.addEventListener("load", () => (globalThis.vlNotatSkjelett ? resolve(globalThis.vlNotatSkjelett) : reject(tag.src)));
        tag.addEventListener("error", () => { skeletonLoad = null; tag.remove(); reject(tag.src); });
        document.head.append(tag);
      }).catch(() => { skeletonLoad = null; throw failure("Fant ikke malen for beslutningsnotatet. Last siden på nytt og prøv igjen."); });
    }
    return skeletonLoad;
  }

  // ---- print view (HTML) -------------------------------------------------------------------------
  function htmlRuns(parent, runs) {
    for (const run of runs) {
      if (typeof run === "string") { parent.append(run); continue; }
      let node = document.createTextNode(run.text);
      if (run.bold) { const strong = document.createElement("strong"); strong.append(node); node = strong; }
      if (run.link) { const a = document.createElement("a"); a.href = run.link; a.append(node); node = a; }
      parent.append(node);
    }
  }

  function html(blocks) {
    const root = document.createElement("article");
    root.className = "vl-notat";
    root.setAttribute("data-vl-notat", "");
    for (const block of blocks) {
      let node;
      if (block.h) {
        node = document.createElement("h" + block.h);
        node.textContent = block.text;
      } else if (block.p) {
        node = document.createElement("p");
        if (block.style || block.keep) node.className = "vl-notat__" + (block.style || "keep");
        htmlRuns(node, block.p);
      } else if (block.list) {
        node = document.createElement("ul");
        for (const item of block.list) {
          const li = document.createElement("li");
          htmlRuns(li, Array.isArray(item) ? item : item.runs);
          if (!Array.isArray(item)) {
            const sub = document.createElement("ul");
            for (const runs of item.sub) { const child = document.createElement("li"); htmlRuns(child, runs); sub.append(child); }
            li.append(sub);
          }
          node.append(li);
        }
      } else if (block.table) {
        node = document.createElement("table");
        if (block.fields) node.className = "vl-notat__felt";
        const total = block.widths.reduce((a, b) => a + b, 0), group = document.createElement("colgroup");
        for (const w of block.widths) { const col = document.createElement("col"); col.className = "vl-notat__w" + Math.round(20 * w / total); group.append(col); }
        node.append(group);
        const add = (section, cells, tag) => {
          const tr = document.createElement("tr");
          cells.forEach((cell, i) => {
            const td = document.createElement(tag);
            if ((block.numeric || []).includes(i)) td.className = "vl-notat__tall";
            if (tag === "th") td.scope = "col";
            htmlRuns(td, cellRuns(cell));
            tr.append(td);
          });
          section.append(tr);
        };
        if (block.head) { const thead = document.createElement("thead"); add(thead, block.head, "th"); node.append(thead); }
        const tbody = document.createElement("tbody");
        for (const cells of block.table) add(tbody, cells, "td");
        node.append(tbody);
      } else if (block.image) {
        node = document.createElement("img");
        node.alt = block.image.alt;
        node.className = "vl-notat__diagram";
        let binary = "";
        for (const byte of block.image.png) binary += String.fromCharCode(byte);
        node.src = "data:image/png;base64," + btoa(binary);
      }
      root.append(node);
    }
    return root;
  }

  function stylesheet() {
    const href = new URL("assets/stylesheets/notat.css", SITE).href;
    let link = document.querySelector('link[data-vl-notat-css]');
    if (link) return link.sheet ? Promise.resolve() : new Promise((resolve) => link.addEventListener("load", resolve, { once: true }));
    link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    link.setAttribute("data-vl-notat-css", "");
    return new Promise((resolve, reject) => {
      link.addEventListener("load", resolve, { once: true });
      link.addEventListener("error", () => { link.remove(); reject(new Error(href)); }, { once: true });
      document.head.append(link);
    });
  }

  async function printView(blocks) {
    await stylesheet();
    for (const old of document.querySelectorAll("body > [data-vl-notat]")) old.remove();
    const view = html(blocks);
    document.body.append(view);
    await Promise.all([...view.querySelectorAll("img")].map((img) => img.decode().catch(() => {})));
    document.body.classList.add("vl-notat-utskrift");
    const done = () => { document.body.classList.remove("vl-notat-utskrift"); view.remove(); };
    window.addEventListener("afterprint", done, { once: true });
    return view;
  }

  // ---- XLSX: the cells and styles; vlSheet (sheet.js) writes the workbook -----------------------
  const XF = { text: 0, head: 1, title: 2, kr: 3, factor: 4, input: 5, number: 6, wrap: 7, sumKr: 8, note: 9,
    never: 10, notComputable: 11, dash: 12, percent: 13, percentNotComputable: 14 };

  // Issue 12's interval, as values (the simulation runs in the calculator, not in the sheet).
  function intervalRows(s, data, rows) {
    const t = data.texts.regneark, interval = uncertaintyOf(s);
    const outputs = Object.fromEntries(data.outputs.map((o) => [o.id, o]));
    if (!interval || !Object.keys(interval.intervals).length) return;
    rows.push([], [{ v: fill(t.usikkerhet_tittel, { antall: interval.samples }), s: XF.title }],
      t.usikkerhet_kolonner.map((v) => ({ v, s: XF.head })));
    for (const id of s.meta.interval.outputs.filter((o) => interval.intervals[o])) {
      const [p10, p50, p90] = interval.intervals[id];
      const none = s.meta.interval.no_effect_outputs.includes(id) && typeof interval.no_effect[id] === "number"
        ? { v: interval.no_effect[id], s: XF.kr } : null;
      rows.push([{ v: outputs[id] ? outputs[id].label : id }, { v: p50, s: XF.kr }, { v: p10, s: XF.kr },
        { v: p90, s: XF.kr }, s.meta.interval.no_effect_outputs.includes(id) ? { v: Math.round((interval.shares[id] || 0) * 100), s: XF.number } : null,
        { v: s.outputs[id], s: XF.kr }, none]);
    }
  }

  // The workbook is the model (calculators/sheets/<model>.py): the layout's cells, filled from the
  // scenario; a formula cell stores the value the translated sheet_values computes for it.
  function layoutSheets(s, data) {
    const t = data.texts.regneark, stored = views[s.model].sheet_values(s.values), ranges = s.ranges || {};
    const own = profileOf(s, formats(s).exact), mine = (id) => !!(own && own.own[id]);
    const scenario = { // a cell {x, id, v}: v is what it says without a profile (issue 29)
      link: () => t.kilde_note + " " + s.link + (own ? " " + own.link : ""),
      prices: (id, v) => (own && own.prices ? own.prices : v),
      kroner: (id, v) => (own && own.kroner ? v.replace(data.price_year + "-kroner", own.kroner) : v), // a heading «({år}-kroner)»
      // a sourced value the user changed is not the source's figure (memo.py source_text, as in the memo)
      source: (id, v) => (mine(id) ? own.sources[id] : v && s.changed.includes(id)
        ? views[s.model].source_text(data.inputs.find((i) => i.id === id).source, true, data.texts.notat) : v),
      status: (id, v) => (mine(id) ? own.status : v),
      changed: (id) => (s.changed.includes(id) ? (own && id in own.changed ? own.sheetChanged(id) : t.ja) : mine(id) ? own.status : null),
      low: (id) => (Array.isArray(ranges[id]) ? ranges[id][0] : null),
      high: (id) => (Array.isArray(ranges[id]) ? ranges[id][1] : null),
    };
    // cell.none: the words for the model's −1 (a year that never comes), as the formula gives them (cells.in_words)
    const worded = (cell, v) => (cell.none !== undefined && v === -1 ? cell.none : v);
    const fillCell = (cell) => {
      if (!cell) return null;
      const s_ = XF[cell.s || "text"];
      if (cell.f !== undefined) return { f: cell.f, v: worded(cell, cell.k ? cell.i.reduce((a, i) => a[i], stored[cell.k]) : cell.sv), s: s_ };
      if (cell.in !== undefined) return { v: s.values[cell.in], s: s_ };
      if (cell.o !== undefined) return { v: worded(cell, cell.h ? s.outputs[cell.o][cell.h] : s.outputs[cell.o]), s: s_ };
      if (cell.x !== undefined) { const v = scenario[cell.x](cell.id, cell.v === undefined ? null : cell.v); return v === null || v === "" ? null : { v, s: s_ }; }
      return { v: cell.v, s: s_ };
    };
    return data.sheet.sheets.map((sheet) => {
      const rows = sheet.rows.map((cells) => cells.map(fillCell));
      if (sheet.interval) intervalRows(s, data, rows);
      return { name: sheet.name, xml: vlSheet.worksheet(rows, { widths: sheet.widths, freeze: sheet.freeze || null }) };
    });
  }

  function xlsx(s, data) {
    const styles = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<numFmts count="8"><numFmt numFmtId="164" formatCode="#,##0"/><numFmt numFmtId="165" formatCode="0.000000"/><numFmt numFmtId="166" formatCode="#,##0.###"/>' +
      // −1 is the model's «none» (calculators/sheets/cells.py result_style): shown in words, never as −1.
      `<numFmt numFmtId="167" formatCode="${xml(`[=-1]"${data.texts.regneark.aldri}";0`)}"/>` +
      `<numFmt numFmtId="168" formatCode="${xml(`[=-1]"${data.texts.regneark.kan_ikke}";#,##0.###`)}"/>` +
      '<numFmt numFmtId="169" formatCode="[=-1]&quot;–&quot;;0"/>' + // a helper column's «none»
      // a percent result: the page's decimals (calculators/sheets/cells.py percent_format)
      `<numFmt numFmtId="170" formatCode="#,##0.0#"/><numFmt numFmtId="171" formatCode="${xml(`[=-1]"${data.texts.regneark.kan_ikke}";#,##0.0#`)}"/></numFmts>` +
      `<fonts count="4"><font><sz val="10"/><name val="${xml(data.typography.docx_font)}"/></font><font><b/><sz val="10"/><name val="${xml(data.typography.docx_font)}"/></font>` +
      `<font><b/><sz val="12"/><color rgb="FF${data.typography.colour.toUpperCase()}"/><name val="${xml(data.typography.docx_font)}"/></font><font><i/><sz val="10"/><name val="${xml(data.typography.docx_font)}"/></font></fonts>` +
      '<fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
      '<fill><patternFill patternType="solid"><fgColor rgb="FFFFF2A8"/><bgColor indexed="64"/></patternFill></fill>' +
      `<fill><patternFill patternType="solid"><fgColor rgb="FF${data.typography.head_fill.toUpperCase()}"/><bgColor indexed="64"/></patternFill></fill></fills>` +
      '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"><color rgb="FF6B6B6B"/></bottom><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="15">' +
      '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' + // text
      '<xf numFmtId="0" fontId="1" fillId="3" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>' + // head
      '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>' + // title
      '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' + // kr
      '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' + // factor
      '<xf numFmtId="166" fontId="1" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1"/>' + // input
      '<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' + // number
      '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>' + // wrap
      '<xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>' + // sum kr
      '<xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1"/>' + // note
      '<xf numFmtId="167" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' + // never
      '<xf numFmtId="168" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' + // notComputable
      '<xf numFmtId="169" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' + // dash
      '<xf numFmtId="170" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' + // percent
      '<xf numFmtId="171" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' + // percentNotComputable
      '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
    return vlSheet.workbook({ sheets: layoutSheets(s, data), styles, title: data.title, names: data.sheet.names });
  }

  // ---- CSV: the yearly flows, for Norwegian Excel (written by vlSheet.csv: semicolon, UTF-8 with BOM) --
  // The rows come from calculators/view/memo.py (flow_rows) and calculators/site/eksport.py (csv_rows: title,
  // scenario, link, units in the headers), both translated; vlSheet.csv writes them.
  function csv(s, data) {
    const t = data.texts.regneark, flows = s.outputs[data.workbook.flows], view = views[s.model];
    const lines = view.csv_rows(data, s, view.flow_rows(s.meta, flows, [t.csv_kolonner_ar, t.offentlig, t.alle]));
    const own = profileOf(s, formats(s).exact); // issue 29: only the figures on screen that are the municipality's
    if (own) lines.push([], [own.csv || own.link]);
    return vlSheet.csv(lines);
  }

  // ---- entry points ------------------------------------------------------------------------------
  async function build(root, format, s) {
    const data = models[s.model];
    if (!data) throw failure("Eksporten kjenner ikke kalkulatoren «" + s.model + "».");
    const stem = (format === "xlsx" || format === "csv" ? data.texts.regneark.fil : data.texts.notat.fil).replace("{modell}", s.model);
    if (format === "xlsx") return { name: stem + ".xlsx", type: MIME.xlsx, bytes: xlsx(s, data) };
    if (format === "csv") return { name: stem + ".csv", type: MIME.csv, bytes: csv(s, data) };
    const blocks = memo(s, data, await chartImage(root));
    const title = fill(data.texts.notat.tittel, { tittel: data.title });
    if (format === "odt") return { name: stem + ".odt", type: MIME.odt, bytes: odt(blocks, title, data.typography, await skeleton()) };
    if (format === "docx") return { name: stem + ".docx", type: MIME.docx, bytes: docx(blocks, title, data.typography, await skeleton()) };
    if (format === "utskrift") return { name: "", type: "text/html", blocks };
    throw failure("Ukjent format: " + format);
  }

  function size(bytes) {
    return bytes < 1024 ? bytes + NBSP + "byte" : Math.round(bytes / 1024) + NBSP + "kB";
  }

  async function run(root, format, s) {
    if (!s) throw failure("Kalkulatoren er ikke klar ennå. Prøv igjen om et øyeblikk.");
    if (s.error) throw failure(s.error);
    s = await settled(root, s);
    const stale = root.querySelector(".vl-calc__stale");
    if (stale && !stale.hidden) throw failure(stale.textContent); // a field is wrong: no file of old numbers
    const file = await build(root, format, s);
    if (format === "utskrift") {
      await printView(file.blocks);
      window.print();
      return "Beslutningsnotatet er klart til utskrift. Velg «Lagre som PDF» for å få en PDF.";
    }
    vlZip.download(new Blob([file.bytes], { type: file.type }), file.name);
    return "Lastet ned " + file.name + " (" + size(file.bytes.length) + ").";
  }

  // register(data, view): the model's data and its translated format_number/format_output.
  globalThis.vlEksport = { register: (data, view) => { models[data.id] = data; views[data.id] = view; }, run, build, printView };
})();

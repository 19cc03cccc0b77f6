/* Kommunens egne tall (issue 29): the importer on okonomi/egne-tall/.
 *
 * Loaded only by that page (after profil.js, zip.js and sheet.js, in assets/kalkulatorer/profil-import.<hash>.js).
 * A file chosen or dropped is read here and nowhere else: nothing is sent. It may be the template
 * as CSV (semicolons or commas, decimal comma, UTF-8 with or without BOM, or Windows-1252 as older
 * Excel saves it) or as XLSX (read with a small zip reader and DecompressionStream("deflate-raw");
 * a formula cell gives its stored value). Each line is checked; a line with a mistake is left out
 * with a message, an unlikely figure is used with a warning. The reader sees what changes before
 * accepting. Every text comes from calculators/site/profile.yaml (vlProfilData.texts).
 */
(function () {
  "use strict";
  if (globalThis.vlProfilImport) return; // instant navigation runs the page's scripts again
  const P = globalThis.vlProfil, DATA = globalThis.vlProfilData, T = DATA.texts, C = DATA.columns;
  const LINES = new Map(DATA.lines.map((l) => [l.id, l]));
  const fill = P.fill, number = P.number;

  // ---- reading a file --------------------------------------------------------------------------
  function message(text) { const e = new Error(text); e.vlMessage = text; return e; }

  function size(bytes) {
    return bytes >= 1e6 ? (bytes / 1e6).toFixed(1).replace(".", ",") + "\u00a0MB" : Math.round(bytes / 1e3) + "\u00a0kB";
  }

  async function readFile(file) {
    if (!file || file.size === 0) throw message(T.tom);
    if (file.size > DATA.max_bytes) throw message(fill(T.for_stor, { storrelse: size(file.size), grense: size(DATA.max_bytes) }));
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) return xlsxRows(bytes);
    return csvRows(text(bytes));
  }

  function text(bytes) {
    if (bytes.includes(0)) throw message(T.ukjent_format);
    try { return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\ufeff/, ""); } catch (e) {
      return new TextDecoder("windows-1252").decode(bytes); // what older Excel writes as «CSV»
    }
  }

  // CSV as Excel writes it: the separator is the one the first line uses most (; , or tab).
  function csvRows(source) {
    const first = source.split(/\r?\n/, 1)[0];
    const sep = [";", "\t", ","].map((s) => [s, first.split(s).length]).sort((a, b) => b[1] - a[1])[0][0];
    const rows = [];
    let row = [], field = "", quoted = false;
    for (let i = 0; i < source.length; i++) {
      const ch = source[i];
      if (quoted) {
        if (ch === '"' && source[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
      } else if (ch === '"' && field === "") quoted = true;
      else if (ch === sep) { row.push(field); field = ""; }
      else if (ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[i + 1] === "\n") i++;
        row.push(field); rows.push(row); row = []; field = "";
      } else field += ch;
    }
    if (field !== "" || row.length) { row.push(field); rows.push(row); }
    return rows;
  }

  // ---- XLSX: a zip of XML; the first sheet's cells, formulas by their stored values -----------
  async function unzip(bytes) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let end = -1;
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
      if (view.getUint32(i, true) === 0x06054b50) { end = i; break; }
    }
    if (end < 0) throw message(T.xlsx_feil.innholdsliste);
    const count = view.getUint16(end + 10, true);
    let at = view.getUint32(end + 16, true);
    const entries = new Map();
    for (let n = 0; n < count; n++) {
      if (view.getUint32(at, true) !== 0x02014b50) throw message(T.xlsx_feil.odelagt);
      const method = view.getUint16(at + 10, true), packed = view.getUint32(at + 20, true);
      const nameLength = view.getUint16(at + 28, true), extra = view.getUint16(at + 30, true), comment = view.getUint16(at + 32, true);
      const local = view.getUint32(at + 42, true);
      const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
      entries.set(name, { method, packed, local });
      at += 46 + nameLength + extra + comment;
    }
    return async (name) => {
      const entry = entries.get(name);
      if (!entry) return null;
      const start = entry.local + 30 + view.getUint16(entry.local + 26, true) + view.getUint16(entry.local + 28, true);
      const data = bytes.subarray(start, start + entry.packed);
      if (entry.method === 0) return new TextDecoder().decode(data);
      if (entry.method !== 8) throw message(T.xlsx_feil.komprimering);
      const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
      return new Response(stream).text();
    };
  }

  function xmlDoc(source) {
    const doc = new DOMParser().parseFromString(source, "application/xml");
    if (doc.getElementsByTagName("parsererror").length) throw message(T.xlsx_feil.xml);
    return doc;
  }

  function children(node, name) { return [...node.getElementsByTagNameNS("*", name)]; }

  // The cell styles (indexes into cellXfs) whose number format shows a percent: the built-in 9 (0%)
  // and 10 (0.00%), or a custom format with a % outside quotes.
  function percentStyles(stylesXml) {
    const out = new Set();
    if (!stylesXml) return out;
    const doc = xmlDoc(stylesXml), custom = new Map();
    for (const f of children(doc, "numFmt")) custom.set(Number(f.getAttribute("numFmtId")), f.getAttribute("formatCode") || "");
    const xfs = children(doc, "cellXfs")[0];
    const list = xfs ? [...xfs.children].filter((x) => x.localName === "xf") : [];
    list.forEach((xf, i) => {
      const id = Number(xf.getAttribute("numFmtId") || 0), code = custom.get(id) || "";
      if (id === 9 || id === 10 || /%/.test(code.replace(/"[^"]*"|\\./g, ""))) out.add(i);
    });
    return out;
  }

  async function xlsxRows(bytes) {
    try {
      const get = await unzip(bytes);
      const workbook = xmlDoc(await get("xl/workbook.xml") || "");
      const sheet = children(workbook, "sheet")[0];
      const rid = sheet && (sheet.getAttribute("r:id") || sheet.getAttributeNS("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id"));
      const rels = xmlDoc(await get("xl/_rels/workbook.xml.rels") || "<r/>");
      const rel = children(rels, "Relationship").find((r) => r.getAttribute("Id") === rid);
      const target = rel ? rel.getAttribute("Target").replace(/^\/?(xl\/)?/, "xl/") : "xl/worksheets/sheet1.xml";
      const sharedXml = await get("xl/sharedStrings.xml");
      const shared = sharedXml ? children(xmlDoc(sharedXml), "si").map((si) => children(si, "t").map((t) => t.textContent).join("")) : [];
      const percent = percentStyles(await get("xl/styles.xml"));
      const doc = xmlDoc(await get(target) || "");
      return children(doc, "row").map((row) => {
        const out = [];
        for (const c of children(row, "c")) {
          const ref = c.getAttribute("r") || "", letters = ref.replace(/\d+/g, "");
          let index = out.length;
          if (letters) { index = 0; for (const ch of letters) index = index * 26 + ch.charCodeAt(0) - 64; index -= 1; }
          const type = c.getAttribute("t"), v = children(c, "v")[0];
          let value = "";
          if (type === "s") value = v ? shared[Number(v.textContent)] || "" : "";
          else if (type === "inlineStr") value = children(c, "t").map((t) => t.textContent).join("");
          else if (type === "str" || type === "e") value = v ? v.textContent : "";
          else if (type === "b") value = v ? v.textContent : "";
          else if (v && v.textContent !== "") { // a number, also a formula's stored result
            value = Number(v.textContent);
            // «13,5 %» typed in Excel is stored as 0.135 with a percent format: the figure is 13.5.
            if (percent.has(Number(c.getAttribute("s") || 0))) value = Math.round(value * 100 * 1e9) / 1e9;
          }
          while (out.length < index) out.push("");
          out[index] = value;
        }
        return out;
      });
    } catch (error) {
      throw message(fill(T.uleselig_xlsx, { feil: error.vlMessage || error.message }));
    }
  }

  // ---- checking, line by line ------------------------------------------------------------------
  // Norwegian numbers («1 000», «1.000,5», «kr 1 000», «50 %») are read by the calculators' own
  // reader, calculators/view/fields.py read_number translated (vlProfilTall, calculators/site/profile.py
  // number_reader_script): one set of rules for the form and the file. An XLSX number cell is a number already.
  const readNumber = globalThis.vlProfilTall.read_number;
  function parseNumber(raw) {
    if (typeof raw === "number") return isFinite(raw) ? raw : NaN;
    const reading = readNumber(String(raw));
    return reading.error === "" ? reading.value : NaN;
  }

  const norm = (s) => String(s).trim().toLowerCase().replace(/\s+/g, " ");

  // A figure with its unit in words («320 000 kr per familie per år»); a rate as the calculator writes it («13,5 %»).
  const worded = (value, line) => (line.price && line.unit_text ? number(value) + "\u00a0" + line.unit_text : number(value, line.unit));

  // The units a line may be written in: its own words («kr per familie per år»), the calculator's
  // («kr per år») or the code («kr/år»).
  const unitsOf = (line) => [line.unit_text, DATA.units[line.unit], line.unit].filter(Boolean).map(norm);

  // A value, also with the line's unit after it («80 000 kr/år», «12 100 kr»). {value} or {unit}:
  // a unit that is not the line's.
  function valueOf(raw, line) {
    if (typeof raw === "number") return { value: parseNumber(raw) };
    const text = norm(raw);
    for (const unit of unitsOf(line).sort((a, b) => b.length - a.length)) {
      if (text.length > unit.length && text.endsWith(unit)) return { value: parseNumber(text.slice(0, -unit.length)) };
    }
    const value = parseNumber(text);
    const tail = /^[\d\s.,\u2212-]*\d[\d\s.,]*\s*([^\d\s].*)$/.exec(text);
    return !isFinite(value) && tail && !/^(kr|%)\.?$/.test(tail[1]) ? { value, unit: tail[1] } : { value };
  }

  function check(rows) {
    const head = (rows[0] || []).map(norm);
    const col = (key) => head.indexOf(norm(C[key]));
    const at = { id: col("id"), value: col("kommunens_verdi"), unit: col("enhet"), source: col("kommunens_kilde"), year: col("kommunens_ar") };
    if (at.id < 0 || at.value < 0) throw message(T.uten_kolonner);
    const profile = { name: "", source: "", year: 0, values: {}, sources: {}, years: {} };
    const messages = [];
    const say = (row, level, text) => messages.push({ row: row + 1, level, text });
    const badYears = [];
    rows.forEach((row, r) => {
      if (r === 0) return;
      const cell = (i) => (i >= 0 && row[i] !== undefined ? row[i] : "");
      const id = String(cell(at.id)).trim(), raw = cell(at.value);
      if (!id && String(raw).trim() === "") return;
      if (id === DATA.profile_ids.navn) { profile.name = String(raw).trim(); return; }
      if (id === DATA.profile_ids.kilde) { profile.source = String(raw).trim(); return; }
      if (id === DATA.profile_ids.ar) {
        const y = parseNumber(raw);
        if (String(raw).trim() !== "" && !(Number.isInteger(y) && y > 1900 && y < 2200)) say(r, "advarsel", fill(T.feil_ar_profil, { verdi: raw }));
        else if (y) profile.year = y;
        return;
      }
      const line = LINES.get(id);
      if (!line && id in DATA.left_out) { // a national figure (grunnbeløpet): not the municipality's
        if (String(raw).trim() !== "") say(r, "feil", fill(T.utelatt, { felt: String(cell(1)).trim() || id, grunn: DATA.left_out[id] }));
        return;
      }
      if (!line) { say(r, "feil", fill(T.ukjent_id, { id })); return; }
      if (String(raw).trim() === "") return; // not filled in: the site's figure stays
      const read = valueOf(raw, line), value = read.value;
      if (read.unit) { say(r, "feil", fill(T.feil_enhet, { enhet: read.unit, riktig: line.unit_text })); return; }
      if (!isFinite(value)) { say(r, "feil", fill(T.ikke_tall, { verdi: raw })); return; }
      if (value < 0) { say(r, "feil", fill(T.negativ, { verdi: worded(value, line) })); return; }
      // A percent written as a share (0,135 for 13,5 %): refused, it would make the cost 100 times too small.
      if (line.unit === "%" && value > 0 && value < 1) { say(r, "feil", fill(T.prosent_som_andel, { verdi: raw })); return; }
      const unit = String(cell(at.unit)).trim();
      if (unit && !unitsOf(line).includes(norm(unit))) { say(r, "feil", fill(T.feil_enhet, { enhet: unit, riktig: line.unit_text })); return; }
      if (value < line.min || value > line.max) {
        say(r, "feil", fill(T.utenfor_grenser, { verdi: worded(value, line), min: number(line.min), maks: worded(line.max, line) }));
        return;
      }
      if (line.value > 0 && (value > line.value * 10 || value < line.value / 10)) {
        say(r, "advarsel", fill(T.usannsynlig, { verdi: worded(value, line), standard: worded(line.value, line) }));
      }
      profile.values[id] = value;
      const source = String(cell(at.source)).trim();
      if (source) profile.sources[id] = source;
      const yearRaw = cell(at.year);
      if (String(yearRaw).trim() !== "") {
        const y = parseNumber(yearRaw);
        if (Number.isInteger(y) && y > 1900 && y < 2200) profile.years[id] = y;
        else badYears.push({ row: r, verdi: yearRaw });
      }
    });
    // A line's bad year: the profile's year is used for it, if the profile has one.
    for (const b of badYears) say(b.row, "advarsel", fill(profile.year ? T.feil_ar : T.feil_ar_uten_profil, { verdi: b.verdi }));
    messages.sort((a, b) => a.row - b.row);
    return { profile, messages };
  }

  // ---- the page --------------------------------------------------------------------------------
  function el(tag, attrs, ...content) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    node.append(...content);
    return node;
  }

  function table(labelledBy, head, rows) {
    return el("table", { class: "vl-profil__changes", "aria-labelledby": labelledBy }, el("thead", {}, el("tr", {}, ...head.map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, ...rows.map((cells) => el("tr", {}, ...cells.map((c, i) => (i === 0 ? el("th", { scope: "row" }, c) : el("td", {}, c)))))));
  }

  function bind(box) {
    if (box.dataset.vlBound) return;
    box.dataset.vlBound = "1";
    const input = box.querySelector('input[type="file"]'), drop = box.querySelector("[data-vl-profil-drop]");
    const live = box.querySelector("[data-vl-profil-live]"), result = box.querySelector("[data-vl-profil-result]");
    const current = box.querySelector("[data-vl-profil-current]"), actions = box.querySelector("[data-vl-profil-actions]");
    const remember = box.querySelector("[data-vl-profil-remember]");

    function showCurrent() {
      const p = P.read();
      actions.hidden = !p;
      if (!p) { current.textContent = T.status_ingen; return; }
      remember.checked = !!p.remembered;
      const stale = P.staleness(p);
      current.textContent = fill(T.status, { navn: P.label(p), antall: Object.keys(p.values).length, dato: P.day(p.date) }) + (stale ? " " + stale : "");
    }

    function announce(text) { live.textContent = ""; setTimeout(() => { live.textContent = text; }, 50); }

    function preview(checked) {
      const { profile, messages } = checked;
      const heading = el("h3", { tabindex: "-1", id: "vl-profil-resultat" }, T.meldinger_tittel);
      const parts = [heading];
      if (messages.length) {
        parts.push(el("ul", { class: "vl-profil__messages" }, ...messages.map((m) => el("li", { class: "vl-profil__" + m.level },
          el("strong", {}, fill(T.linje, { linje: m.row }) + " – " + (m.level === "feil" ? T.feil : T.advarsel) + ": "), m.text))));
      } else parts.push(el("p", {}, T.meldinger_ingen));
      const changes = DATA.lines.filter((l) => l.id in profile.values && profile.values[l.id] !== l.value);
      const stale = P.staleness(profile); // each line's own year, also without the profile's
      if (stale) parts.push(el("p", { class: "vl-profil__warning" }, stale));
      if (!Object.keys(profile.values).length) {
        parts.push(el("p", {}, T.ingen_tall));
      } else {
        parts.push(el("h3", { id: "vl-profil-endringer" }, T.endringer_tittel));
        if (changes.length) {
          // A region the keyboard can scroll on a phone (the table is wider than the screen).
          parts.push(el("div", { class: "vl-profil__scroll", tabindex: "0", role: "region", "aria-labelledby": "vl-profil-endringer" },
            table("vl-profil-endringer", T.endringer_kolonner,
            changes.map((l) => [l.label, worded(profile.values[l.id], l), worded(l.value, l), l.calculators.join(", ")]))));
        } else parts.push(el("p", {}, T.ingen_endringer));
        const use = el("button", { type: "button", class: "md-button md-button--primary" }, T.bruk);
        const cancel = el("button", { type: "button", class: "md-button" }, T.avbryt);
        use.addEventListener("click", () => {
          profile.date = new Date().toISOString().slice(0, 10);
          P.save(profile, remember.checked); // «Husk» stays as the reader set it for the profile before
          P.apply();
          result.replaceChildren();
          showCurrent();
          announce(fill(T.brukt, { navn: P.label(profile), antall: changes.length }));
          current.setAttribute("tabindex", "-1");
          current.focus();
        });
        cancel.addEventListener("click", () => { result.replaceChildren(); announce(T.avbrutt); input.focus(); });
        parts.push(el("p", {}, use, " ", cancel));
      }
      result.replaceChildren(...parts);
      heading.focus();
      announce(fill(messages.length ? T.oppsummering : T.oppsummering_ingen, { meldinger: messages.length, antall: changes.length }));
    }

    async function take(file) {
      result.replaceChildren();
      announce(T.leser);
      try {
        preview(check(await readFile(file)));
      } catch (error) {
        if (!error.vlMessage) console.error(error);
        const p = el("p", { class: "vl-profil__error", tabindex: "-1" }, error.vlMessage || fill(T.uleselig_xlsx, { feil: String(error) }));
        result.replaceChildren(p);
        p.focus();
        announce(p.textContent);
      }
    }

    input.addEventListener("change", () => { if (input.files[0]) take(input.files[0]); input.value = ""; });
    for (const type of ["dragenter", "dragover"]) drop.addEventListener(type, (e) => { e.preventDefault(); drop.classList.add("vl-profil__drop--over"); });
    drop.addEventListener("dragleave", () => drop.classList.remove("vl-profil__drop--over"));
    drop.addEventListener("drop", (e) => {
      e.preventDefault();
      drop.classList.remove("vl-profil__drop--over");
      if (e.dataTransfer && e.dataTransfer.files[0]) take(e.dataTransfer.files[0]);
    });
    remember.addEventListener("change", () => {
      const p = P.read();
      if (!p) return;
      P.save(p, remember.checked);
      announce(remember.checked ? T.husket : T.ikke_husket);
    });
    box.querySelector("[data-vl-profil-forget]").addEventListener("click", () => {
      P.forget();
      P.apply();
      showCurrent();
      announce(T.glemt);
      input.focus();
    });
    for (const button of box.querySelectorAll("[data-vl-profil-export]")) {
      button.addEventListener("click", () => {
        const p = P.read();
        if (!p) return;
        const kind = button.dataset.vlProfilExport, rows = filled(p);
        const bytes = kind === "csv" ? vlSheet.csv(rows) : xlsx(rows);
        vlZip.download(new Blob([bytes], { type: kind === "csv" ? "text/csv;charset=utf-8"
          : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }), DATA.file + "." + kind);
      });
    }
    showCurrent();
  }

  // ---- the profile again, in the template's own format -----------------------------------------
  function filled(p) {
    const ids = DATA.profile_ids;
    return DATA.template.map((row, r) => {
      if (r === 0) return row.slice();
      const id = row[0], out = row.slice();
      if (id === ids.navn) out[8] = p.name || "";
      else if (id === ids.kilde) out[8] = p.source || "";
      else if (id === ids.ar) out[8] = p.year || "";
      else if (id in p.values) { out[8] = p.values[id]; out[9] = (p.sources || {})[id] || ""; out[10] = (p.years || {})[id] || ""; }
      return out;
    });
  }

  const STYLES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>';

  // Written by vlSheet (sheet.js), the writer the calculators' workbook uses: one sheet, the header bold.
  function xlsx(rows) {
    const cells = rows.map((row, r) => row.map((v) => (v === "" ? null : typeof v === "number" ? { v } : { v, s: r === 0 ? 1 : 0 })));
    return vlSheet.workbook({ sheets: [{ name: DATA.sheet, xml: vlSheet.worksheet(cells) }], styles: STYLES });
  }

  function start() { for (const box of document.querySelectorAll("[data-vl-profil-import]")) bind(box); }
  globalThis.vlProfilImport = { check, csvRows, xlsxRows, readFile, parseNumber, readNumber };
  if (globalThis.document$ && typeof globalThis.document$.subscribe === "function") globalThis.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
  else start();
})();

// vlSheet: the browser's one XLSX writer and one CSV writer. The calculators' workbook and CSV
// (eksport.js) and the municipality's profile downloaded again (profil-import.js) are written here;
// each script only says what goes in (its cells, its styles). The build's own files (the profile
// template, calculators/site/profile.py) are written in Python. Loaded with zip.js, which zips the
// workbook (vlZip.store), in the same bundles: assets/eksport/<model>.<hash>.js
// (calculators/site/eksport.py) and assets/kalkulatorer/profil-import.<hash>.js (calculators/site/profile.py).
//
// Same input → same bytes: no dates, no ids but the sheet numbers, parts in a fixed order.
//
// API (globalThis.vlSheet):
//   vlSheet.column(index) → "A" for 0, "AA" for 26
//   vlSheet.xml(text) → text escaped for XML, without the characters XML 1.0 forbids
//   vlSheet.worksheet(rows, layout) → the XML of one sheet
//       rows: [[cell, …], …]; a cell is null (nothing), {v: text | number, s?: style} or
//       {f: formula, v?: its stored value, s?: style}; s is an index into the styles' cellXfs.
//       layout: {widths: [column width, …], freeze: [columns, rows] | null}; without it a bare sheet.
//   vlSheet.workbook(book) → Uint8Array, the .xlsx
//       book: {sheets: [{name, xml}], styles: the text of xl/styles.xml,
//              title?: a docProps/core.xml with this title, names?: [[name, reference], …] —
//              a workbook of formulas: its defined names, and recalculated when it is opened}
//   vlSheet.csv(lines) → Uint8Array: for Norwegian Excel — semicolons, a number with a decimal
//       comma, CRLF after every line, UTF-8 with BOM; a field with ; " or a line break is quoted.
(function () {
  "use strict";
  if (globalThis.vlSheet) return;
  const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const PKG = "http://schemas.openxmlformats.org/package/2006";
  const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.";

  function column(index) {
    let name = "";
    for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    return name;
  }

  function xml(text) {
    return String(text).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
      .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  const number = (v) => (Object.is(v, -0) ? 0 : v);

  function cellXml(cell, ref) {
    const style = cell.s ? ` s="${cell.s}"` : "";
    if (cell.f !== undefined) { // with its stored value, so a viewer that does not recalculate shows it
      if (typeof cell.v === "number") return `<c r="${ref}"${style}><f>${xml(cell.f)}</f><v>${number(cell.v)}</v></c>`;
      if (typeof cell.v === "string") return `<c r="${ref}"${style} t="str"><f>${xml(cell.f)}</f><v>${xml(cell.v)}</v></c>`;
      return `<c r="${ref}"${style}><f>${xml(cell.f)}</f></c>`;
    }
    if (typeof cell.v === "number") return `<c r="${ref}"${style}><v>${number(cell.v)}</v></c>`;
    return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${xml(cell.v)}</t></is></c>`;
  }

  function worksheet(rows, layout) {
    const data = rows.map((cells, r) => `<row r="${r + 1}">` + cells.map((cell, c) =>
      (cell === null || cell === undefined ? "" : cellXml(cell, column(c) + (r + 1)))).join("") + "</row>").join("");
    if (!layout) return `${HEAD}<worksheet xmlns="${MAIN}"><sheetData>${data}</sheetData></worksheet>`;
    const freeze = layout.freeze;
    const pane = freeze ? `<pane xSplit="${freeze[0]}" ySplit="${freeze[1]}" topLeftCell="${column(freeze[0])}${freeze[1] + 1}" activePane="bottomRight" state="frozen"/>` : "";
    return `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">` +
      `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
      `<cols>${layout.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>` +
      `<sheetData>${data}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  }

  function workbook(book) {
    const sheets = book.sheets, core = book.title !== undefined, names = book.names;
    const entries = [
      { name: "[Content_Types].xml", data: `${HEAD}<Types xmlns="${PKG}/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/xl/workbook.xml" ContentType="${TYPE}sheet.main+xml"/>` +
        sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${TYPE}worksheet+xml"/>`).join("") +
        `<Override PartName="/xl/styles.xml" ContentType="${TYPE}styles+xml"/>` +
        (core ? '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' : "") + "</Types>" },
      { name: "_rels/.rels", data: `${HEAD}<Relationships xmlns="${PKG}/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
        (core ? `<Relationship Id="rId2" Type="${PKG}/relationships/metadata/core-properties" Target="docProps/core.xml"/>` : "") + "</Relationships>" },
      ...(core ? [{ name: "docProps/core.xml", data: `${HEAD}<cp:coreProperties xmlns:cp="${PKG}/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
        `<dc:title>${xml(book.title)}</dc:title><dc:creator>Velferdslab-veilederen</dc:creator><dc:language>nb-NO</dc:language></cp:coreProperties>` }] : []),
      { name: "xl/workbook.xml", data: `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}">` +
        `<sheets>${sheets.map((sheet, i) => `<sheet name="${xml(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets>` +
        (names ? `<definedNames>${names.map(([name, ref]) => `<definedName name="${xml(name)}">${xml(ref)}</definedName>`).join("")}</definedNames>` +
          '<calcPr calcId="191029" fullCalcOnLoad="1"/>' : "") + "</workbook>" },
      { name: "xl/_rels/workbook.xml.rels", data: `${HEAD}<Relationships xmlns="${PKG}/relationships">` +
        sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
        `<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>` },
      { name: "xl/styles.xml", data: book.styles },
      ...sheets.map((sheet, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: sheet.xml })),
    ];
    return vlZip.store(entries);
  }

  function csvField(value) {
    const text = typeof value === "number" ? String(value).replace(".", ",") : String(value);
    return /[;"\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function csv(lines) {
    return vlZip.utf8("\ufeff" + lines.map((line) => line.map(csvField).join(";")).join("\r\n") + "\r\n");
  }

  globalThis.vlSheet = { column, xml, worksheet, workbook, csv };
})();

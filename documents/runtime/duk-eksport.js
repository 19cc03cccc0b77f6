// The digital duk's ODT and DOCX export, loaded by maler.js only when a team asks for a file.
//
// The build writes each poster's editable sheet — the same ODT and DOCX as the downloads on the
// site — with *slots* where the team writes (⟦vl:situasjon⟧, and ⟦vl:tiltak:0⟧ … in a table row),
// into maler/filer/<id>-eksport.js (window.vlDukSkeletons). Here the slots are filled with what was
// typed and the parts zipped by zip.js. `fill` mirrors documents/templates/sheet.py's `fill` line for
// line; a test checks that an empty duk exported here gives the same XML as the download.
//
// API: window.vlDukExport.make(id, "odt" | "docx", fields) → Uint8Array (the package),
//      fields: {area: "text", tableArea: [["cell", …], …]}; .fill(xml, kind, fields, rows); .mimeTypes
(function () {
  "use strict";
  if (window.vlDukExport) return;

  var SLOT = /⟦vl:([a-z0-9-]+)(?::(\d+))?⟧/g;
  var NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
  var ROW_TAGS = { odt: ["<table:table-row", "</table:table-row>"], docx: ["<w:tr", "</w:tr>"] };
  var TEXT_PARTS = /\.(xml|rels)$/;

  function clean(value) {
    var text = typeof value === "string" ? value : "";
    return text.replace(/\r\n/g, "\n").replace(/\r/g, "\n").replace(NOT_XML, "");
  }

  function escape(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function odtLine(line) {
    line = escape(line).replace(/\t/g, "<text:tab/>");
    line = line.replace(/ {2,}/g, function (run) { return ' <text:s text:c="' + (run.length - 1) + '"/>'; });
    return line.charAt(0) === " " ? "<text:s/>" + line.slice(1) : line;
  }

  function docxLine(line) {
    return escape(line).replace(/\t/g, '</w:t><w:tab/><w:t xml:space="preserve">');
  }

  function textXml(value, kind) {
    var lines = clean(value).split("\n");
    if (kind === "odt") return lines.map(odtLine).join("<text:line-break/>");
    return lines.map(docxLine).join('</w:t><w:br/><w:t xml:space="preserve">');
  }

  function rowStart(xml, tag, before) {
    return Math.max(xml.lastIndexOf(tag + ">", before - 1), xml.lastIndexOf(tag + " ", before - 1));
  }

  function fill(xml, kind, fields, rows) {
    var tags = ROW_TAGS[kind];
    Object.keys(rows).forEach(function (area) {
      var first = xml.indexOf("⟦vl:" + area + ":");
      if (first < 0) return;
      var start = rowStart(xml, tags[0], first);
      var end = xml.indexOf(tags[1], xml.lastIndexOf("⟦vl:" + area + ":")) + tags[1].length;
      var template = xml.slice(start, end);
      var entry = fields[area];
      var values = Array.isArray(entry) ? entry.filter(Array.isArray) : [];
      var count = Math.max(values.length, rows[area], 1);
      var filled = "";
      for (var r = 0; r < count; r++) {
        var row = r < values.length ? values[r] : [];
        filled += template.replace(SLOT, function (all, name, column) {
          return textXml(column !== undefined && Number(column) < row.length ? row[Number(column)] : "", kind);
        });
      }
      xml = xml.slice(0, start) + filled + xml.slice(end);
    });
    return xml.replace(SLOT, function (all, name, column) {
      return textXml(column === undefined ? fields[name] : "", kind);
    });
  }

  function make(id, kind, fields) {
    var skeleton = window.vlDukSkeletons && window.vlDukSkeletons[id];
    if (!skeleton || !skeleton[kind]) throw new Error("Fant ikke malen for " + id + " (" + kind + ").");
    return window.vlZip.store(window.vlZip.parts(skeleton[kind], function (name, text) {
      return TEXT_PARTS.test(name) ? fill(text, kind, fields || {}, skeleton.rows) : text;
    }));
  }

  window.vlDukExport = {
    make: make,
    fill: fill,
    mimeTypes: {
      odt: "application/vnd.oasis.opendocument.text",
      docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    },
  };
})();

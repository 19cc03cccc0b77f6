// The digital duk (documents/site/form.py makes the markup), loaded by maler.js on a page that holds
// one, and only there. Everything here happens in this
// window: nothing is stored by the site (no localStorage, no cookies) and nothing is sent. The team
// keeps its work by saving it to a file of its own, and opens that file again here.
//
// - boxes grow with their text; Tiltak rows can be added and removed;
// - a print sheet (.vl-duk-sheet) mirrors the form as plain text, so printing shows all of every box
//   and flows onto more A3 pages when needed (then box after box, each whole on a sheet where it
//   fits); the same sheet, laid out off-screen, tells how many;
// - the meeting's date and the family's own name or reference head the sheet, the saved file and
//   the exported ODT/DOCX;
// - «Tøm duken» and opening a file ask first; leaving the page with text in the duk warns;
// - «Last ned som ODT/DOCX» loads the export script (made at build time from the template source)
//   only when asked.
// No style attributes in markup (the site is served with style-src 'self'): sizes and grid areas
// are set through the CSSOM. API: window.vlDuk.setUp(form), once per form element.
(function () {
  "use strict";

  var FORMAT = "velferdslab-duk";
  // The export scripts sit beside this one; the site's root is two folders up (assets/javascripts/).
  var HERE = document.currentScript ? document.currentScript.src : document.baseURI;
  var MM = 96 / 25.4; // CSS px per millimetre
  var PAGE_HEIGHT_MM = 297 - 2 * 10; // A3 landscape minus the print margins (maler.css, @page vl-duk)

  function currentForm() {
    return document.querySelector("form[data-vl-duk]");
  }

  function messages(form) {
    if (!form.vlMessages) form.vlMessages = JSON.parse(form.getAttribute("data-vl-messages") || "{}");
    return form.vlMessages;
  }

  function say(form, key, values) {
    var text = messages(form)[key] || key;
    return text.replace(/\{(\w+)\}/g, function (all, name) {
      return values && name in values ? String(values[name]) : all;
    });
  }

  function status(form, key, values) {
    form.querySelector("[data-vl-status]").textContent = key ? say(form, key, values) : "";
  }

  function boxes(form) {
    return Array.prototype.slice.call(form.querySelectorAll(".vl-duk__grid > .vl-duk__cell"));
  }

  function hasText(form) {
    return Array.prototype.some.call(form.querySelectorAll("textarea, input[data-vl-meeting]"), function (area) {
      return area.value.trim() !== "";
    });
  }

  // The meeting's date and the family's own name or reference: {date: "2026-12-06", reference: "…"}.
  function readMeeting(form) {
    var meeting = {};
    form.querySelectorAll("input[data-vl-meeting]").forEach(function (input) {
      meeting[input.getAttribute("data-vl-meeting")] = input.value;
    });
    return meeting;
  }

  function writeMeeting(form, meeting) {
    form.querySelectorAll("input[data-vl-meeting]").forEach(function (input) {
      var value = meeting && meeting[input.getAttribute("data-vl-meeting")];
      input.value = typeof value === "string" ? value : "";
    });
  }

  // « – Familie: Sol · Møtedato: 6. desember 2026», or "" when neither is filled in.
  function meetingLine(form) {
    var meeting = readMeeting(form);
    var parts = [];
    if (meeting.reference && meeting.reference.trim()) parts.push(say(form, "reference") + ": " + meeting.reference.trim());
    if (meeting.date) parts.push(say(form, "meetingDate") + ": " + formatDate(meeting.date));
    return parts.length ? " – " + parts.join(" · ") : "";
  }

  function formatDate(value) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!parts) return value;
    var date = new Date(Date.UTC(+parts[1], +parts[2] - 1, +parts[3]));
    return new Intl.DateTimeFormat("nb-NO", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(date);
  }

  function grow(area) {
    area.style.height = "auto";
    var border = area.offsetHeight - area.clientHeight;
    area.style.height = area.scrollHeight + border + "px";
  }

  // ---- Reading and writing the whole duk: {area: text} and {area: [[cell, …], …]} for tables.

  function rowsOf(cell) {
    return Array.prototype.slice.call(cell.querySelectorAll("tbody tr"));
  }

  function read(form) {
    var fields = {};
    boxes(form).forEach(function (cell) {
      var key = cell.getAttribute("data-vl-area");
      if (cell.getAttribute("data-vl-kind") === "table") {
        fields[key] = rowsOf(cell).map(function (row) {
          return Array.prototype.map.call(row.querySelectorAll("textarea"), function (area) { return area.value; });
        });
      } else {
        fields[key] = cell.querySelector("textarea").value;
      }
    });
    return fields;
  }

  function text(value) {
    return typeof value === "string" ? value : "";
  }

  function write(form, fields) {
    boxes(form).forEach(function (cell) {
      var value = fields[cell.getAttribute("data-vl-area")];
      if (cell.getAttribute("data-vl-kind") === "table") {
        var rows = Array.isArray(value) ? value.filter(Array.isArray) : [];
        setRowCount(cell, Math.max(rows.length, cell.vlDefaultRows || 1));
        rowsOf(cell).forEach(function (row, r) {
          Array.prototype.forEach.call(row.querySelectorAll("textarea"), function (area, c) {
            area.value = rows[r] ? text(rows[r][c]) : "";
          });
        });
      } else {
        cell.querySelector("textarea").value = text(value);
      }
    });
    refresh(form);
  }

  // ---- Tiltak rows

  function renumber(cell) {
    var headers = Array.prototype.map.call(cell.querySelectorAll("thead th"), function (th) { return th.textContent; });
    var slug = cell.querySelector("table").getAttribute("data-vl-table");
    var rows = rowsOf(cell);
    var form = cell.closest("form");
    rows.forEach(function (row, r) {
      Array.prototype.forEach.call(row.querySelectorAll("textarea"), function (area, c) {
        area.id = area.name = slug + "-" + (r + 1) + "-" + (c + 1);
        area.setAttribute("aria-label", headers[c] + ", " + say(form, "row") + " " + (r + 1));
      });
      var remove = row.querySelector("[data-vl-remove-row]");
      remove.hidden = false;
      remove.disabled = rows.length === 1;
      remove.setAttribute("aria-label", say(form, "removeRow", { n: r + 1 }));
    });
  }

  function addRow(cell) {
    var row = cell.vlRowTemplate.cloneNode(true);
    cell.querySelector("tbody").appendChild(row);
    return row;
  }

  function setRowCount(cell, count) {
    var rows = rowsOf(cell);
    for (var i = rows.length; i < count; i++) addRow(cell);
    for (var j = rows.length - 1; j >= count; j--) rows[j].remove();
    renumber(cell);
  }

  function setUpTable(form, cell) {
    var first = rowsOf(cell)[0];
    cell.vlRowTemplate = first.cloneNode(true);
    cell.vlDefaultRows = rowsOf(cell).length;
    renumber(cell);
    var add = cell.querySelector("[data-vl-add-row]");
    add.hidden = false;
    add.addEventListener("click", function () {
      var row = addRow(cell);
      renumber(cell);
      row.querySelector("textarea").focus();
      status(form, "rowAdded", { n: rowsOf(cell).length });
      refresh(form);
    });
    cell.querySelector("tbody").addEventListener("click", function (event) {
      var button = event.target.closest("[data-vl-remove-row]");
      if (!button) return;
      var row = button.closest("tr");
      var rows = rowsOf(cell);
      var index = rows.indexOf(row);
      if (rows.length === 1) return;
      row.remove();
      renumber(cell);
      var left = rowsOf(cell);
      var next = left[Math.min(index, left.length - 1)].querySelector("[data-vl-remove-row]");
      (next.disabled ? add : next).focus();
      status(form, "rowRemoved", { n: index + 1 });
      refresh(form);
    });
  }

  // ---- The print sheet: the duk as plain text in the poster grid, shown only in print.

  function element(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined) node.textContent = content;
    return node;
  }

  // ``flow``: the text is too long for one sheet. Then the boxes follow each other two by two,
  // each kept whole on a sheet where it fits (maler.css), instead of the poster's grid, whose
  // boxes span rows and would be cut at a sheet's edge.
  function buildSheet(form, flow) {
    var sheet = form.querySelector(".vl-duk-sheet");
    if (!sheet) {
      sheet = element("div", "vl-duk-sheet");
      sheet.setAttribute("aria-hidden", "true");
      form.appendChild(sheet);
    }
    sheet.classList.toggle("vl-duk-sheet--flow", flow);
    var head = element("div", "vl-duk-sheet__head");
    head.appendChild(element("p", "vl-duk-sheet__name", form.getAttribute("data-vl-title")));
    var meeting = readMeeting(form);
    if (meeting.date) head.appendChild(element("p", "vl-duk-sheet__meeting", say(form, "meetingDate") + ": " + formatDate(meeting.date)));
    if (meeting.reference && meeting.reference.trim()) {
      head.appendChild(element("p", "vl-duk-sheet__meeting", say(form, "reference") + ": " + meeting.reference.trim()));
    }
    head.appendChild(element("p", "vl-duk-sheet__version", form.getAttribute("data-vl-version-line")));
    var grid = element("div", "vl-duk-sheet__grid");
    var source = form.querySelector(".vl-duk__grid");
    if (!flow) {
      grid.style.gridTemplateAreas = source.vlAreas;
      grid.style.gridTemplateColumns = "repeat(" + source.getAttribute("data-vl-columns") + ", minmax(0, 1fr))";
      grid.style.gridTemplateRows = "repeat(" + source.getAttribute("data-vl-rows") + ", minmax(min-content, 1fr))";
    }
    boxes(form).forEach(function (cell) {
      var box = element("section", "vl-duk-sheet__box");
      if (!flow) box.style.gridArea = cell.getAttribute("data-vl-area");
      if (cell.getAttribute("data-vl-kind") === "table") box.classList.add("vl-duk-sheet__box--table");
      box.appendChild(element("h2", "vl-duk-sheet__title", cell.getAttribute("data-vl-title")));
      var hint = cell.querySelector(".vl-duk__hint");
      if (hint) box.appendChild(element("p", "vl-duk-sheet__hint", hint.textContent));
      if (cell.getAttribute("data-vl-kind") === "table") {
        var table = element("table", "vl-duk-sheet__table");
        var headRow = element("tr");
        Array.prototype.forEach.call(cell.querySelectorAll("thead th:not(.vl-duk__row-tools)"), function (th) {
          headRow.appendChild(element("th", "", th.textContent));
        });
        table.appendChild(element("thead")).appendChild(headRow);
        var body = table.appendChild(element("tbody"));
        rowsOf(cell).forEach(function (row) {
          var tr = body.appendChild(element("tr"));
          Array.prototype.forEach.call(row.querySelectorAll("textarea"), function (area) {
            tr.appendChild(element("td", "", area.value));
          });
        });
        box.appendChild(table);
      } else {
        box.appendChild(element("div", "vl-duk-sheet__text", cell.querySelector("textarea").value));
      }
      grid.appendChild(box);
    });
    sheet.replaceChildren(head, grid);
    return sheet;
  }

  function pagesOf(sheet) {
    return Math.max(1, Math.ceil((sheet.getBoundingClientRect().height - 2) / (PAGE_HEIGHT_MM * MM)));
  }

  function countPages(form, sheet) {
    var pages = pagesOf(sheet);
    if (pages !== form.vlPages) {
      form.vlPages = pages;
      form.querySelector("[data-vl-pages]").textContent = pages > 1 ? say(form, "pages", { n: pages }) : "";
    }
  }

  function refresh(form) {
    form.querySelectorAll("textarea").forEach(grow);
    var sheet = buildSheet(form, false);
    if (pagesOf(sheet) > 1) sheet = buildSheet(form, true);
    countPages(form, sheet);
  }

  var pending = null;
  function refreshSoon(form) {
    if (pending) return;
    pending = window.requestAnimationFrame(function () {
      pending = null;
      refresh(form);
    });
  }

  // ---- Files: save, open, export

  function localDate() {
    var now = new Date();
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return now.getFullYear() + "-" + two(now.getMonth() + 1) + "-" + two(now.getDate());
  }

  function download(blob, name) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    link.hidden = true;
    link.addEventListener("click", function (event) { event.stopPropagation(); });
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
  }

  function save(form) {
    var id = form.getAttribute("data-vl-duk");
    var data = {
      format: FORMAT,
      formatVersion: 1,
      template: id,
      templateVersion: form.getAttribute("data-vl-version"),
      saved: new Date().toISOString(),
      meeting: readMeeting(form),
      fields: read(form),
    };
    var name = id + "-" + localDate() + ".json";
    download(new Blob([JSON.stringify(data, null, 2) + "\n"], { type: "application/json" }), name);
    status(form, "saved", { file: name });
  }

  function open(form, file) {
    file.text().then(function (content) {
      var data;
      try {
        data = JSON.parse(content);
      } catch (error) {
        return status(form, "notJson", { file: file.name });
      }
      if (!data || data.format !== FORMAT || typeof data.fields !== "object" || data.fields === null) {
        return status(form, "notJson", { file: file.name });
      }
      if (data.template !== form.getAttribute("data-vl-duk")) return status(form, "otherTemplate", { file: file.name });
      if (hasText(form) && !window.confirm(say(form, "confirmOpen"))) return;
      writeMeeting(form, data.meeting);
      write(form, data.fields);
      status(form, "opened", { file: file.name });
    });
  }

  var loaded = {};
  function load(url) {
    if (!loaded[url]) {
      loaded[url] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = url;
        script.onload = resolve;
        script.onerror = function () { delete loaded[url]; reject(new Error(url)); };
        document.head.appendChild(script);
      });
    }
    return loaded[url];
  }

  function loadExport(form) {
    var skeleton = new URL("../../" + form.getAttribute("data-vl-export-script"), HERE).href;
    return load(new URL("zip.js", HERE).href)
      .then(function () { return load(new URL("duk-eksport.js", HERE).href); })
      .then(function () { return load(skeleton); })
      .then(function () { return window.vlDukExport; });
  }

  function exportAs(form, kind) {
    loadExport(form).then(function (exporter) {
      var id = form.getAttribute("data-vl-duk");
      var fields = read(form);
      fields["mote-og-familie"] = meetingLine(form); // documents/templates/sheet.py MEETING: after the title
      var bytes = exporter.make(id, kind, fields);
      var name = id + "-" + localDate() + "." + kind;
      download(new Blob([bytes], { type: exporter.mimeTypes[kind] }), name);
      status(form, "exported", { file: name });
    }).catch(function () {
      status(form, "exportFailed");
    });
  }

  // ---- Setting up a form (once per element, on every page load)

  function setUp(form) {
    if (form.vlReady) return;
    form.vlReady = true;
    form.classList.add("vl-duk--ready");
    var grid = form.querySelector(".vl-duk__grid");
    var areas = JSON.parse(grid.getAttribute("data-vl-areas") || "[]");
    grid.vlAreas = areas.map(function (row) { return '"' + row + '"'; }).join(" ");
    grid.style.setProperty("--vl-areas", grid.vlAreas);
    grid.style.setProperty("--vl-columns", grid.getAttribute("data-vl-columns"));
    boxes(form).forEach(function (cell) {
      cell.style.setProperty("--vl-area", cell.getAttribute("data-vl-area"));
      if (cell.getAttribute("data-vl-kind") === "table") setUpTable(form, cell);
    });

    form.querySelectorAll("[data-vl-print], [data-vl-save], [data-vl-open]").forEach(function (button) {
      button.hidden = false;
    });
    if (form.getAttribute("data-vl-export-script")) {
      form.querySelectorAll("[data-vl-export]").forEach(function (button) { button.hidden = false; });
    }
    form.querySelector("[data-vl-print]").addEventListener("click", function () {
      refresh(form);
      window.print();
    });
    form.querySelector("[data-vl-save]").addEventListener("click", function () { save(form); });
    var picker = form.querySelector("[data-vl-open-file]");
    form.querySelector("[data-vl-open]").addEventListener("click", function () { picker.click(); });
    picker.addEventListener("change", function () {
      if (picker.files && picker.files[0]) open(form, picker.files[0]);
      picker.value = "";
    });
    form.querySelectorAll("[data-vl-export]").forEach(function (button) {
      button.addEventListener("click", function () { exportAs(form, button.getAttribute("data-vl-export")); });
    });
    form.addEventListener("input", function () { refreshSoon(form); });
    form.addEventListener("reset", function (event) {
      if (hasText(form) && !window.confirm(say(form, "confirmClear"))) {
        event.preventDefault();
        return;
      }
      window.setTimeout(function () {
        boxes(form).forEach(function (cell) {
          if (cell.getAttribute("data-vl-kind") === "table") setRowCount(cell, cell.vlDefaultRows);
        });
        status(form, "");
        refresh(form);
      }, 0);
    });
    window.addEventListener("resize", function () { if (form.isConnected) refreshSoon(form); });
    refresh(form);
  }

  // Leaving with text in the duk: the browser asks (beforeunload). Material's instant navigation
  // swaps pages without unloading, so while the duk holds text, a click on a link to another page is
  // kept from it and the browser navigates normally — and asks.
  window.addEventListener("beforeunload", function (event) {
    var form = currentForm();
    if (form && hasText(form)) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
  window.addEventListener("click", function (event) {
    var form = currentForm();
    if (!form || event.defaultPrevented || !(event.target instanceof Element)) return;
    var link = event.target.closest("a[href]");
    if (!link || link.hasAttribute("download") || (link.target && link.target !== "_self")) return;
    var url = new URL(link.href, location.href);
    if (url.origin === location.origin && url.pathname === location.pathname && url.search === location.search) return;
    if (hasText(form)) event.stopPropagation();
  }, true);
  window.addEventListener("beforeprint", function () {
    var form = currentForm();
    if (form && form.vlReady) refresh(form);
  });

  window.vlDuk = { setUp: setUp };
})();

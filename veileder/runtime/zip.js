// vlZip: a small store-only ZIP writer for the browser (ODT, DOCX and XLSX packages).
//
// Own code rather than a library: the job is about a hundred lines (local headers, a CRC-32, a
// central directory); a library (JSZip ≈ 100 kB, fflate ≈ 30 kB) would be a vendored dependency to
// keep up to date for compression we do not need — the documents are small, and ODF requires its
// `mimetype` entry STORED (uncompressed, first, no extra field) anyway. Nothing here is loaded at
// page load: export code loads this file when the user asks for a file.
//
// Deterministic: every entry gets the same fixed timestamp (1980-01-01 00:00, the first DOS date,
// as reproducible-build tools use), entries are written in the order given, and there are no extra
// fields, comments or data descriptors — so the same entries always give the same bytes.
//
// API (window.vlZip):
//   vlZip.store(entries) → Uint8Array
//       entries: array of {name: string, data: string | Uint8Array | ArrayBuffer}, in the order they
//       are to be written (for ODF put {name: "mimetype", data: "application/vnd.oasis…"} first).
//       Strings are encoded as UTF-8; names are UTF-8 too (general-purpose flag bit 11 is set).
//       Throws Error with a Norwegian message for an empty/duplicate/absolute name or a too-large
//       package (no ZIP64: at most 65 535 entries and 4 GiB).
//   vlZip.blob(entries, mimeType) → Blob          the same bytes as a Blob of the given type
//   vlZip.crc32(bytes: Uint8Array) → number        unsigned CRC-32 (IEEE 802.3), for tests
//   vlZip.utf8(text: string) → Uint8Array          UTF-8 bytes of a string
//   vlZip.download(entries|Blob, fileName, mimeType)   saves the package through an <a download>
//   vlZip.parts(parts, change) → entries          a skeleton made at build time, ready for store():
//       parts: [[name, text, null] | [name, null, base64], …] (documents/site/duk_skeletons.py package_parts);
//       change(name, text) → text is applied to every text part (XML, .rels, mimetype). The digital
//       duk (duk-eksport.js) and the beslutningsnotat (eksport.js) both fill their skeletons this way.
(function () {
  "use strict";
  if (window.vlZip) return;

  var TABLE = (function () {
    var table = new Uint32Array(256);
    for (var n = 0; n < 256; n++) {
      var c = n;
      for (var k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
    return table;
  })();

  function crc32(bytes) {
    var crc = 0xffffffff;
    for (var i = 0; i < bytes.length; i++) crc = TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
  }

  function utf8(text) {
    return new TextEncoder().encode(String(text));
  }

  function bytesOf(data) {
    if (data instanceof Uint8Array) return data;
    if (data instanceof ArrayBuffer) return new Uint8Array(data);
    if (typeof data === "string") return utf8(data);
    throw new Error("Zip: innholdet må være tekst eller bytes.");
  }

  var DOS_TIME = 0x0000; // 00:00:00
  var DOS_DATE = 0x0021; // 1980-01-01: (year-1980)<<9 | month<<5 | day
  var FLAG_UTF8 = 0x0800;
  var VERSION = 20; // 2.0, understood by every reader

  function store(entries) {
    if (!Array.isArray(entries) || entries.length === 0) throw new Error("Zip: ingen filer å pakke.");
    if (entries.length > 0xffff) throw new Error("Zip: for mange filer (høyst 65 535).");
    var seen = Object.create(null);
    var parts = [];
    var central = [];
    var offset = 0;

    entries.forEach(function (entry) {
      var name = entry && entry.name;
      if (typeof name !== "string" || name === "" || name.charAt(0) === "/" || name.indexOf("\\") >= 0) {
        throw new Error("Zip: ugyldig filnavn «" + name + "».");
      }
      if (seen[name]) throw new Error("Zip: filnavnet «" + name + "» står to ganger.");
      seen[name] = true;
      var nameBytes = utf8(name);
      var data = bytesOf(entry.data);
      var crc = crc32(data);
      if (offset + 30 + nameBytes.length + data.length > 0xffffffff) throw new Error("Zip: pakken er for stor.");

      var local = new DataView(new ArrayBuffer(30));
      local.setUint32(0, 0x04034b50, true); // local file header signature
      local.setUint16(4, VERSION, true); // version needed to extract
      local.setUint16(6, FLAG_UTF8, true);
      local.setUint16(8, 0, true); // method 0: stored
      local.setUint16(10, DOS_TIME, true);
      local.setUint16(12, DOS_DATE, true);
      local.setUint32(14, crc, true);
      local.setUint32(18, data.length, true); // compressed size
      local.setUint32(22, data.length, true); // uncompressed size
      local.setUint16(26, nameBytes.length, true);
      local.setUint16(28, 0, true); // no extra field
      parts.push(new Uint8Array(local.buffer), nameBytes, data);

      var head = new DataView(new ArrayBuffer(46));
      head.setUint32(0, 0x02014b50, true); // central directory header signature
      head.setUint16(4, VERSION, true); // version made by (MS-DOS, 2.0)
      head.setUint16(6, VERSION, true);
      head.setUint16(8, FLAG_UTF8, true);
      head.setUint16(10, 0, true);
      head.setUint16(12, DOS_TIME, true);
      head.setUint16(14, DOS_DATE, true);
      head.setUint32(16, crc, true);
      head.setUint32(20, data.length, true);
      head.setUint32(24, data.length, true);
      head.setUint16(28, nameBytes.length, true);
      head.setUint16(30, 0, true); // extra field length
      head.setUint16(32, 0, true); // comment length
      head.setUint16(34, 0, true); // disk number
      head.setUint16(36, 0, true); // internal attributes
      head.setUint32(38, 0, true); // external attributes
      head.setUint32(42, offset, true); // offset of the local header
      central.push(new Uint8Array(head.buffer), nameBytes);

      offset += 30 + nameBytes.length + data.length;
    });

    var centralSize = central.reduce(function (sum, part) { return sum + part.length; }, 0);
    if (offset + centralSize + 22 > 0xffffffff) throw new Error("Zip: pakken er for stor.");
    var end = new DataView(new ArrayBuffer(22));
    end.setUint32(0, 0x06054b50, true); // end of central directory signature
    end.setUint16(4, 0, true);
    end.setUint16(6, 0, true);
    end.setUint16(8, entries.length, true);
    end.setUint16(10, entries.length, true);
    end.setUint32(12, centralSize, true);
    end.setUint32(16, offset, true);
    end.setUint16(20, 0, true); // no comment

    var all = parts.concat(central, [new Uint8Array(end.buffer)]);
    var out = new Uint8Array(offset + centralSize + 22);
    var at = 0;
    all.forEach(function (part) { out.set(part, at); at += part.length; });
    return out;
  }

  function blob(entries, mimeType) {
    return new Blob([store(entries)], { type: mimeType || "application/zip" });
  }

  function download(entriesOrBlob, fileName, mimeType) {
    var file = entriesOrBlob instanceof Blob ? entriesOrBlob : blob(entriesOrBlob, mimeType);
    var url = URL.createObjectURL(file);
    var link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    // Revoke later: some browsers read the blob after click() returns.
    setTimeout(function () { URL.revokeObjectURL(url); }, 30000);
    return file;
  }

  function base64Bytes(text) {
    var binary = atob(text);
    var out = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  }

  function parts(skeleton, change) {
    return skeleton.map(function (part) {
      if (part[1] === null) return { name: part[0], data: base64Bytes(part[2]) };
      return { name: part[0], data: change ? change(part[0], part[1]) : part[1] };
    });
  }

  window.vlZip = { store: store, blob: blob, crc32: crc32, utf8: utf8, download: download, parts: parts };
})();

/* Material's three inline start-up scripts, as one file, so a strict Content-Security-Policy
 * (script-src 'self', no 'unsafe-inline') allows them. Loaded synchronously in <head> by
 * theme/overrides/partials/javascripts/base.html; the other two partials are emptied.
 *
 * 1. partials/javascripts/base.html (mkdocs-material 9.8.1): __md_scope, __md_hash, __md_get,
 *    __md_set, which Material's bundle (search, palette toggle …) needs. The inline version wrote
 *    the page's relative base URL into every page; here the site root is found from this file's
 *    own address (it lives in assets/javascripts/), which gives the same URL over http(s) and
 *    from file:// (an offline copy).
 * 2. partials/javascripts/palette.html: a stored light/dark choice is put on <body> before the
 *    first paint. <body> does not exist yet when <head> runs, so a MutationObserver waits for it:
 *    its callback runs in the microtask checkpoint after the parser inserts <body>, before the
 *    browser can render anything.
 * 3. partials/javascripts/content.html: a #fragment that names a content tab selects that tab.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var scope = new URL("../../", script ? script.src : location.href);

  window.__md_scope = scope;
  window.__md_hash = function (value) {
    return Array.from(value).reduce(function (hash, char) {
      return (hash << 5) - hash + char.charCodeAt(0);
    }, 0);
  };
  window.__md_get = function (key, storage, base) {
    storage = storage || localStorage;
    base = base || window.__md_scope;
    return JSON.parse(storage.getItem(base.pathname + "." + key));
  };
  window.__md_set = function (key, value, storage, base) {
    storage = storage || localStorage;
    base = base || window.__md_scope;
    try {
      storage.setItem(base.pathname + "." + key, JSON.stringify(value));
    } catch (error) {
      /* storage full or disabled: the choice is simply not kept */
    }
  };

  function storedPalette() {
    try {
      var palette = window.__md_get("__palette");
      return palette && palette.color ? palette : null;
    } catch (error) {
      return null;
    }
  }

  function applyPalette(palette) {
    var color = palette.color;
    if (color.media === "(prefers-color-scheme)") {
      var media = matchMedia("(prefers-color-scheme: light)");
      var input = document.querySelector(media.matches
        ? "[data-md-color-media='(prefers-color-scheme: light)']"
        : "[data-md-color-media='(prefers-color-scheme: dark)']");
      if (!input) return false; // the header's palette form is not parsed yet
      color.media = input.getAttribute("data-md-color-media");
      color.scheme = input.getAttribute("data-md-color-scheme");
      color.primary = input.getAttribute("data-md-color-primary");
      color.accent = input.getAttribute("data-md-color-accent");
    }
    Object.keys(color).forEach(function (key) {
      document.body.setAttribute("data-md-color-" + key, color[key]);
    });
    return true;
  }

  function selectTargetTab() {
    var target = document.getElementById(location.hash.slice(1));
    if (!target) return false;
    if (target.name) target.checked = target.name.startsWith("__tabbed_");
    return true;
  }

  var palette = storedPalette();
  var paletteDone = !palette;
  var tabDone = !location.hash;
  function step() {
    if (!paletteDone && document.body) paletteDone = applyPalette(palette);
    if (!tabDone) tabDone = selectTargetTab();
    return paletteDone && tabDone;
  }
  if (step()) return;
  var observer = new MutationObserver(function () {
    if (step()) observer.disconnect();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", function () {
    step();
    observer.disconnect();
  });
})();

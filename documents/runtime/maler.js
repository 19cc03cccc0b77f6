// Maler: on a page that holds the digital duk (form[data-vl-duk]), load its script (duk.js) and set
// the form up; every other page pays for these few lines only. Runs on every page load, including
// Material's instant navigation.
//
// The duk runs as a document of its own. Reached through instant navigation, its history entry would
// share the document of the page before it, and the Back button would swap the page without
// unloading it — past the leave warning. So on such an arrival (the form is still empty) the script
// steps back and loads the duk for real: every way out is then a navigation the browser asks about.
// (A reload is not enough: Chrome then still goes back within the old document's entries.)
(function () {
  "use strict";
  var FIRST_PATH = location.pathname;
  var HERE = document.currentScript ? document.currentScript.src : document.baseURI;
  var loading = null;

  function load() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = new URL("duk.js", HERE).href;
        script.onload = resolve;
        script.onerror = function () { loading = null; reject(new Error(script.src)); };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  function start() {
    var forms = document.querySelectorAll("form[data-vl-duk]");
    if (!forms.length) return;
    if (location.pathname !== FIRST_PATH) {
      var here = location.href;
      window.addEventListener("popstate", function () { location.assign(here); }, { once: true, capture: true });
      history.back();
      return;
    }
    load().then(function () { forms.forEach(window.vlDuk.setUp); });
  }

  if (typeof document$ !== "undefined") document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

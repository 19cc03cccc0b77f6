// Maler: the «Skriv ut duken» button. Hidden in the HTML so it never shows without JavaScript;
// stores nothing and sends nothing. Runs on every page load, including Material's instant navigation.
document$.subscribe(function () {
  document.querySelectorAll("[data-vl-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
});

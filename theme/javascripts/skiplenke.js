// «Gå til innhold»: move keyboard focus to the page's main heading.
// Material's instant navigation handles same-page links itself: it scrolls, but focus stays in
// the header, so a keyboard user's next Tab lands in the navigation again (WCAG 2.4.1).
(function () {
  "use strict";
  if (typeof document$ === "undefined") return;
  document$.subscribe(function () {
    var skip = document.querySelector(".md-skip");
    if (!skip || skip.dataset.vlSkipBound) return;
    skip.dataset.vlSkipBound = "1";
    skip.addEventListener("click", function (event) {
      var target = document.getElementById(decodeURIComponent(new URL(skip.href).hash.slice(1)));
      if (!target) return;
      // Handled here, not by instant navigation: it would load the same page again and swap its
      // content, taking the focused heading away (focus fell back to <body>, and the next Tab landed
      // in the header), and it would replace the address's #fragment, which holds a scenario.
      event.preventDefault();
      event.stopPropagation();
      if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
      target.focus();
    });
  });
})();

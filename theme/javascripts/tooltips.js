/* Abbreviation tooltips (abbr + Material's content.tooltips).
 *
 * Material moves an <abbr>'s title into a floating <div role="tooltip"> that it appends to <body>
 * and links with aria-describedby. Outside every landmark, axe reports that element (rule
 * "region"). Screen readers already get the text through aria-describedby, which also reads hidden
 * elements it points to, so the floating copy is hidden from the accessibility tree.
 */
(function () {
  "use strict";

  function hideFloatingTooltip(node) {
    if (node.nodeType === 1 && node.classList.contains("md-tooltip2")) {
      node.setAttribute("aria-hidden", "true");
    }
  }

  new MutationObserver(function (mutations) {
    mutations.forEach(function (mutation) {
      mutation.addedNodes.forEach(hideFloatingTooltip);
    });
  }).observe(document.body, { childList: true });
})();

/* Repertoire: names Material's search dialog for assistive technology.
 *
 * Material 9.x renders the search overlay as role="dialog" without a name (axe rule
 * aria-dialog-name); a name from its own input's placeholder fixes that without overriding
 * the theme's template. Runs again after Material's instant navigation.
 */
(function () {
  "use strict";

  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role=dialog]");
    if (!dialog || dialog.hasAttribute("aria-label") || dialog.hasAttribute("aria-labelledby")) return;
    var input = dialog.querySelector("input.md-search__input");
    dialog.setAttribute("aria-label", (input && input.getAttribute("aria-label")) || "Search");
  }

  window.repertoireOnEveryPage(nameSearchDialog);
})();

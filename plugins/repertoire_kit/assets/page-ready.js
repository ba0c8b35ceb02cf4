/* Repertoire: run a page enhancement once per page shown.
 *
 * Material's instant navigation swaps pages without reloading scripts and announces each page
 * on `document$`; without it (or before Material starts) the DOM's own ready event does.
 * Loaded before the plugin's other scripts, which call `repertoireOnEveryPage(fn)`.
 */
(function () {
  "use strict";

  window.repertoireOnEveryPage = function (enhance) {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(enhance);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", enhance);
    } else {
      enhance();
    }
  };
})();

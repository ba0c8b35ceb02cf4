/* Repertoire: reading progress on curated paths, kept only in this browser.
 *
 * Progressive enhancement: path pages and the paths list are complete without this script.
 * With it, each step of a path page gets a "Done" checkbox and the page and the paths list
 * show how far the reader has got. Nothing leaves the browser: the state is a JSON list of
 * done entry ids in localStorage under "repertoire:path:<path id>". DOM is built with
 * createElement/textContent only.
 */
(function () {
  "use strict";

  var PREFIX = "repertoire:path:";

  function storage() {
    try {
      var probe = PREFIX + "probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (error) {
      return null; // private mode or storage disabled: the pages still work without progress
    }
  }

  function readDone(store, pathId) {
    if (!store) return [];
    try {
      var value = JSON.parse(store.getItem(PREFIX + pathId) || "[]");
      return Array.isArray(value) ? value.filter(function (v) { return typeof v === "string"; }) : [];
    } catch (error) {
      return [];
    }
  }

  function writeDone(store, pathId, done) {
    if (store) store.setItem(PREFIX + pathId, JSON.stringify(done));
  }

  function summaryText(done, total) {
    return done + " of " + total + " steps done";
  }

  function makeSummary(done, total) {
    var summary = document.createElement("p");
    summary.className = "rep-progress-summary";
    summary.setAttribute("aria-live", "polite");
    summary.textContent = summaryText(done, total);
    return summary;
  }

  /* `panel` is the path's panel (data-path); each step is a .rep-step after its heading. */
  function enhancePathPage(store, panel) {
    var steps = document.querySelectorAll(".rep-step[data-step]");
    if (!steps.length) return;
    var pathId = panel.getAttribute("data-path");
    var done = readDone(store, pathId);
    var summary = makeSummary(0, steps.length);
    panel.parentNode.insertBefore(summary, panel.nextSibling);

    function refresh() {
      var count = 0;
      steps.forEach(function (step) {
        var entryId = step.getAttribute("data-entry");
        var box = step.querySelector(".rep-progress-box");
        var isDone = done.indexOf(entryId) !== -1;
        if (box) box.checked = isDone;
        step.classList.toggle("rep-step--done", isDone);
        if (isDone) count += 1;
      });
      summary.textContent = summaryText(count, steps.length);
    }

    steps.forEach(function (step) {
      var entryId = step.getAttribute("data-entry");
      var label = document.createElement("label");
      label.className = "rep-progress";
      var box = document.createElement("input");
      box.type = "checkbox";
      box.className = "rep-progress-box";
      box.setAttribute("data-path", pathId);
      box.setAttribute("data-entry", entryId);
      label.appendChild(box);
      label.appendChild(document.createTextNode(" Done"));
      box.addEventListener("change", function () {
        done = done.filter(function (id) { return id !== entryId; });
        if (box.checked) done.push(entryId);
        writeDone(store, pathId, done);
        refresh();
      });
      step.appendChild(label);
    });
    refresh();
  }

  function enhancePathCards(store) {
    document.querySelectorAll(".rep-path-card[data-path][data-steps]").forEach(function (card) {
      var total = parseInt(card.getAttribute("data-steps"), 10) || 0;
      var done = readDone(store, card.getAttribute("data-path")).length;
      card.appendChild(makeSummary(Math.min(done, total), total));
    });
  }

  function enhance() {
    var store = storage();
    if (!store) return;
    var panel = document.querySelector(".rep-panel.rep-path[data-path]");
    if (panel) enhancePathPage(store, panel);
    enhancePathCards(store);
  }

  window.repertoireOnEveryPage(enhance);
})();

/* Repertoire: the Record a use page, for the entry named in its address.
 *
 * Progressive enhancement: without this script the page shows the use file with a
 * placeholder for the entry, and GitHub's editor opens on that. With it, an entry id in the
 * address (`?entry=cases/some-case`, as each entry's "I used this" link gives it) replaces
 * the placeholder in the file shown, in the editor link and in the file's name, and the
 * example entry in the `repertoire new use` command. The id must have the shape of an entry
 * id (a kind folder, a slash, a name); anything else is ignored.
 * Nothing is fetched; DOM is changed with textContent and attributes only.
 */
(function () {
  "use strict";

  var ENTRY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?$/;

  function fillIn() {
    var box = document.querySelector(".rep-record-use");
    if (!box) return;
    var entry = new URLSearchParams(window.location.search).get("entry") || "";
    if (!ENTRY_ID.test(entry)) return;
    var code = box.querySelector(".rep-record-text");
    var placeholderLine = box.getAttribute("data-entry-line");
    if (!code || !placeholderLine || code.textContent.indexOf(placeholderLine) === -1) return;
    var text = code.textContent.replace(placeholderLine, "entry: " + entry);
    code.textContent = text;

    var commandLine = document.querySelector(".rep-record-command-line");
    var command = commandLine && commandLine.querySelector(".rep-record-command");
    var example = commandLine && commandLine.getAttribute("data-example");
    if (command && example) command.textContent = command.textContent.replace(example, entry);

    var named = box.querySelector(".rep-record-entry");
    if (named) {
      named.querySelector("code").textContent = entry;
      named.hidden = false;
    }
    var editor = box.querySelector(".rep-record-editor");
    var newFile = box.getAttribute("data-new-file");
    if (editor && newFile) {
      var slug = entry.split("/")[1].replace(/_/g, "-");
      var name = (box.getAttribute("data-file-name") || "").replace("{entry}", slug);
      editor.setAttribute(
        "href",
        newFile + "?filename=" + encodeURIComponent(name) + "&value=" + encodeURIComponent(text)
      );
    }
  }

  window.repertoireOnEveryPage(fillIn);
})();

/* Repertoire explore page: filters every published entry on the client.

   Without this script the page links to the kind listings. When it runs, it reads the
   compact explore.json made for it (the page links to it as #rep-explore-data),
   adds one select per facet (kind, problem type with its sub-types, member, level, and each
   custom field the site shows in explore), combines
   them, shows live counts, and keeps the choice in the address (?kind=&problem=&member=&level=)
   so it can be shared and is restored on load. An order control lists the results newest first
   (the default) or most used first (by recorded uses, then newest), kept as ?sort=used. Contributed text only ever goes into the page
   through textContent: never through innerHTML. On any other page it does nothing. */
(function () {
  "use strict";

  var LEVEL_ORDER = ["newcomer", "practitioner", "expert"];

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function capitalize(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function plural(count, one, many) {
    return count + " " + (count === 1 ? one : many);
  }

  /* A URL from the export, made to work wherever the site is served: the export's absolute
     URLs start with the configured site_url, which is not where a preview or a copy lives. */
  function localizer(siteUrl, root) {
    var prefix = siteUrl ? siteUrl.replace(/\/?$/, "/") : null;
    return function (url) {
      if (prefix && url.indexOf(prefix) === 0) url = url.slice(prefix.length);
      return new URL(url, root).href;
    };
  }

  /* Orders of the results: the value kept in the address, its label, its comparison. */
  var ORDERS = [
    { value: "", label: "Newest first", compare: newestFirst },
    { value: "used", label: "Most used first", compare: mostUsedFirst },
  ];

  function mostUsedFirst(a, b) {
    return (b.uses || 0) - (a.uses || 0) || newestFirst(a, b);
  }

  function newestFirst(a, b) {
    var changedA = a.updated || a.date;
    var changedB = b.updated || b.date;
    if (changedA !== changedB) return changedA < changedB ? 1 : -1;
    if (a.date !== b.date) return a.date < b.date ? 1 : -1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  }

  /* Problem types in tree order (roots and children by title), each with its depth and the
     set of ids it stands for: itself and every sub-type below it. */
  function problemTree(problems) {
    var byId = {};
    problems.forEach(function (p) { byId[p.id] = p; });
    var byTitle = function (a, b) {
      return byId[a].title.localeCompare(byId[b].title) || (a < b ? -1 : 1);
    };
    var ordered = [];
    function visit(id, depth, trail) {
      if (!byId[id] || trail.indexOf(id) !== -1) return [];
      var covered = [id];
      var item = { id: id, depth: depth, title: byId[id].title, covered: covered };
      ordered.push(item);
      (byId[id].children || []).slice().sort(byTitle).forEach(function (child) {
        visit(child, depth + 1, trail.concat([id])).forEach(function (c) { covered.push(c); });
      });
      return covered;
    }
    problems
      .filter(function (p) { return !p.parent || !byId[p.parent]; })
      .map(function (p) { return p.id; })
      .sort(byTitle)
      .forEach(function (id) { visit(id, 0, []); });
    return ordered;
  }

  /* The four facets: each has options and a test of one entry against one option. */
  function facets(data) {
    var members = data.members.slice().sort(function (a, b) {
      return a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1);
    });
    var levels = [];
    data.entries.forEach(function (e) {
      if (e.level && levels.indexOf(e.level) === -1) levels.push(e.level);
    });
    /* The site's levels in their configured order, with their labels (older data files
       have none: the built-in order, and the ids). */
    var levelOrder = data.levels ? data.levels.map(function (l) { return l.id; }) : LEVEL_ORDER;
    var levelLabels = {};
    (data.levels || []).forEach(function (l) { levelLabels[l.id] = l.label; });
    levels.sort(function (a, b) {
      var rank = function (l) { var i = levelOrder.indexOf(l); return i === -1 ? levelOrder.length : i; };
      return rank(a) - rank(b) || a.localeCompare(b);
    });
    var tree = problemTree(data.problem_types);
    var covered = {};
    tree.forEach(function (p) { covered[p.id] = p.covered; });
    return [
      {
        key: "kind", label: "Kind", any: "Any kind",
        options: data.kinds.map(function (k) { return { value: k.singular, label: capitalize(k.plural) }; }),
        matches: function (e, value) { return e.kind === value; },
      },
      {
        key: "problem", label: "Problem type (with its sub-types)", any: "Any problem type",
        options: tree.map(function (p) {
          return { value: p.id, label: "\u2014 ".repeat(p.depth) + p.title };
        }),
        matches: function (e, value) {
          return e.problem_types.some(function (id) { return covered[value].indexOf(id) !== -1; });
        },
      },
      {
        key: "member", label: "Member", any: "Any member",
        options: members.map(function (m) { return { value: m.id, label: m.name }; }),
        matches: function (e, value) { return e.contributors.indexOf(value) !== -1; },
      },
      {
        key: "level", label: "Level", any: "Any level",
        options: levels.map(function (l) { return { value: l, label: levelLabels[l] || capitalize(l) }; }),
        matches: function (e, value) { return e.level === value; },
      },
    ].concat((data.filters || []).map(function (filter) { return customFacet(data, filter); }));
  }

  /* A filter on one of the community's own fields: its choices in their configured order,
     or else the values entries have (a member or a problem type by its name). */
  function customFacet(data, filter) {
    var valuesOf = function (e) {
      var value = (e.fields || {})[filter.name];
      return value === null || value === undefined ? [] : [].concat(value);
    };
    var options = filter.choices.map(function (c) { return { value: c.id, label: c.label }; });
    if (!options.length) {
      var names = {};
      data.members.forEach(function (m) { if (filter.type === "member") names[m.id] = m.name; });
      data.problem_types.forEach(function (p) { if (filter.type === "problem") names[p.id] = p.title; });
      var seen = [];
      data.entries.forEach(function (e) {
        valuesOf(e).forEach(function (v) { if (seen.indexOf(v) === -1) seen.push(v); });
      });
      options = seen.map(function (v) { return { value: v, label: names[v] || v }; });
      options.sort(function (a, b) { return a.label.localeCompare(b.label) || (a.value < b.value ? -1 : 1); });
    }
    return {
      key: filter.name, label: filter.label, any: "Any " + filter.label.toLowerCase(),
      options: options,
      matches: function (e, value) { return valuesOf(e).indexOf(value) !== -1; },
    };
  }

  /* The chosen value of each facet, read from the address; unknown values count as "any". */
  function stateFromAddress(allFacets) {
    var params = new URLSearchParams(window.location.search);
    var state = {};
    allFacets.forEach(function (facet) {
      var value = params.get(facet.key);
      var known = facet.options.some(function (o) { return o.value === value; });
      state[facet.key] = known ? value : "";
    });
    return state;
  }

  function orderFromAddress() {
    var value = new URLSearchParams(window.location.search).get("sort");
    return ORDERS.some(function (o) { return o.value === value; }) ? value : "";
  }

  function writeAddress(allFacets, state, order) {
    var params = new URLSearchParams(window.location.search);
    allFacets.forEach(function (facet) {
      if (state[facet.key]) params.set(facet.key, state[facet.key]);
      else params.delete(facet.key);
    });
    if (order) params.set("sort", order);
    else params.delete("sort");
    var query = params.toString();
    var address = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    window.history.replaceState(window.history.state, "", address);
  }

  function matching(entries, allFacets, state, skipKey) {
    return entries.filter(function (e) {
      return allFacets.every(function (facet) {
        var value = facet.key === skipKey ? "" : state[facet.key];
        return !value || facet.matches(e, value);
      });
    });
  }

  function entryItem(entry, lookups, toLocal) {
    var item = element("li", { "class": "rep-explore-item" });
    var heading = element("strong");
    heading.appendChild(element("a", { href: toLocal(entry.url) }, entry.title));
    item.appendChild(heading);
    /* The date in a <time>, as in the generated listings: the stylesheet keeps it on one line
       (a bare "2026-11-26" breaks after a hyphen on a phone). */
    var changed = entry.updated || entry.date;
    item.appendChild(document.createTextNode(" \u00b7 " + entry.kind + " \u00b7 "));
    item.appendChild(element("time", { datetime: changed }, changed));
    if (entry.level) item.appendChild(document.createTextNode(" \u00b7 " + (lookups.levels[entry.level] || entry.level)));
    if (entry.uses) {
      item.appendChild(document.createTextNode(" \u00b7 "));
      item.appendChild(element("span", { "class": "rep-used" },
        "used " + (entry.uses === 1 ? "once" : entry.uses + " times")));
    }
    item.appendChild(element("br"));
    item.appendChild(document.createTextNode(entry.summary));
    item.appendChild(element("br"));
    var about = element("em");
    appendLinks(about, entry.problem_types, lookups.problems, "title", toLocal);
    item.appendChild(about);
    item.appendChild(document.createTextNode(" \u00b7 "));
    appendLinks(item, entry.contributors, lookups.members, "name", toLocal);
    return item;
  }

  function appendLinks(parent, ids, records, nameKey, toLocal) {
    ids.forEach(function (id, index) {
      if (index > 0) parent.appendChild(document.createTextNode(", "));
      var record = records[id];
      if (record) parent.appendChild(element("a", { href: toLocal(record.url) }, record[nameKey]));
      else parent.appendChild(document.createTextNode(id));
    });
  }

  function index(records) {
    var byId = {};
    records.forEach(function (r) { byId[r.id] = r; });
    return byId;
  }

  function enhance(root, data, dataUrl) {
    var toLocal = localizer(data.site && data.site.url, new URL(".", dataUrl).href);
    var order = orderFromAddress();
    function sorted() {
      var compare = ORDERS.filter(function (o) { return o.value === order; })[0].compare;
      return data.entries.slice().sort(compare);
    }
    var entries = sorted();
    var allFacets = facets(data);
    var lookups = { problems: index(data.problem_types), members: index(data.members), levels: {} };
    (data.levels || []).forEach(function (l) { lookups.levels[l.id] = l.label; });
    var state = stateFromAddress(allFacets);

    var form = element("form", { "class": "rep-explore-filters", "aria-label": "Filter entries" });
    var selects = {};
    allFacets.forEach(function (facet) {
      var id = "rep-explore-" + facet.key;
      var field = element("div", { "class": "rep-explore-filter" });
      field.appendChild(element("label", { "for": id }, facet.label));
      var select = element("select", { id: id, name: facet.key });
      select.appendChild(element("option", { value: "" }, facet.any));
      facet.options.forEach(function (option) {
        select.appendChild(element("option", { value: option.value }, option.label));
      });
      select.value = state[facet.key];
      select.addEventListener("change", function () {
        state[facet.key] = select.value;
        writeAddress(allFacets, state, order);
        update();
      });
      selects[facet.key] = select;
      field.appendChild(select);
      form.appendChild(field);
    });
    var clear = element("button", { type: "button", "class": "md-button rep-explore-clear" }, "Clear filters");
    clear.addEventListener("click", function () {
      allFacets.forEach(function (facet) { state[facet.key] = ""; });
      writeAddress(allFacets, state, order);
      update();
    });
    var orderField = element("div", { "class": "rep-explore-filter rep-explore-order" });
    orderField.appendChild(element("label", { "for": "rep-explore-sort" }, "Order"));
    var orderSelect = element("select", { id: "rep-explore-sort", name: "sort" });
    ORDERS.forEach(function (o) {
      orderSelect.appendChild(element("option", { value: o.value }, o.label));
    });
    orderSelect.value = order;
    orderSelect.addEventListener("change", function () {
      order = orderSelect.value;
      entries = sorted();
      writeAddress(allFacets, state, order);
      update();
    });
    orderField.appendChild(orderSelect);
    form.appendChild(orderField);
    form.appendChild(clear);
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    /* The count comes first, with a link to the results, so that on a phone the outcome of a
       choice is on the first screen even when the filters fill it. */
    var status = element("p", { "class": "rep-explore-count", role: "status", "aria-live": "polite" });
    var statusText = document.createTextNode("");
    var jump = element("a", { href: "#rep-explore-results", "class": "rep-explore-jump" }, "See them");
    status.appendChild(statusText);
    status.appendChild(document.createTextNode(" "));
    status.appendChild(jump);
    var list = element("ul", { "class": "rep-explore-results", id: "rep-explore-results" });
    var empty = element("p", { "class": "rep-explore-empty" }, "No entry matches all of these filters.");

    /* Results come PAGE at a time, with a button for more: a page of thousands of items is
       slow to draw on a phone and long to scroll past. */
    var PAGE = 50;
    var limit = PAGE;
    var shownNow = [];
    var more = element("button", { type: "button", "class": "md-button rep-explore-more" }, "Show more");
    more.addEventListener("click", function () { limit += PAGE; render(); });

    function render() {
      for (var i = list.children.length; i < Math.min(limit, shownNow.length); i += 1) {
        list.appendChild(entryItem(shownNow[i], lookups, toLocal));
      }
      more.hidden = shownNow.length <= limit;
      if (!more.hidden) {
        more.textContent = "Show " + Math.min(PAGE, shownNow.length - limit) + " more of " + shownNow.length;
      }
    }

    function update() {
      allFacets.forEach(function (facet) {
        var select = selects[facet.key];
        select.value = state[facet.key];
        var base = matching(entries, allFacets, state, facet.key);
        var counts = [base.length].concat(facet.options.map(function (option) {
          return base.filter(function (e) { return facet.matches(e, option.value); }).length;
        }));
        var labels = [facet.any].concat(facet.options.map(function (o) { return o.label; }));
        Array.prototype.forEach.call(select.options, function (node, i) {
          node.textContent = labels[i] + " (" + counts[i] + ")";
        });
      });
      var shown = shownNow = matching(entries, allFacets, state, null);
      statusText.textContent = "Showing " + shown.length + " of " + plural(entries.length, "entry", "entries") + ".";
      jump.hidden = shown.length === 0;
      while (list.firstChild) list.removeChild(list.firstChild);
      limit = PAGE;
      render();
      empty.hidden = shown.length > 0;
      clear.disabled = !allFacets.some(function (facet) { return state[facet.key]; });
    }

    var fallback = root.querySelector(".rep-explore-fallback");
    var results = element("div", { "class": "rep-explore-live" });
    results.appendChild(empty);
    results.appendChild(list);
    results.appendChild(more);
    root.appendChild(status);
    root.appendChild(form);
    root.appendChild(results);
    if (fallback) fallback.hidden = true;
    update();
  }

  function start() {
    var root = document.getElementById("rep-explore");
    if (!root || root.getAttribute("data-rep-ready")) return;
    var link = root.querySelector("#rep-explore-data");
    if (!link) return;
    root.setAttribute("data-rep-ready", "loading");
    fetch(link.href)
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (data) {
        enhance(root, data, link.href);
        root.setAttribute("data-rep-ready", "yes");
      })
      .catch(function (problem) {
        root.setAttribute("data-rep-ready", "failed");
        var note = element("p", { "class": "rep-explore-error", role: "status" },
          "The filters could not load (" + problem.message + "); the links below still work.");
        root.insertBefore(note, root.firstChild);
      });
  }

  window.repertoireOnEveryPage(start);
})();

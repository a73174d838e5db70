(function () {
  "use strict";
  // Every text from the structure reaches the page through textContent or
  // a text node, never as markup.
  var data = JSON.parse(document.getElementById("gg-data").textContent);
  var byKey = {};
  var byId = {};
  data.bodies.forEach(function (b) {
    byKey[b.key] = b;
    byId[b.id] = b;
  });

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  // The drawing's nodes and edges, matched by the titles both renderers
  // write: a node's key, an edge's "tail->head" (in drawing order when two
  // edges join the same pair).
  var drawing = document.getElementById("gg-drawing");
  var nodes = {};
  drawing.querySelectorAll("g.node").forEach(function (g) {
    var title = g.querySelector("title");
    if (!title) return;
    var body = byKey[title.textContent];
    if (!body) return;
    nodes[body.key] = g;
    g.classList.add("gg-node");
    g.setAttribute("tabindex", "0");
    g.setAttribute("role", "button");
    g.setAttribute("aria-label", body.name);
    title.textContent = body.name;
    g.addEventListener("click", function () { select(body.id); });
    g.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); select(body.id); }
    });
    g.addEventListener("mouseenter", function () { preview(body); });
    g.addEventListener("mouseleave", function () { preview(null); });
  });
  var queues = {};
  data.edges.forEach(function (e) {
    (queues[e.title] = queues[e.title] || []).push(e);
  });
  var edges = [];
  drawing.querySelectorAll("g.edge").forEach(function (g) {
    var title = g.querySelector("title");
    if (!title) return;
    var queue = queues[title.textContent];
    if (!queue || queue.length === 0) return;
    var edge = queue.shift();
    edges.push({ g: g, edge: edge });
    title.textContent = edge.words;
  });

  // Filters, built from the data.
  var statusOff = {};
  var kindOff = {};
  function checkboxes(holder, items, off) {
    items.forEach(function (item) {
      var label = el("label");
      var box = el("input");
      box.type = "checkbox";
      box.checked = true;
      box.value = item.key;
      box.addEventListener("change", function () {
        off[item.key] = !box.checked;
        apply();
      });
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + item.label + " (" + item.count + ")"));
      holder.appendChild(label);
    });
  }
  checkboxes(document.getElementById("gg-statuses"), data.statuses, statusOff);
  checkboxes(document.getElementById("gg-kinds"), data.kinds, kindOff);
  var findingSelect = document.getElementById("gg-finding");
  data.finding_kinds.forEach(function (kind) {
    var option = el("option", kind.label + " (" + kind.count + ")");
    option.value = kind.key;
    findingSelect.appendChild(option);
  });
  findingSelect.addEventListener("change", apply);
  document.getElementById("gg-controls").addEventListener("submit", function (e) {
    e.preventDefault();
  });
  var search = document.getElementById("gg-search");
  search.addEventListener("input", apply);

  function involved(body, kind) {
    return body.findings.some(function (f) { return f.kind === kind; });
  }

  function apply() {
    var query = search.value.trim().toLowerCase();
    var kind = findingSelect.value;
    var hidden = {};
    var matches = 0;
    data.bodies.forEach(function (b) {
      var g = nodes[b.key];
      if (!g) return;
      var off = statusOff[b.status_key] === true;
      hidden[b.key] = off;
      var hit = true;
      if (query) hit = b.name.toLowerCase().indexOf(query) >= 0 || b.id.toLowerCase().indexOf(query) >= 0;
      if (kind) hit = hit && involved(b, kind);
      var active = query || kind;
      if (active && hit && !off) matches += 1;
      g.classList.toggle("gg-hidden", off);
      g.classList.toggle("gg-dim", !off && !!active && !hit);
      g.classList.toggle("gg-hit", !off && !!active && hit);
    });
    edges.forEach(function (item) {
      var off = kindOff[item.edge.kind] === true || hidden[item.edge.tail] || hidden[item.edge.head];
      item.g.classList.toggle("gg-hidden", !!off);
    });
    var count = document.getElementById("gg-count");
    count.textContent = (query || kind) ? matches + " of " + data.bodies.length + " match" : "";
  }

  // Details.
  var details = document.getElementById("gg-details");
  var hint = document.getElementById("gg-hint");
  function field(list, name, value) {
    if (value === undefined || value === null || value === "" || value === false) return;
    list.appendChild(el("dt", name));
    list.appendChild(el("dd", value === true ? "yes" : value));
  }
  function listOf(title, items) {
    if (!items || items.length === 0) return null;
    var section = el("section");
    section.appendChild(el("h3", title));
    var ul = el("ul");
    items.forEach(function (item) { ul.appendChild(el("li", item)); });
    section.appendChild(ul);
    return section;
  }
  function show(body) {
    details.textContent = "";
    if (!body) { details.appendChild(hint); return; }
    details.appendChild(el("h2", body.name));
    var dl = el("dl");
    field(dl, "Kind", body.kind);
    field(dl, "Status", body.status);
    field(dl, "Stands for", body.count > 1 ? body.count + " alike bodies" : "");
    field(dl, "Tier", body.tier);
    field(dl, "Meets", body.meets);
    field(dl, "Statutory", body.statutory);
    field(dl, "Apex", body.apex);
    field(dl, "Accountability", body.accountability);
    field(dl, "Source", body.source);
    field(dl, "Id", body.id);
    details.appendChild(dl);
    if (body.purpose) {
      details.appendChild(el("h3", "Purpose"));
      details.appendChild(el("p", body.purpose));
    }
    [["Findings", body.findings.map(function (f) { return f.text; })],
     ["Functions", body.functions],
     ["Members", body.seats],
     ["Seats it holds", body.holds],
     ["Relations", body.relations],
     ["Themes", body.themes],
     ["Formerly", body.formerly]].forEach(function (pair) {
      var section = listOf(pair[0], pair[1]);
      if (section) details.appendChild(section);
    });
    if (body.note) {
      details.appendChild(el("h3", "Note"));
      details.appendChild(el("p", body.note));
    }
  }
  var selected = null;
  function select(id) {
    var body = byId[id];
    if (selected && nodes[selected.key]) nodes[selected.key].classList.remove("gg-selected");
    selected = body || null;
    if (selected && nodes[selected.key]) nodes[selected.key].classList.add("gg-selected");
    show(selected);
  }
  function preview(body) {
    if (selected) return;
    show(body);
  }
  document.querySelectorAll("#gg-members g.body, #gg-members g.holder").forEach(function (g) {
    var id = g.getAttribute("data-id");
    if (!byId[id]) return;
    g.classList.add("gg-node");
    g.addEventListener("click", function () { select(id); });
  });

  // A link to one body, a search or a kind of finding:
  // page.html#body=ID, #search=TEXT, #finding=KIND.
  function fromHash() {
    var hash = decodeURIComponent(location.hash.replace(/^#/, ""));
    if (hash.indexOf("body=") === 0) select(hash.slice(5));
    if (hash.indexOf("search=") === 0) { search.value = hash.slice(7); apply(); }
    if (hash.indexOf("finding=") === 0) { findingSelect.value = hash.slice(8); apply(); }
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
  apply();
  document.body.setAttribute("data-ready", "true");
})();

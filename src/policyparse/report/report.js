/* policyparse report: draws the page from the JSON in #report-data. No network, no libraries.
 * Views (by the address's #): documents, matrix, deadlines, totals, doc/<n>[/<provision id>].
 * One document alone opens straight in its view. */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("report-data").textContent);
  var DOCS = DATA.documents;
  var SINGLE = DOCS.length === 1 && DATA.failures.length === 0;
  var view = document.getElementById("view");
  var popup = document.getElementById("popup");

  /* Chinese first, the English label after it. */
  var LABELS = {
    title: ["标题", "Title"], doc_number: ["发文字号", "Doc No."], issuers: ["发文机关", "Issuer"],
    date: ["成文日期", "Date"], kind: ["文种", "Kind"], recipients: ["主送", "To"],
    citations: ["引用文件", "Cites"], attachments: ["附件", "Attachments"],
    body_title: ["正文标题", "Body title"], source: ["来源", "Source"],
    provisions: ["条款", "Provisions"], clauses: ["责任条款", "Clauses"],
    deadlines: ["时限", "Deadlines"], amounts: ["金额与指标", "Amounts"], warnings: ["警告", "Warnings"],
    lead: ["牵头", "Lead"], support: ["配合", "Support"], unit: ["责任单位", "Unit"],
    total: ["合计", "Total"], format: ["格式", "Format"], path: ["路径", "Path"],
    documents: ["文件", "Documents"], matrix: ["责任矩阵", "Responsibility matrix"],
    timeline: ["时限", "Deadlines"], totals: ["合计", "Totals"], deadline: ["时限", "Deadline"],
    amount: ["金额", "Amount"], responsibility: ["责任", "Responsibility"], text: ["正文", "Text"],
    lines: ["行", "Lines"], failed: ["解析失败", "Failed"], parsed: ["已解析", "Parsed"],
    units: ["责任单位数", "Units"], dated: ["有日期的时限", "Dated deadlines"],
    tree: ["条款结构", "Provision tree"], sourcetext: ["原文", "Source text"]
  };
  var KIND_NAMES = { long_term: ["长期", "long term"], ongoing: ["持续", "ongoing"], period: ["期限内", "within a period"], date: ["日期", "date"] };

  function esc(s) {
    return String(s).replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }
  function label(key) {
    var l = LABELS[key];
    return esc(l[0]) + '<span class="en">' + esc(l[1]) + "</span>";
  }
  function docTitle(d) { return d.meta.title || d.meta.body_title || d.path; }
  function docLink(i, pid) { return "#doc/" + i + (pid ? "/" + encodeURIComponent(pid) : ""); }
  function byId(id) { return document.getElementById(id); }
  function clip(s, n) { return s.length > n ? s.slice(0, n - 1) + "…" : s; }

  /* ---- routing ---------------------------------------------------------------- */
  var TABS = [["documents", "documents"], ["matrix", "matrix"], ["deadlines", "timeline"], ["totals", "totals"]];

  function drawTabs(current) {
    var nav = byId("tabs");
    if (SINGLE) { nav.innerHTML = ""; return; }
    nav.innerHTML = TABS.map(function (t) {
      return '<a href="#' + t[0] + '" id="tab-' + t[0] + '"' + (t[0] === current ? ' class="on"' : "") + ">" + label(t[1]) + "</a>";
    }).join("");
  }

  function route() {
    popup.hidden = true;
    var hash = decodeURIComponent(location.hash.slice(1));
    var m = /^doc\/(\d+)(?:\/(.*))?$/.exec(hash);
    if (m && DOCS[+m[1]]) { drawTabs("documents"); showDocument(+m[1], m[2] || null); return; }
    if (SINGLE) { showDocument(0, null); return; }
    var name = ["matrix", "deadlines", "totals"].indexOf(hash) >= 0 ? hash : "documents";
    drawTabs(name);
    ({ documents: showDocuments, matrix: showMatrix, deadlines: showDeadlines, totals: showTotals })[name]();
  }

  /* ---- one document ------------------------------------------------------------ */
  var current = null; // {index, doc, owner: row → provision, selected}

  function showDocument(index, pid) {
    var d = DOCS[index];
    if (!current || current.index !== index) renderDocument(index, d);
    var p = pid === null ? -1 : indexOfProvision(d, pid);
    if (p >= 0) select(p, true);
  }

  function indexOfProvision(d, pid) {
    for (var i = 0; i < d.provisions.length; i++) if (d.provisions[i].id === pid) return i;
    return -1;
  }

  function metaCard(d) {
    var m = d.meta, rows = [];
    function add(key, value) { if (value) rows.push("<dt>" + label(key) + "</dt><dd>" + value + "</dd>"); }
    add("doc_number", m.doc_number && esc(m.doc_number));
    add("issuers", m.issuers.length && esc(m.issuers.join("、")));
    add("date", m.date && esc(m.date) + (m.date_raw && m.date_raw !== m.date ? ' <span class="en">' + esc(m.date_raw) + "</span>" : ""));
    add("kind", m.kind && esc(m.kind));
    add("recipients", m.recipients.length && esc(m.recipients.join("，")));
    add("body_title", m.body_title && m.body_title !== m.title && esc(m.body_title));
    add("citations", m.citations.length && m.citations.map(function (c) {
      return "《" + esc(c.title) + "》" + (c.doc_number ? "（" + esc(c.doc_number) + "）" : "");
    }).join("<br>"));
    add("attachments", m.attachments.length && m.attachments.map(esc).join("<br>"));
    add("source", esc(d.path) + ' <span class="en">' + esc([d.format, d.encoding, d.pages ? d.pages + " pages" : ""].filter(Boolean).join(" · ")) + "</span>");
    var c = d.counts;
    add("provisions", c.provisions + " · " + label("clauses") + " " + c.clauses + " · " + label("deadlines") + " " + c.deadlines + " · " + label("amounts") + " " + c.amounts);
    return '<div class="card" id="meta-card"><h2>' + esc(docTitle(d)) + '</h2><dl class="meta">' + rows.join("") + "</dl></div>";
  }

  function warningsBox(d) {
    if (!d.warnings.length) return "";
    var items = d.warnings.map(function (w, i) {
      var where = w.line ? "第" + w.line + "行 <span class=\"en\">line " + w.line + "</span> " : "";
      return '<li data-w="' + i + '"' + (w.row !== null ? ' class="jump"' : "") + "><code>" + esc(w.code) + "</code> " + where + esc(w.message) + "</li>";
    }).join("");
    return '<details class="card" id="warnings"' + (d.warnings.length <= 5 ? " open" : "") + "><summary>" + label("warnings") + " (" + d.warnings.length + ')</summary><ul class="warnings">' + items + "</ul></details>";
  }

  function legend() {
    return '<div class="legend"><span class="chip lead">' + label("lead") + '</span><span class="chip support">' + label("support") +
      '</span><span class="chip deadline">' + label("deadline") + '</span><span class="chip amount">' + label("amount") + "</span></div>";
  }

  function treeHtml(d) {
    var depth = {};
    return d.provisions.map(function (p, i) {
      var level = p.parent !== null && depth[p.parent] !== undefined ? depth[p.parent] + 1 : 0;
      depth[p.id] = level;
      var body = p.snippet;
      var chips = p.lead.map(function (u) { return '<span class="chip lead">' + esc(u) + "</span>"; }).join("") +
        p.support.map(function (u) { return '<span class="chip support">' + esc(u) + "</span>"; }).join("") +
        (p.deadline ? '<span class="chip deadline">' + esc(p.deadline.raw) + "</span>" : "");
      var cls = "prov l" + (level + 1) + (p.rows ? "" : " norows");
      return '<div class="' + cls + '" data-p="' + i + '" data-id="' + esc(p.id) + '" role="button" tabindex="0" style="padding-left:' + (0.6 + level * 1.2) +
        'em"><span class="pid">' + esc(p.id) + '</span><span class="plabel">' + esc(p.label) + "</span>" + esc(body) + " " + chips + "</div>";
    }).join("");
  }

  function sourceHtml(d) {
    if (d.rows === null) return '<div class="nosource">原文不在此记录中 <span class="en">source text not available: read from a JSON record</span></div>';
    var marks = {}, warned = {};
    d.marks.forEach(function (m) { (marks[m[0]] = marks[m[0]] || []).push(m); });
    d.warnings.forEach(function (w) { if (w.row !== null) (warned[w.row] = warned[w.row] || []).push(w.code + ": " + w.message); });
    var out = [], page = null;
    d.rows.forEach(function (r, i) {
      if (r[2] !== null && r[2] !== page) {
        if (page !== null) out.push('<div class="pagebreak">第 ' + r[2] + ' 页 <span class="en">page ' + r[2] + "</span></div>");
        page = r[2];
      }
      var text = r[3], html = "", at = 0;
      (marks[i] || []).forEach(function (m) {
        html += esc(text.slice(at, m[1])) + '<mark class="m-' + m[3] + '">' + esc(text.slice(m[1], m[2])) + "</mark>";
        at = m[2];
      });
      html += esc(text.slice(at));
      var lines = r[1] > r[0] ? r[0] + "–" + r[1] : r[0];
      out.push('<div class="row' + (warned[i] ? " warned" : "") + '" id="r' + i + '" data-r="' + i + '"' +
        (warned[i] ? ' title="' + esc(warned[i].join("\n")) + '"' : "") + '><span class="ln">' + lines + '</span><span class="tx">' + html + "</span></div>");
    });
    return out.join("");
  }

  function renderDocument(index, d) {
    var back = SINGLE ? "" : '<div class="back"><a href="#documents">← 返回文件列表 <span class="en">back to documents</span></a></div>';
    view.innerHTML = back + metaCard(d) + warningsBox(d) + legend() +
      '<div class="panes"><div class="left"><div class="pane" id="tree"><div class="pane-title">' + label("tree") + " (" + d.provisions.length + ")</div>" + treeHtml(d) +
      '</div><div class="card detail" id="detail" hidden></div></div><div class="pane" id="source"><div class="pane-title">' + label("sourcetext") + "</div>" + sourceHtml(d) + "</div></div>";
    var owner = [];
    d.provisions.forEach(function (p, i) {
      if (p.rows) for (var r = p.rows[0]; r <= p.rows[1]; r++) owner[r] = i; // later (deeper) provisions win
    });
    current = { index: index, doc: d, owner: owner, selected: -1, cur: -1 };
    var tree = byId("tree"), source = byId("source");
    tree.addEventListener("click", function (e) {
      var item = e.target.closest(".prov");
      if (item) { select(+item.dataset.p, true); history.replaceState(null, "", docLink(index, item.dataset.id)); }
    });
    tree.addEventListener("keydown", function (e) {
      var item = e.target.closest(".prov");
      if (item && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); select(+item.dataset.p, true); }
    });
    source.addEventListener("click", function (e) {
      var row = e.target.closest(".row");
      if (row && owner[+row.dataset.r] !== undefined) select(owner[+row.dataset.r], false);
    });
    var pending = false;
    source.addEventListener("scroll", function () {
      if (pending) return;
      pending = true;
      requestAnimationFrame(function () { pending = false; followSource(); });
    });
    var box = byId("warnings");
    if (box) box.addEventListener("click", function (e) {
      var li = e.target.closest("li.jump");
      if (!li) return;
      var row = byId("r" + d.warnings[+li.dataset.w].row);
      scrollWithin(source, row);
      row.classList.add("flash");
      setTimeout(function () { row.classList.remove("flash"); }, 1500);
    });
  }

  function scrollWithin(pane, el) {
    if (el) pane.scrollTop = el.offsetTop - pane.clientHeight / 3;
  }

  /* The tree follows the source: the provision at the top of the source pane is shown. */
  function followSource() {
    var source = byId("source"), rows = source.querySelectorAll(".row");
    if (!rows.length) return;
    var top = source.scrollTop + 40, lo = 0, hi = rows.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (rows[mid].offsetTop <= top) lo = mid; else hi = mid - 1;
    }
    var p = current.owner[+rows[lo].dataset.r];
    if (p === undefined || p === current.cur) return;
    var tree = byId("tree"), old = tree.querySelector(".prov.cur");
    if (old) old.classList.remove("cur");
    var item = tree.querySelector('.prov[data-p="' + p + '"]');
    item.classList.add("cur");
    current.cur = p;
    if (item.offsetTop < tree.scrollTop || item.offsetTop > tree.scrollTop + tree.clientHeight - 30) scrollWithin(tree, item);
  }

  function select(i, scrollSource) {
    var d = current.doc, p = d.provisions[i];
    var tree = byId("tree"), source = byId("source");
    tree.querySelectorAll(".prov.sel").forEach(function (x) { x.classList.remove("sel"); });
    source.querySelectorAll(".row.sel").forEach(function (x) { x.classList.remove("sel"); });
    var item = tree.querySelector('.prov[data-p="' + i + '"]');
    item.classList.add("sel");
    if (p.rows) for (var r = p.rows[0]; r <= p.rows[1]; r++) byId("r" + r).classList.add("sel");
    current.selected = i;
    if (scrollSource && p.rows) scrollWithin(source, byId("r" + p.rows[0]));
    if (!scrollSource) scrollWithin(tree, item);
    showDetail(d, p);
  }

  function showDetail(d, p) {
    var rows = [];
    function add(key, value) { if (value) rows.push("<dt>" + label(key) + "</dt><dd>" + value + "</dd>"); }
    add("lines", p.lines[0] === p.lines[1] ? "第" + p.lines[0] + "行" : "第" + p.lines[0] + "–" + p.lines[1] + "行" + (p.page ? "，第" + p.page + "页" : "") +
      (p.rows ? "" : ' <span class="en">not found in the source rows</span>'));
    add("lead", p.lead.map(function (u) { return '<span class="chip lead">' + esc(u) + "</span>"; }).join(""));
    add("support", p.support.map(function (u) { return '<span class="chip support">' + esc(u) + "</span>"; }).join(""));
    add("responsibility", p.resp && esc(p.resp));
    add("deadline", p.deadline && '<span class="chip deadline">' + esc(p.deadline.raw) + "</span> " + esc(p.deadline.date || kindName(p.deadline.kind)));
    add("amounts", p.amounts.map(function (a) { return '<span class="chip amount">' + esc(a) + "</span>"; }).join(""));
    var text = p.text !== null ? p.text : d.rows.slice(p.rows[0], p.rows[1] + 1).map(function (r) { return r[3]; }).join("\n");
    add("text", '<div class="text">' + esc(text) + "</div>");
    var box = byId("detail");
    box.innerHTML = "<h2>" + esc(p.id) + " " + esc(p.label) + " " + esc(p.heading || "") + '</h2><dl class="meta">' + rows.join("") + "</dl>";
    box.hidden = false;
  }

  function kindName(kind) { var k = KIND_NAMES[kind] || [kind, ""]; return k[0] + " " + k[1]; }

  /* ---- documents table ----------------------------------------------------------- */
  var COLUMNS = [
    ["n", "#", true], ["title", "title"], ["doc_number", "doc_number"], ["issuers", "issuers"], ["date", "date"],
    ["kind", "kind"], ["provisions", "provisions", true], ["clauses", "clauses", true], ["deadlines", "deadlines", true],
    ["amounts", "amounts", true], ["warnings", "warnings", true], ["format", "format"], ["path", "path"]
  ];
  var docSort = { key: "n", dir: 1 }, docFilter = "";

  function docRows() {
    var rows = DOCS.map(function (d, i) {
      var c = d.counts;
      return { i: i, n: i + 1, title: docTitle(d), doc_number: d.meta.doc_number || "", issuers: d.meta.issuers.join("、"),
        date: d.meta.date || "", kind: d.meta.kind || "", provisions: c.provisions, clauses: c.clauses, deadlines: c.deadlines,
        amounts: c.amounts, warnings: d.warnings.length, format: d.format, path: d.path };
    });
    DATA.failures.forEach(function (f, k) {
      rows.push({ i: -1, n: DOCS.length + k + 1, title: "解析失败 Failed: " + f.reason, doc_number: "", issuers: "", date: "", kind: "",
        provisions: 0, clauses: 0, deadlines: 0, amounts: 0, warnings: 0, format: f.kind, path: f.path });
    });
    return rows;
  }

  function showDocuments() {
    current = null;
    view.innerHTML = '<div class="toolbar"><input type="search" id="doc-filter" placeholder="筛选：标题、文号、机关、路径… Filter" value="' + esc(docFilter) +
      '"><span id="doc-count"></span></div><div class="tablewrap"><table class="grid" id="doc-table"><thead><tr>' +
      COLUMNS.map(function (c) {
        return '<th class="sortable' + (c[2] ? " num" : "") + '" data-key="' + c[0] + '">' + (c[1] === "#" ? "#" : label(c[1])) + "</th>";
      }).join("") + "</tr></thead><tbody></tbody></table></div>";
    var all = docRows();
    function draw() {
      var needle = docFilter.trim().toLowerCase();
      var shown = all.filter(function (r) {
        return !needle || [r.title, r.doc_number, r.issuers, r.date, r.kind, r.path, r.format].join("\n").toLowerCase().indexOf(needle) >= 0;
      });
      var key = docSort.key, dir = docSort.dir;
      shown.sort(function (a, b) {
        var x = a[key], y = b[key];
        var c = typeof x === "number" ? x - y : String(x).localeCompare(String(y), "zh-CN");
        return c * dir || a.n - b.n;
      });
      document.querySelector("#doc-table tbody").innerHTML = shown.map(function (r) {
        return '<tr class="' + (r.i < 0 ? "failed" : "doc") + '" data-i="' + r.i + '">' + COLUMNS.map(function (c) {
          return "<td" + (c[2] ? ' class="num"' : "") + ">" + esc(r[c[0]]) + "</td>";
        }).join("") + "</tr>";
      }).join("");
      byId("doc-count").innerHTML = "显示 " + shown.length + " / " + all.length + ' <span class="en">shown</span>';
      document.querySelectorAll("#doc-table th").forEach(function (th) {
        if (th.dataset.key === key) th.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending"); else th.removeAttribute("aria-sort");
      });
    }
    byId("doc-filter").addEventListener("input", function (e) { docFilter = e.target.value; draw(); });
    document.querySelector("#doc-table thead").addEventListener("click", function (e) {
      var th = e.target.closest("th");
      if (!th) return;
      docSort = { key: th.dataset.key, dir: docSort.key === th.dataset.key ? -docSort.dir : 1 };
      draw();
    });
    document.querySelector("#doc-table tbody").addEventListener("click", function (e) {
      var tr = e.target.closest("tr.doc");
      if (tr) location.hash = docLink(+tr.dataset.i);
    });
    draw();
  }

  /* ---- responsibility matrix ------------------------------------------------------- */
  function showMatrix() {
    current = null;
    var used = {};
    DATA.matrix.forEach(function (u) { u.lead.concat(u.support).forEach(function (x) { used[x[0]] = true; }); });
    var cols = Object.keys(used).map(Number).sort(function (a, b) { return a - b; });
    var head = "<tr><th>" + label("unit") + '</th><th class="num">' + label("lead") + '</th><th class="num">' + label("support") + '</th><th class="num">' + label("total") + "</th>" +
      cols.map(function (i) { return '<th class="doccol" title="' + esc(docTitle(DOCS[i])) + '">' + (i + 1) + " " + esc(clip(docTitle(DOCS[i]), 16)) + "</th>"; }).join("") + "</tr>";
    var colLead = {}, colSupport = {};
    var body = DATA.matrix.map(function (u, k) {
      var cells = {};
      u.lead.forEach(function (x) { (cells[x[0]] = cells[x[0]] || [0, 0])[0]++; colLead[x[0]] = (colLead[x[0]] || 0) + 1; });
      u.support.forEach(function (x) { (cells[x[0]] = cells[x[0]] || [0, 0])[1]++; colSupport[x[0]] = (colSupport[x[0]] || 0) + 1; });
      return '<tr data-u="' + k + '"><td class="unit">' + esc(u.unit) + '</td><td class="num l-count">' + u.lead.length + '</td><td class="num s-count">' + u.support.length +
        '</td><td class="num">' + (u.lead.length + u.support.length) + "</td>" + cols.map(function (i) {
          var c = cells[i];
          return c ? '<td class="cell" data-d="' + i + '"><span class="l-count">' + c[0] + '</span>·<span class="s-count">' + c[1] + "</span></td>" : "<td></td>";
        }).join("") + "</tr>";
    }).join("");
    var t = DATA.totals;
    var foot = '<tr id="matrix-totals"><td>' + label("total") + " (" + DATA.matrix.length + ')</td><td class="num" id="total-lead">' + t.lead + '</td><td class="num" id="total-support">' + t.support +
      '</td><td class="num" id="total-all">' + (t.lead + t.support) + "</td>" + cols.map(function (i) {
        return '<td class="num"><span class="l-count">' + (colLead[i] || 0) + '</span>·<span class="s-count">' + (colSupport[i] || 0) + "</span></td>";
      }).join("") + "</tr>";
    view.innerHTML = '<div class="toolbar"><input type="search" id="unit-filter" placeholder="筛选责任单位 Filter units"><span>' +
      '单元格：<span class="l-count">牵头</span>·<span class="s-count">配合</span> <span class="en">cell: lead·support; click for the provisions</span></span></div>' +
      (DATA.matrix.length ? '<div class="tablewrap"><table class="grid" id="matrix-table"><thead>' + head + "</thead><tbody>" + body + "</tbody><tfoot>" + foot + "</tfoot></table></div>"
        : '<p>没有责任条款 <span class="en">no responsibility clauses found</span></p>');
    var table = byId("matrix-table");
    if (!table) return;
    byId("unit-filter").addEventListener("input", function (e) {
      var needle = e.target.value.trim();
      table.querySelectorAll("tbody tr").forEach(function (tr) {
        tr.hidden = needle && DATA.matrix[+tr.dataset.u].unit.indexOf(needle) < 0;
      });
    });
    table.querySelector("tbody").addEventListener("click", function (e) {
      var td = e.target.closest("td.cell, td.unit");
      if (!td) return;
      var u = DATA.matrix[+td.parentNode.dataset.u];
      var only = td.classList.contains("cell") ? +td.dataset.d : null;
      showUnit(u, only);
    });
  }

  function showUnit(u, only) {
    function list(role, pairs) {
      pairs = pairs.filter(function (x) { return only === null || x[0] === only; });
      if (!pairs.length) return "";
      return "<h3>" + label(role) + " (" + pairs.length + ")</h3><ul>" + pairs.map(function (x) {
        var d = DOCS[x[0]], i = indexOfProvision(d, x[1]), p = d.provisions[i];
        return '<li><a href="' + docLink(x[0], x[1]) + '">' + esc(clip(docTitle(d), 30)) + " · " + esc(x[1]) + " " + esc(p ? p.label + clip(p.snippet, 30) : "") + "</a></li>";
      }).join("") + "</ul>";
    }
    popup.innerHTML = '<button class="close" type="button">✕</button><h2>' + esc(u.unit) + "</h2>" + list("lead", u.lead) + list("support", u.support);
    popup.hidden = false;
    popup.querySelector(".close").onclick = function () { popup.hidden = true; };
  }

  /* ---- deadlines ---------------------------------------------------------------------- */
  function showDeadlines() {
    current = null;
    var dated = [], undated = [];
    DOCS.forEach(function (d, i) {
      d.provisions.forEach(function (p) {
        if (!p.deadline) return;
        var item = { d: i, p: p, date: p.deadline.date };
        (item.date ? dated : undated).push(item);
      });
    });
    dated.sort(function (a, b) { return a.date < b.date ? -1 : a.date > b.date ? 1 : a.d - b.d; });
    function item(x) {
      return '<li><a href="' + docLink(x.d, x.p.id) + '"><span class="chip deadline">' + esc(x.p.deadline.raw) + "</span> " + (x.date ? esc(x.date) + " · " : "") +
        esc(clip(docTitle(DOCS[x.d]), 30)) + " · " + esc(x.p.id) + " " + esc(clip(x.p.snippet, 40)) + "</a></li>";
    }
    var groups = {}, order = [];
    dated.forEach(function (x) {
      var key = x.date.slice(0, 7);
      if (!groups[key]) { groups[key] = []; order.push(key); }
      groups[key].push(x);
    });
    var bins = "";
    if (order.length) {
      var y = +order[0].slice(0, 4), m = +order[0].slice(5, 7), endY = +order[order.length - 1].slice(0, 4), endM = +order[order.length - 1].slice(5, 7);
      var byYear = (endY - y) * 12 + endM - m > 60; // more than five years: one bin a year
      var counts = {}, max = 1, keys = [];
      order.forEach(function (k) { var b = byYear ? k.slice(0, 4) : k; counts[b] = (counts[b] || 0) + groups[k].length; max = Math.max(max, counts[b]); });
      for (; y < endY || (y === endY && (byYear || m <= endM)); byYear ? y++ : (m === 12 ? (y++, m = 1) : m++)) {
        keys.push(byYear ? String(y) : y + "-" + (m < 10 ? "0" : "") + m);
      }
      bins = '<div class="timeline" id="timeline">' + keys.map(function (k) {
        var c = counts[k] || 0;
        return '<div class="bin' + (c ? "" : " empty") + '" data-k="' + k + '" title="' + k + "：" + c + '"><div class="bar" style="height:' + (c / max) * 100 * 0.6 + '%"></div><div class="tick">' + k + "</div></div>";
      }).join("") + "</div>";
    }
    var list = order.map(function (k) {
      return '<div class="dl-group" id="dl-' + k + '"><h3>' + k.slice(0, 4) + "年" + (+k.slice(5, 7)) + "月 <span class=\"en\">" + k + "</span> (" + groups[k].length + ")</h3><ul>" + groups[k].map(item).join("") + "</ul></div>";
    }).join("");
    var kinds = {};
    undated.forEach(function (x) { (kinds[x.p.deadline.kind] = kinds[x.p.deadline.kind] || []).push(x); });
    var rest = Object.keys(kinds).map(function (k) {
      return '<div class="dl-group"><h3>' + esc(kindName(k)) + " (" + kinds[k].length + ")</h3><ul>" + kinds[k].map(item).join("") + "</ul></div>";
    }).join("");
    view.innerHTML = '<div class="card"><h2>' + label("timeline") + " " + dated.length + " + " + undated.length + '</h2><p class="en">dated deadlines by month (by year over five years); undated ones below</p>' + bins + "</div>" +
      '<div class="card">' + (list || "<p>没有有日期的时限 <span class=\"en\">no dated deadlines</span></p>") + "</div>" + (rest ? '<div class="card"><h2>无具体日期 <span class="en">without a date</span></h2>' + rest + "</div>" : "");
    var tl = byId("timeline");
    if (tl) tl.addEventListener("click", function (e) {
      var bin = e.target.closest(".bin");
      if (!bin) return;
      var target = document.querySelector('[id^="dl-' + bin.dataset.k + '"]');
      if (target) target.scrollIntoView({ block: "start" });
    });
  }

  /* ---- totals ---------------------------------------------------------------------------- */
  function showTotals() {
    current = null;
    var t = DATA.totals;
    var keys = ["documents", "parsed", "failed", "provisions", "clauses", "units", "lead", "support", "deadlines", "dated", "amounts", "warnings"];
    var rows = keys.map(function (k) { return '<tr data-key="' + k + '"><td>' + label(k) + '</td><td class="num">' + t[k] + "</td></tr>"; }).join("");
    var failed = DATA.failures.map(function (f) { return "<li><code>" + esc(f.path) + "</code>: " + esc(f.reason) + "</li>"; }).join("");
    view.innerHTML = '<div class="card"><h2>' + label("totals") + '</h2><table class="grid figures" id="totals">' + rows + "</table></div>" +
      (failed ? '<div class="card"><h2>' + label("failed") + '</h2><ul id="failures">' + failed + "</ul></div>" : "");
  }

  byId("report-title").textContent = DATA.title;
  window.addEventListener("hashchange", route);
  route();
  if (window.performance && performance.mark) performance.mark("report-drawn"); // for timing it
})();

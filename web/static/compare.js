/* Sammenlign: send two letters to the API and draw the side-by-side view and the tables. */
"use strict";

(function () {
  var t = LL.t, el = LL.el, clear = LL.clear;
  var SCORE_LABELS = LL.data.scores;
  var VERDICTS = LL.data.verdicts;

  var form = document.getElementById("compare-form");
  var formError = document.getElementById("form-error");
  var statusNode = document.getElementById("status");
  var result = document.getElementById("result");
  var resultTitle = document.getElementById("result-title");
  var submitButton = document.getElementById("compare-button");
  var sides = ["before", "after"].map(function (name) {
    var area = document.getElementById(name);
    var file = document.getElementById(name + "_file");
    LL.wireFileInput(file, document.getElementById(name + "_file-status"), area);
    return { name: name, area: area, file: file };
  });

  function fmtScore(name, v) {
    if (v === null || v === undefined) return "–";
    if (typeof v === "boolean") return v ? t("yes") : t("no");
    if (name === "passive_share") return Math.round(v * 100) + " %";
    return LL.fmtNumber(v, 1);
  }

  function fmtChange(name, v) {
    if (v === null || v === undefined || typeof v !== "number") return v === true || v === false ? fmtScore(name, v) : "–";
    if (v === 0) return "0";
    var s = name === "passive_share" ? Math.round(Math.abs(v) * 100) + " %-point" : LL.fmtNumber(Math.abs(v), 1);
    return (v > 0 ? "+" : "−") + s;
  }

  /* verdict: "bedre" / "værre" / "uændret" (or better/worse/same); null means no verdict. */
  function verdictCell(verdict) {
    if (verdict === null || verdict === undefined || verdict === "") return el("td", {}, "");
    var cls = verdict === "bedre" || verdict === "better" ? "better"
            : verdict === "værre" || verdict === "worse" ? "worse" : "same";
    return el("td", {}, el("span", { class: "verdict " + cls }, VERDICTS[verdict] || String(verdict)));
  }

  function scoreVerdict(row) {
    if (row.better === true) return "better";
    if (row.better === false) return "worse";
    return row.change === 0 || row.before === row.after ? "same" : null;
  }

  function table(head, rows) {
    return el("table", {}, [
      el("thead", {}, el("tr", {}, head.map(function (h, i) { return el("th", { scope: "col", class: i && i < 4 ? "num" : null }, h); }))),
      el("tbody", {}, rows)
    ]);
  }

  function renderSummary(cmp) {
    var node = clear(document.getElementById("summary"));
    var o = cmp.overall || {};
    var d = typeof o.change === "number" ? o.change : null;
    node.appendChild(el("p", { class: "overall-change" }, [
      t("overall_change") + ": ", el("strong", { id: "overall-before" }, fmtScore("overall", o.before)), " → ",
      el("strong", { id: "overall-after" }, fmtScore("overall", o.after)),
      d ? el("span", { class: "delta " + (d > 0 ? "up" : "down") }, (d > 0 ? "+" : "−") + Math.abs(d)) : null
    ]));
    var rt = cmp.reading_time || {};
    if (rt.before || rt.after) {
      node.appendChild(el("p", { class: "reading-time", id: "reading-time" },
                          t("reading_time", { time: (rt.before || "–") + " → " + (rt.after || "–") })));
    }
    renderFacts(node, cmp);
  }

  /* The facts check (letterlab/facts.py) and the letter guard, next to the score change. Texts come from the server. */
  function renderFacts(node, cmp) {
    var fx = cmp.facts;
    if (!fx) return;
    var items = [];
    (fx.missing || []).forEach(function (m) { items.push(el("li", {}, "Mangler: " + m.title + ": " + m.value)); });
    (fx.changed || []).forEach(function (c) { items.push(el("li", {}, "Ændret: " + c.title + ": " + c.before + " → " + c.after)); });
    node.appendChild(el("div", { id: "facts-check", class: "facts-check" }, [
      el("h3", {}, "Fakta"),
      fx.legal_warning ? el("p", { class: "facts-warning", role: "alert" }, el("strong", {}, fx.legal_warning)) : null,
      fx.message ? el("p", {}, fx.message) : null,
      items.length ? el("ul", {}, items) : null
    ].concat((cmp.guard || []).map(function (g) { return el("p", { class: "facts-warning" }, g.message); }))));
  }

  function renderScores(cmp) {
    var node = clear(document.getElementById("score-rows"));
    var scores = cmp.scores || {};
    var rows = [];
    Object.keys(SCORE_LABELS).forEach(function (n) {
      var r = n === "message_first" ? cmp.message_first : scores[n];
      if (n === "overall" || !r) return;
      rows.push(el("tr", {}, [el("th", { scope: "row" }, SCORE_LABELS[n]),
        el("td", { class: "num" }, fmtScore(n, r.before)), el("td", { class: "num" }, fmtScore(n, r.after)),
        el("td", { class: "num" }, n === "message_first" ? "" : fmtChange(n, r.change)),
        verdictCell(scoreVerdict(r))]));
    });
    node.appendChild(table([t("score_col"), t("before"), t("after"), t("change"), t("verdict")], rows));
  }

  function renderRows(id, rows, firstHead) {
    var node = clear(document.getElementById(id));
    if (!rows || !rows.length) { node.appendChild(el("p", { class: "hint" }, t("no_changes"))); return; }
    node.appendChild(table([firstHead, t("before"), t("after"), t("change"), t("verdict")], rows.map(function (r) {
      return el("tr", {}, [el("th", { scope: "row" }, r.title || r.category || r.rule),
        el("td", { class: "num" }, LL.fmtNumber(r.before)), el("td", { class: "num" }, LL.fmtNumber(r.after)),
        el("td", { class: "num" }, fmtChange("", r.change)), verdictCell(r.verdict)]);
    })));
  }

  function renderDiff(res) {
    var before = clear(document.getElementById("diff-before"));
    var after = clear(document.getElementById("diff-after"));
    var bt = res.before.text, at = res.after.text;
    res.diff.forEach(function (op) {
      var b = bt.slice(op.before[0], op.before[1]);
      var a = at.slice(op.after[0], op.after[1]);
      if (op.op === "equal") {
        before.appendChild(document.createTextNode(b));
        after.appendChild(document.createTextNode(a));
        return;
      }
      if (b) before.appendChild(el("del", { class: "diff-del" }, [el("span", { class: "visually-hidden" }, t("removed") + ": "), b]));
      if (a) after.appendChild(el("ins", { class: "diff-ins" }, [el("span", { class: "visually-hidden" }, t("added") + ": "), a]));
    });
  }

  function render(res) {
    var cmp = res.comparison || {};
    renderSummary(cmp);
    renderScores(cmp);
    renderDiff(res);
    renderRows("category-rows", cmp.categories, t("category_col"));
    renderRows("rule-rows", cmp.rules, t("rule_col"));
    result.hidden = false;
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var problem = null;
    sides.forEach(function (s) {
      var p = LL.checkInput(s.area.value, s.file.files && s.file.files[0]);
      if (p && !problem) problem = t(s.name + "_version") + ": " + p;
    });
    LL.showError(formError, problem);
    if (problem) return;
    var anyFile = sides.some(function (s) { return s.file.files && s.file.files[0]; });
    var body;
    if (anyFile) {
      body = new FormData();
      sides.forEach(function (s) {
        var f = s.file.files && s.file.files[0];
        if (f) body.append(s.name + "_file", f); else body.append(s.name, s.area.value);
      });
    } else {
      body = { before: sides[0].area.value, after: sides[1].area.value };
    }
    LL.busy(submitButton, true);
    LL.status(statusNode, t("comparing"), true);
    LL.api("/api/compare", body).then(function (res) {
      render(res);
      LL.status(statusNode, t("compared"));
      resultTitle.focus();
      resultTitle.scrollIntoView({ block: "start" });
    }, function (err) {
      LL.status(statusNode, "");
      LL.showError(formError, err.message);
    }).then(function () { LL.busy(submitButton, false); });
  });

  var initial = document.getElementById("initial-result");
  if (initial) render(JSON.parse(initial.textContent));
})();

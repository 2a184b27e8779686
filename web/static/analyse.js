/* Analysér: draw the letter with highlights, the scores and the findings; apply suggestions.
 * Every analysis comes from the JSON API; this file only draws. */
"use strict";

(function () {
  var t = LL.t, el = LL.el, clear = LL.clear;
  var CATS = LL.data.categories;
  var SEV = LL.data.severities;
  var SENTENCE_SPAN = 40;  // findings longer than this are drawn as a band, not an underline

  var form = document.getElementById("analyse-form");
  var textarea = document.getElementById("text");
  var fileInput = document.getElementById("file");
  var formError = document.getElementById("form-error");
  var statusNode = document.getElementById("status");
  var result = document.getElementById("result");
  var resultTitle = document.getElementById("result-title");
  var letter = document.getElementById("letter");
  var scores = document.getElementById("scores");
  var findingsNode = document.getElementById("findings");
  var detail = document.getElementById("detail");
  var notices = document.getElementById("notices");
  var toolbar = document.getElementById("toolbar");
  var applySafeButton = document.getElementById("apply-safe");
  var undoButton = document.getElementById("undo");
  var editButton = document.getElementById("edit");
  var copyButton = document.getElementById("copy");
  var downloadForm = document.getElementById("download-form");
  var submitButton = document.getElementById("analyse-button");
  var updateFile = LL.wireFileInput(fileInput, document.getElementById("file-status"), textarea);

  var state = { report: null, text: "", source: null, history: [], clusters: [], byFinding: {}, active: null, opener: null };

  function options() {
    return { genre: document.getElementById("genre").value, profile: document.getElementById("profile").value };
  }

  function catLabel(cat) { return CATS[cat] || { title: cat, mark: "•" }; }

  function shorten(s, n) {
    s = s.replace(/\s+/g, " ").trim();
    return s.length > n ? s.slice(0, n - 1) + "…" : s;
  }

  function paragraphs(text) {
    return (text || "").split(/\n\s*\n/).map(function (p) { return p.replace(/\s+/g, " ").trim(); })
      .filter(Boolean);
  }

  /* ---------- clusters: which findings are drawn where ---------- */

  function buildClusters(report) {
    var text = report.text;
    var words = [], sents = [], wide = [];
    report.findings.forEach(function (f, i) {
      var span = { start: f.start, end: f.end, ids: [i] };
      if (f.end <= f.start || text.slice(f.start, f.end).indexOf("\n") >= 0) wide.push(span);
      else if (f.category === "sentence_length" || f.end - f.start > SENTENCE_SPAN) sents.push(span);
      else words.push(span);
    });
    words = merge(words);
    sents = merge(sents);
    // A band must hold whole underlines, so widen it over any underline it cuts.
    var changed = true;
    while (changed) {
      changed = false;
      sents.forEach(function (s) {
        words.forEach(function (w) {
          if (w.start < s.end && w.end > s.start && (w.start < s.start || w.end > s.end)) {
            s.start = Math.min(s.start, w.start);
            s.end = Math.max(s.end, w.end);
            changed = true;
          }
        });
      });
      var merged = merge(sents);
      if (merged.length !== sents.length) changed = true;
      sents = merged;
    }
    var clusters = [];
    function add(kind, list) {
      list.forEach(function (c) { c.kind = kind; c.id = clusters.length; clusters.push(c); });
    }
    add("word", words);
    add("sent", sents);
    add("wide", wide.map(function (w) { return { start: w.start, end: w.end, ids: w.ids }; }));
    return clusters;
  }

  function merge(spans) {
    spans.sort(function (a, b) { return a.start - b.start || b.end - a.end; });
    var out = [];
    spans.forEach(function (s) {
      var last = out[out.length - 1];
      if (last && s.start < last.end) {
        last.end = Math.max(last.end, s.end);
        last.ids = last.ids.concat(s.ids);
      } else {
        out.push({ start: s.start, end: s.end, ids: s.ids.slice() });
      }
    });
    return out;
  }

  function mainCategory(ids) {
    var rank = { error: 2, warning: 1, info: 0 };
    var best = ids[0];
    ids.forEach(function (i) {
      if ((rank[state.report.findings[i].severity] || 0) > (rank[state.report.findings[best].severity] || 0)) best = i;
    });
    return state.report.findings[best].category;
  }

  function clusterTitles(c) {
    var seen = [];
    c.ids.forEach(function (i) {
      var title = catLabel(state.report.findings[i].category).title;
      if (seen.indexOf(title) < 0) seen.push(title);
    });
    return seen.join(", ");
  }

  /* ---------- the letter ---------- */

  function renderLetter() {
    var text = state.text;
    clear(letter);
    var words = state.clusters.filter(function (c) { return c.kind === "word"; });
    var sents = state.clusters.filter(function (c) { return c.kind === "sent"; });
    var wi = 0;

    function plain(parent, from, to) {
      var pos = from;
      while (wi < words.length && words[wi].start < to) {
        var w = words[wi];
        if (w.start > pos) parent.appendChild(document.createTextNode(text.slice(pos, w.start)));
        parent.appendChild(wordMark(w));
        pos = w.end;
        wi++;
      }
      if (pos < to) parent.appendChild(document.createTextNode(text.slice(pos, to)));
    }

    var pos = 0;
    sents.forEach(function (s) {
      plain(letter, pos, s.start);
      var cat = mainCategory(s.ids);
      var band = el("span", { class: "sent cat-" + cat, "data-cluster": s.id, title: state.report.findings[s.ids[0]].message,
        onclick: function (e) { if (e.target === band) openCluster(s.id, band); } });
      plain(band, s.start, s.end);
      var chipText = cat === "sentence_length" ? t("long_sentence") : catLabel(cat).title;
      band.appendChild(el("button", { type: "button", class: "sent-chip", "aria-expanded": "false", "aria-controls": "detail",
        "aria-label": t("long_sentence_label", { title: clusterTitles(s) }),
        onclick: function (e) { e.stopPropagation(); openCluster(s.id, e.currentTarget); } }, chipText));
      s.el = band;
      letter.appendChild(band);
      pos = s.end;
    });
    plain(letter, pos, text.length);
  }

  function wordMark(w) {
    var cat = mainCategory(w.ids);
    var cats = [];
    w.ids.forEach(function (i) { var c = state.report.findings[i].category; if (cats.indexOf(c) < 0) cats.push(c); });
    var mark = el("mark", {
      class: "hl cat-" + cat + (w.ids.length > 1 ? " multi" : ""), "data-mark": catLabel(cat).mark,
      "data-cluster": w.id, tabindex: "0", role: "button", "aria-expanded": "false", "aria-controls": "detail",
      "aria-label": t("mark_label", { categories: clusterTitles(w), text: state.text.slice(w.start, w.end) }),
      title: state.report.findings[w.ids[0]].message,
      onclick: function (e) { e.stopPropagation(); openCluster(w.id, mark); },
      onkeydown: function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); openCluster(w.id, mark); }
      }
    }, state.text.slice(w.start, w.end));
    w.el = mark;
    return mark;
  }

  /* ---------- scores ---------- */

  function scoreBox(label, value, extra, cls) {
    return el("div", { class: "score" + (cls ? " " + cls : "") }, [el("dt", {}, label), el("dd", {}, [value].concat(extra || []))]);
  }

  function renderScores(prev) {
    var s = state.report.scores || {};
    clear(scores);
    var overall = s.overall;
    var delta = null;
    if (prev && prev.overall !== null && prev.overall !== undefined && overall !== null && overall !== prev.overall) {
      var d = overall - prev.overall;
      delta = el("span", { class: "delta " + (d > 0 ? "up" : "down") }, (d > 0 ? "+" : "−") + Math.abs(d));
    }
    var meter = el("span", { class: "meter", "aria-hidden": "true" }, el("span"));
    meter.firstChild.style.width = Math.max(0, Math.min(100, overall || 0)) + "%";
    var list = el("dl", { class: "score-list" }, [
      el("div", { class: "score score-overall" }, [
        el("dt", {}, [t("overall"), meter]),
        el("dd", {}, [el("span", { class: "big", id: "score-overall" }, LL.fmtNumber(overall)), " ",
                      el("span", { class: "unit" }, t("of_100")), delta])
      ]),
      scoreBox(t("lix"), [el("span", { id: "score-lix" }, LL.fmtNumber(s.lix)),
                          s.lix_band ? el("span", { class: "band" }, " (" + s.lix_band + ")") : null],
               s.lix_target ? el("span", { class: "sub" }, t("lix_target", { target: LL.fmtNumber(s.lix_target) })) : null),
      scoreBox(t("passive"), s.passive_share === null || s.passive_share === undefined ? "–"
               : t("passive_share", { pct: Math.round(s.passive_share * 100) })),
      scoreBox(t("jargon"), t("jargon_count", { n: LL.fmtNumber(s.jargon_count) })),
      scoreBox(t("message_first"), s.message_first === true ? t("yes") : s.message_first === false ? t("no") : t("unknown"))
    ]);
    scores.appendChild(list);
    if (s.words) {
      scores.appendChild(el("p", { class: "hint" }, t("words", { words: LL.fmtNumber(s.words), sentences: LL.fmtNumber(s.sentences) })));
    }
    if (s.reading_time) {
      scores.appendChild(el("p", { class: "hint", id: "reading-time" }, t("reading_time", { time: s.reading_time })));
    }
  }

  /* ---------- findings list ---------- */

  function renderFindings() {
    clear(findingsNode);
    var report = state.report;
    if (!report.findings.length) {
      findingsNode.appendChild(el("p", {}, t("no_findings")));
      return;
    }
    Object.keys(CATS).concat(Object.keys(groupedExtra(report))).forEach(function (cat) {
      var ids = [];
      report.findings.forEach(function (f, i) { if (f.category === cat) ids.push(i); });
      if (!ids.length) return;
      var label = catLabel(cat);
      var list = el("ul", { class: "finding-list" });
      ids.forEach(function (i) {
        var f = report.findings[i];
        var c = state.clusters[state.byFinding[i]];
        var quote = c.kind === "wide" ? t("whole_letter") : "»" + shorten(f.text || report.text.slice(f.start, f.end), 70) + "«";
        list.appendChild(el("li", {}, el("button", {
          type: "button", class: "finding-button cat-" + cat, "data-finding": i, "aria-expanded": "false", "aria-controls": "detail",
          onclick: function (e) { openCluster(c.id, e.currentTarget, { scroll: true }); }
        }, [el("span", { class: "quote" }, [el("span", { class: "sev sev-" + f.severity }, SEV[f.severity] || f.severity), quote]),
            el("span", { class: "msg" }, f.message)])));
      });
      findingsNode.appendChild(el("section", { class: "finding-group cat-" + cat }, [
        el("h3", {}, [el("span", { class: "badge-mark cat-" + cat, "aria-hidden": "true" }, label.mark), label.title,
                      el("span", { class: "count" }, "(" + (ids.length === 1 ? t("count_one") : t("count_many", { n: ids.length })) + ")")]),
        list
      ]));
    });
  }

  function groupedExtra(report) {
    var extra = {};
    report.findings.forEach(function (f) { if (!CATS[f.category]) extra[f.category] = true; });
    return extra;
  }

  /* ---------- the detail panel ---------- */

  function openCluster(id, opener, opts) {
    var c = state.clusters[id];
    if (!c) return;
    document.querySelectorAll(".hl.active, .sent.active").forEach(function (n) { n.classList.remove("active"); });
    document.querySelectorAll('[aria-controls="detail"][aria-expanded="true"]').forEach(function (n) {
      n.setAttribute("aria-expanded", "false");
    });
    if (c.el) {
      c.el.classList.add("active");
      var ctl = c.kind === "sent" ? c.el.querySelector(".sent-chip") : c.el;
      if (ctl) ctl.setAttribute("aria-expanded", "true");
      if (opts && opts.scroll) c.el.scrollIntoView({ block: "center", behavior: "smooth" });
    }
    c.ids.forEach(function (i) {
      var b = findingsNode.querySelector('[data-finding="' + i + '"]');
      if (b) b.setAttribute("aria-expanded", "true");
    });
    state.active = id;
    state.opener = opener || null;
    renderDetail(c);
    detail.hidden = false;
    detail.focus({ preventScroll: true });
    detail.scrollIntoView({ block: "nearest" });
  }

  function closeDetail() {
    detail.hidden = true;
    document.querySelectorAll(".hl.active, .sent.active").forEach(function (n) { n.classList.remove("active"); });
    document.querySelectorAll('[aria-controls="detail"][aria-expanded="true"]').forEach(function (n) {
      n.setAttribute("aria-expanded", "false");
    });
    state.active = null;
    if (state.opener && document.body.contains(state.opener)) state.opener.focus();
  }

  function renderDetail(c) {
    var report = state.report;
    var cat = mainCategory(c.ids);
    detail.className = "card detail-card cat-" + cat;
    clear(detail);
    var title = c.ids.length === 1 ? catLabel(cat).title : clusterTitles(c);
    detail.appendChild(el("div", { class: "detail-head" }, [
      el("h2", { id: "detail-title", class: "card-title" }, title),
      el("button", { type: "button", class: "button small", id: "detail-close", onclick: closeDetail }, t("close"))
    ]));
    c.ids.forEach(function (i) { detail.appendChild(findingDetail(report.findings[i], i, c)); });
  }

  function findingDetail(f, i, c) {
    var item = el("article", { class: "detail-item cat-" + f.category, "data-finding": i });
    item.appendChild(el("p", {}, [el("span", { class: "sev sev-" + f.severity }, SEV[f.severity] || f.severity),
                                   el("strong", {}, catLabel(f.category).title)]));
    item.appendChild(el("p", { class: "message" }, f.message));
    item.appendChild(el("blockquote", {}, c.kind === "wide" ? t("whole_letter") : shorten(state.text.slice(f.start, f.end), 280)));
    item.appendChild(el("h3", { class: "h4" }, t("suggestions")));
    if (f.suggestions && f.suggestions.length) {
      var list = el("ul", { class: "suggestion-list" });
      f.suggestions.forEach(function (s) { list.appendChild(suggestionItem(s)); });
      item.appendChild(list);
    } else {
      item.appendChild(el("p", { class: "hint" }, t("no_suggestion")));
    }
    var paras = paragraphs(f.explanation);
    if (paras.length) {
      item.appendChild(el("h3", { class: "h4" }, t("why")));
      paras.forEach(function (p) { item.appendChild(el("p", {}, p)); });
    }
    return item;
  }

  function suggestionItem(s) {
    var old = state.text.slice(s.start, s.end);
    var change = s.replacement
      ? [old ? el("del", {}, shorten(old, 160)) : null, old ? " → " : null, el("ins", {}, s.replacement)]
      : [el("del", {}, shorten(old, 160)), " ", el("span", { class: "hint" }, "(" + t("delete_text") + ")")];
    return el("li", { class: "suggestion" }, [
      el("div", { class: "change" }, change),
      s.note ? el("p", { class: "note" }, s.note) : null,
      el("div", { class: "row" }, [
        el("span", { class: "tag " + (s.safe ? "safe" : "unsafe") }, s.safe ? t("safe") : t("unsafe")),
        el("button", { type: "button", class: "button small primary apply-one",
                       "aria-label": t("apply_label", { text: s.replacement || t("delete_text") }),
                       onclick: function (e) { applySuggestions({ suggestions: [s] }, "one", e.currentTarget); } }, t("apply"))
      ])
    ]);
  }

  /* ---------- drawing a report ---------- */

  function render(report, prev) {
    state.report = report;
    state.text = report.text;
    state.clusters = buildClusters(report);
    state.byFinding = {};
    state.clusters.forEach(function (c) { c.ids.forEach(function (i) { state.byFinding[i] = c.id; }); });
    state.active = null;
    var sourceNode = document.getElementById("letter-source");
    sourceNode.textContent = state.source ? t("from_file", { name: state.source }) : "";
    sourceNode.hidden = !state.source;
    clear(notices);
    (report.notices || []).forEach(function (n) {
      notices.appendChild(el("p", { class: "alert alert-info" }, [el("strong", {}, t("notice") + ": "), n.message]));
    });
    renderLetter();
    renderScores(prev ? prev.scores : null);
    renderFindings();
    detail.hidden = true;
    clear(detail);
    var safe = safeCount(report);
    applySafeButton.textContent = t("apply_all_safe", { n: safe });
    applySafeButton.disabled = safe === 0;
    undoButton.disabled = state.history.length === 0;
    toolbar.hidden = false;
    result.hidden = false;
  }

  /* Safe suggestions, each counted once (two rules may offer the same change). */
  function safeCount(report) {
    var seen = {};
    report.findings.forEach(function (f) {
      (f.suggestions || []).forEach(function (s) { if (s.safe) seen[s.start + ":" + s.end + ":" + s.replacement] = true; });
    });
    return Object.keys(seen).length;
  }

  /* ---------- actions ---------- */

  function analyse(e) {
    e.preventDefault();
    var file = fileInput.files && fileInput.files[0];
    var problem = LL.checkInput(textarea.value, file);
    LL.showError(formError, problem);
    if (problem) return;
    var body;
    if (file) {
      body = new FormData();
      body.append("file", file);
      var o = options();
      body.append("genre", o.genre);
      body.append("profile", o.profile);
    } else {
      body = Object.assign({ text: textarea.value }, options());
    }
    LL.busy(submitButton, true);
    LL.status(statusNode, t("analysing"), true);
    LL.api("/api/analyse", body).then(function (report) {
      state.history = [];
      state.source = report.source || null;
      render(report, null);
      LL.status(statusNode, t("analysed"));
      resultTitle.focus();
      resultTitle.scrollIntoView({ block: "start" });
    }, function (err) {
      LL.status(statusNode, "");
      LL.showError(formError, err.message);
    }).then(function () { LL.busy(submitButton, false); });
  }

  function applySuggestions(payload, kind, button) {
    var before = state.report.scores.overall;
    var old = state.report;
    if (button) LL.busy(button, true);
    LL.busy(applySafeButton, true);
    LL.status(statusNode, t("applying"), true);
    LL.api("/api/rewrite", Object.assign({ text: state.text }, payload, options())).then(function (res) {
      state.history.push(old);
      render(res.report, old);
      var msg = kind === "safe" ? t("applied_safe", { n: res.applied, before: LL.fmtNumber(before), after: LL.fmtNumber(res.report.scores.overall) })
                                : t("applied_one", { before: LL.fmtNumber(before), after: LL.fmtNumber(res.report.scores.overall) });
      LL.status(statusNode, msg);
      resultTitle.focus({ preventScroll: true });
    }, function (err) {
      LL.status(statusNode, err.message);
      if (button) LL.busy(button, false);
      applySafeButton.disabled = safeCount(state.report) === 0;
      applySafeButton.removeAttribute("aria-busy");
    });
  }

  function applySafe() {
    if (!safeCount(state.report)) { LL.status(statusNode, t("no_safe")); return; }
    applySuggestions({ apply: "safe" }, "safe", null);
  }

  function undo() {
    var prev = state.history.pop();
    if (!prev) return;
    var now = state.report;
    render(prev, now);
    LL.status(statusNode, t("undone") + " " + t("score_went", { before: LL.fmtNumber(now.scores.overall), after: LL.fmtNumber(prev.scores.overall) }));
  }

  function edit() {
    state.source = null;
    fileInput.value = "";
    updateFile();
    textarea.value = state.text;
    textarea.focus();
    textarea.scrollIntoView({ block: "center" });
  }

  function copy() {
    var text = state.text;
    function fallback() {
      var area = el("textarea", { class: "visually-hidden", "aria-hidden": "true" });
      area.value = text;
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (err) { ok = false; }
      document.body.removeChild(area);
      copyButton.focus();
      LL.status(statusNode, ok ? t("copied") : t("copy_failed"));
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { LL.status(statusNode, t("copied")); }, fallback);
    } else {
      fallback();
    }
  }

  form.addEventListener("submit", analyse);
  applySafeButton.addEventListener("click", applySafe);
  undoButton.addEventListener("click", undo);
  editButton.addEventListener("click", edit);
  copyButton.addEventListener("click", copy);
  downloadForm.addEventListener("submit", function () {
    document.getElementById("download-text").value = state.text;
    document.getElementById("download-name").value = state.source || "";
  });
  detail.addEventListener("keydown", function (e) { if (e.key === "Escape") closeDetail(); });

  var initial = document.getElementById("initial-report");
  if (initial) {
    var report = JSON.parse(initial.textContent);
    state.source = report.source || null;
    render(report, null);
  }
})();

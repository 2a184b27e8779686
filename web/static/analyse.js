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

  var detailAnchor = document.getElementById("letter-col");
  var hiddenNode = document.getElementById("hidden-findings");
  var changedHint = document.getElementById("changed-hint");
  var coverageNode = document.getElementById("coverage");
  var SEV_RANK = { error: 0, warning: 1, info: 2 };

  /* full: the server's report; report: the same without what the user hid (kept in this tab only). */
  var state = { full: null, report: null, text: "", source: null, history: [], changes: [], clusters: [], byFinding: {},
                active: null, opener: null, ignored: {}, off: {} };

  function findingKey(f) { return f.rule + "\u0000" + (f.text || ""); }
  function isShown(f) { return !state.off[f.rule] && !state.ignored[findingKey(f)]; }
  function sevRank(f) { return SEV_RANK[f.severity] === undefined ? 3 : SEV_RANK[f.severity]; }

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
    var best = ids[0];
    ids.forEach(function (i) {
      if (sevRank(state.report.findings[i]) < sevRank(state.report.findings[best])) best = i;
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

  /* text[from:to] as text nodes, with the parts a fix changed wrapped in span.changed */
  function textInto(parent, from, to) {
    var pos = from;
    state.changes.forEach(function (c) {
      var s = Math.max(c[0], pos), e = Math.min(c[1], to);
      if (e <= s) return;
      if (s > pos) parent.appendChild(document.createTextNode(state.text.slice(pos, s)));
      parent.appendChild(el("span", { class: "changed" }, state.text.slice(s, e)));
      pos = e;
    });
    if (pos < to) parent.appendChild(document.createTextNode(state.text.slice(pos, to)));
  }

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
        if (w.start > pos) textInto(parent, pos, w.start);
        parent.appendChild(wordMark(w));
        pos = w.end;
        wi++;
      }
      if (pos < to) textInto(parent, pos, to);
    }

    var pos = 0;
    sents.forEach(function (s) {
      plain(letter, pos, s.start);
      var cat = mainCategory(s.ids);
      var band = el("span", { class: "sent cat-" + cat, "data-cluster": s.id, title: LL.quotes(state.report.findings[s.ids[0]].message),
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
      "data-count": w.ids.length > 1 ? String(w.ids.length) : null,
      "data-cluster": w.id, tabindex: "0", role: "button", "aria-expanded": "false", "aria-controls": "detail",
      "aria-label": t(w.ids.length > 1 ? "mark_label_many" : "mark_label",
                      { categories: clusterTitles(w), text: state.text.slice(w.start, w.end), n: w.ids.length }),
      title: LL.quotes(state.report.findings[w.ids[0]].message),
      onclick: function (e) { e.stopPropagation(); openCluster(w.id, mark); },
      onkeydown: function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); openCluster(w.id, mark); }
      }
    });
    textInto(mark, w.start, w.end);
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
      scores.appendChild(el("p", { class: "hint" }, t("words", {
        words: LL.fmtNumber(s.words),
        sentences: s.sentences === 1 ? t("sentence_one") : t("sentence_many", { n: LL.fmtNumber(s.sentences) }) })));
    }
    if (s.reading_time) {
      scores.appendChild(el("p", { class: "hint", id: "reading-time" }, t("reading_time", { time: s.reading_time })));
    }
    var cov = state.full && state.full.coverage && state.full.coverage.description;
    coverageNode.textContent = cov || "";
    coverageNode.hidden = !cov;
  }

  /* ---------- findings list: groups with the worst finding first, each sorted worst first ---------- */

  function renderFindings() {
    clear(findingsNode);
    var report = state.report;
    if (!report.findings.length) {
      findingsNode.appendChild(el("p", {}, t("no_findings")));
      return;
    }
    var cats = Object.keys(CATS).concat(Object.keys(groupedExtra(report)));
    var groups = [];
    cats.forEach(function (cat, order) {
      var ids = [];
      report.findings.forEach(function (f, i) { if (f.category === cat) ids.push(i); });
      if (!ids.length) return;
      ids.sort(function (a, b) {
        var fa = report.findings[a], fb = report.findings[b];
        return sevRank(fa) - sevRank(fb) || fa.start - fb.start;
      });
      groups.push({ cat: cat, ids: ids, order: order, worst: sevRank(report.findings[ids[0]]) });
    });
    groups.sort(function (a, b) { return a.worst - b.worst || a.order - b.order; });
    groups.forEach(function (g) {
      var cat = g.cat;
      var label = catLabel(cat);
      var list = el("ul", { class: "finding-list" });
      g.ids.forEach(function (i) {
        var f = report.findings[i];
        var c = state.clusters[state.byFinding[i]];
        var quote = c.kind === "wide" ? t("whole_letter") : "»" + shorten(f.text || report.text.slice(f.start, f.end), 70) + "«";
        list.appendChild(el("li", {}, el("button", {
          type: "button", class: "finding-button cat-" + cat, "data-finding": i, "data-severity": f.severity,
          "aria-expanded": "false", "aria-controls": "detail",
          onclick: function (e) { openCluster(c.id, e.currentTarget, { scroll: true }); }
        }, [el("span", { class: "quote" }, [el("span", { class: "sev sev-" + f.severity }, SEV[f.severity] || f.severity), quote]),
            el("span", { class: "msg" }, LL.quotes(f.message))])));
      });
      findingsNode.appendChild(el("section", { class: "finding-group cat-" + cat }, [
        el("h3", {}, [el("span", { class: "badge-mark cat-" + cat, "aria-hidden": "true" }, label.mark), label.title,
                      el("span", { class: "count" }, "(" + (g.ids.length === 1 ? t("count_one") : t("count_many", { n: g.ids.length })) + ")")]),
        list
      ]));
    });
  }

  function groupedExtra(report) {
    var extra = {};
    report.findings.forEach(function (f) { if (!CATS[f.category]) extra[f.category] = true; });
    return extra;
  }

  /* ---------- what the user hid: listed so it can be undone ---------- */

  function renderHidden() {
    clear(hiddenNode);
    var items = [];
    Object.keys(state.off).forEach(function (rule) {
      items.push(el("li", {}, [t("rule_off_item", { title: state.off[rule] }), " ",
        el("button", { type: "button", class: "button small show-again", "data-rule": rule,
                       onclick: function () { delete state.off[rule]; refresh(t("shown_again")); } }, t("show_again"))]));
    });
    Object.keys(state.ignored).forEach(function (key) {
      var item = state.ignored[key];
      items.push(el("li", {}, [t("ignored_item", { title: item.title, text: shorten(item.text, 50) }), " ",
        el("button", { type: "button", class: "button small show-again",
                       onclick: function () { delete state.ignored[key]; refresh(t("shown_again")); } }, t("show_again"))]));
    });
    hiddenNode.hidden = !items.length;
    if (!items.length) return;
    hiddenNode.appendChild(el("h2", { class: "card-title", id: "hidden-title" }, t("hidden_title")));
    hiddenNode.appendChild(el("p", { class: "hint" }, t("hidden_hint")));
    hiddenNode.appendChild(el("ul", { class: "hidden-list" }, items));
  }

  /* ---------- the card at the word ---------- */

  function openCluster(id, opener, opts) {
    var c = state.clusters[id];
    if (!c) return;
    document.querySelectorAll(".hl.active, .sent.active").forEach(function (n) { n.classList.remove("active"); });
    document.querySelectorAll('[aria-controls="detail"][aria-expanded="true"]').forEach(function (n) {
      n.setAttribute("aria-expanded", "false");
    });
    var anchor = null;
    if (c.el) {
      c.el.classList.add("active");
      anchor = c.kind === "sent" ? c.el.querySelector(".sent-chip") : c.el;
      if (anchor) anchor.setAttribute("aria-expanded", "true");
    }
    c.ids.forEach(function (i) {
      var b = findingsNode.querySelector('[data-finding="' + i + '"]');
      if (b) b.setAttribute("aria-expanded", "true");
    });
    state.active = id;
    state.opener = opener || null;
    renderDetail(c);
    detail.hidden = false;
    placeCard(anchor || letter);
    detail.focus({ preventScroll: true });
    if (opts && opts.scroll) (anchor || letter).scrollIntoView({ block: "center" });
    detail.scrollIntoView({ block: "nearest" });
  }

  /* Put the card just below the word (inside the letter column), never wider than the column. */
  function placeCard(anchor) {
    var col = detailAnchor.getBoundingClientRect();
    var r = anchor.getBoundingClientRect();
    var width = Math.min(detail.offsetWidth || 380, col.width);
    var left = Math.max(0, Math.min(r.left - col.left, col.width - width));
    var top = anchor === letter ? r.top - col.top : r.bottom - col.top + 6;
    detail.style.left = left + "px";
    detail.style.top = top + "px";
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
    var ids = c.ids.slice().sort(function (a, b) { return sevRank(report.findings[a]) - sevRank(report.findings[b]); });
    var cat = mainCategory(ids);
    detail.className = "card detail-card cat-" + cat;
    clear(detail);
    var title = ids.length === 1 ? catLabel(cat).title : clusterTitles(c);
    detail.appendChild(el("div", { class: "detail-head" }, [
      el("h2", { id: "detail-title", class: "card-title" }, title),
      el("button", { type: "button", class: "button small", id: "detail-close", onclick: closeDetail }, t("close"))
    ]));
    if (c.kind === "wide") detail.appendChild(el("p", { class: "hint" }, t("whole_letter")));
    ids.forEach(function (i) { detail.appendChild(findingDetail(report.findings[i], i)); });
  }

  /* suggestion first ("Brug"), then "Ignorér" and "Slå reglen fra", then "Hvorfor?" folded away */
  function findingDetail(f, i) {
    var item = el("article", { class: "detail-item cat-" + f.category, "data-finding": i });
    item.appendChild(el("p", { class: "message" }, [el("span", { class: "sev sev-" + f.severity }, SEV[f.severity] || f.severity),
                                                    LL.quotes(f.message)]));
    if (f.suggestions && f.suggestions.length) {
      var list = el("ul", { class: "suggestion-list" });
      f.suggestions.forEach(function (s) { list.appendChild(suggestionItem(s)); });
      item.appendChild(list);
    } else {
      item.appendChild(el("p", { class: "hint" }, t("no_suggestion")));
    }
    var title = catLabel(f.category).title;
    item.appendChild(el("div", { class: "row card-actions" }, [
      el("button", { type: "button", class: "button small ignore", onclick: function () {
        state.ignored[findingKey(f)] = { title: title, text: f.text || state.text.slice(f.start, f.end) };
        refresh(t("ignored"));
      } }, t("ignore")),
      el("button", { type: "button", class: "button small switch-off", onclick: function () {
        state.off[f.rule] = title + " (" + f.rule + ")";
        refresh(t("rule_off"));
      } }, t("rule_off_button"))
    ]));
    var paras = paragraphs(f.explanation);
    if (paras.length) {
      item.appendChild(el("details", { class: "why" }, [el("summary", {}, t("why"))].concat(
        paras.map(function (p) { return el("p", {}, p); }))));
    }
    return item;
  }

  function suggestionItem(s) {
    var old = state.text.slice(s.start, s.end);
    var change;
    if (s.kind === "move") {
      // "Flyt budskabet op": show the sentence that moves, not the paragraph it replaces
      var moved = s.replacement.split(/\n\s*\n/)[0];
      change = [el("span", { class: "label" }, t("move_label")), " ", el("ins", {}, "»" + shorten(moved, 240) + "«")];
    } else if (s.kind === "heading") {
      change = [el("span", { class: "label" }, t("heading_label")), " ", el("ins", {}, "»" + s.replacement.trim() + "«")];
    } else if (s.replacement) {
      change = [old ? el("del", {}, shorten(old, 160)) : null, old ? " → " : null, el("ins", {}, s.replacement)];
    } else {
      change = [el("del", {}, shorten(old, 160)), " ", el("span", { class: "hint" }, "(" + t("delete_text") + ")")];
    }
    return el("li", { class: "suggestion" }, [
      el("div", { class: "change" }, change),
      el("div", { class: "row" }, [
        el("button", { type: "button", class: "button small primary apply-one",
                       "aria-label": t("apply_label", { text: shorten(s.replacement, 80) || t("delete_text") }),
                       onclick: function (e) { applySuggestions([s], "one", e.currentTarget); } }, t("apply")),
        el("span", { class: "tag " + (s.safe ? "safe" : "unsafe") }, s.safe ? t("safe") : t("unsafe"))
      ]),
      s.note ? el("p", { class: "note" }, s.note) : null
    ]);
  }

  /* ---------- drawing a report ---------- */

  function render(full, prev) {
    state.full = full;
    state.report = Object.assign({}, full, { findings: full.findings.filter(isShown) });
    state.text = full.text;
    state.clusters = buildClusters(state.report);
    state.byFinding = {};
    state.clusters.forEach(function (c) { c.ids.forEach(function (i) { state.byFinding[i] = c.id; }); });
    state.active = null;
    var sourceNode = document.getElementById("letter-source");
    sourceNode.textContent = state.source ? t("from_file", { name: state.source }) : "";
    sourceNode.hidden = !state.source;
    clear(notices);
    (full.notices || []).forEach(function (n) {
      notices.appendChild(el("p", { class: "alert alert-info" }, [el("strong", {}, t("notice") + ": "), n.message]));
    });
    renderLetter();
    renderScores(prev ? prev.scores : null);
    renderFindings();
    renderHidden();
    detail.hidden = true;
    clear(detail);
    var safe = safeSuggestions().length;
    applySafeButton.textContent = t("apply_all_safe", { n: safe });
    applySafeButton.disabled = safe === 0;
    undoButton.disabled = state.history.length === 0;
    changedHint.hidden = !state.changes.length;
    toolbar.hidden = false;
    result.hidden = false;
  }

  /* Redraw after the user hid or showed findings (the text and scores stay). */
  function refresh(message) {
    var opener = state.opener;
    render(state.full, null);
    LL.status(statusNode, message);
    if (opener && document.body.contains(opener)) opener.focus(); else resultTitle.focus({ preventScroll: true });
  }

  /* The server's non-overlapping safe set, less what the user hid: exactly what "Brug alle" applies. */
  function safeSuggestions() {
    var shown = {};
    state.report.findings.forEach(function (f) {
      (f.suggestions || []).forEach(function (s) { shown[s.start + ":" + s.end + ":" + s.replacement] = true; });
    });
    return (state.full.safe_suggestions || []).filter(function (s) { return shown[s.start + ":" + s.end + ":" + s.replacement]; });
  }

  /* The text box always holds the text the result shows, so "Tjek brevet" checks what you see. */
  function syncTextarea() {
    if (fileInput.files && fileInput.files.length) {
      fileInput.value = "";
      updateFile();
    }
    textarea.value = state.text;
  }

  /* ---------- actions ---------- */

  function analyse(e) {
    e.preventDefault();
    var file = fileInput.files && fileInput.files[0];
    var problem = LL.checkInput(textarea.value, file);
    LL.showError(formError, problem);
    if (problem) return;
    var body;
    var sameText = !file && state.full && textarea.value === state.text;
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
    var t0 = performance.now();
    LL.api("/api/analyse", body).then(function (report) {
      if (!sameText) {   // checking the same text again keeps "Fortryd" and the marks of what changed
        state.history = [];
        state.changes = [];
        state.source = report.source || null;
      }
      render(report, null);
      window.__letterlabTiming = { analyseMs: performance.now() - t0 };
      LL.status(statusNode, t("analysed"));
      resultTitle.focus();
      resultTitle.scrollIntoView({ block: "start" });
    }, function (err) {
      LL.status(statusNode, "");
      LL.showError(formError, err.message);
    }).then(function () { LL.busy(submitButton, false); });
  }

  function applySuggestions(suggestions, kind, button) {
    var before = state.report.scores.overall;
    var old = { report: state.full, changes: state.changes };
    if (button) LL.busy(button, true);
    LL.busy(applySafeButton, true);
    LL.status(statusNode, t("applying"), true);
    var payload = { text: state.text, suggestions: suggestions.map(function (s) {
      return { start: s.start, end: s.end, replacement: s.replacement, kind: s.kind, safe: s.safe };
    }) };
    LL.api("/api/rewrite", Object.assign(payload, options())).then(function (res) {
      state.history.push(old);
      state.changes = res.changes || [];
      render(res.report, old.report);
      syncTextarea();
      var after = res.report.scores.overall;
      var vars = { n: res.applied, before: LL.fmtNumber(before), after: LL.fmtNumber(after) };
      var key = (kind === "safe" ? "applied_safe" : "applied_one") + (before === after ? "_same" : "");
      if (kind === "safe" && res.applied === 1) key = key.replace("applied_safe", "applied_safe_one");
      LL.status(statusNode, t(key, vars));
      resultTitle.focus({ preventScroll: true });
    }, function (err) {
      LL.status(statusNode, err.message);
      if (button) LL.busy(button, false);
      applySafeButton.disabled = safeSuggestions().length === 0;
      applySafeButton.removeAttribute("aria-busy");
    });
  }

  function applySafe() {
    var list = safeSuggestions();
    if (!list.length) { LL.status(statusNode, t("no_safe")); return; }
    applySuggestions(list, "safe", null);
  }

  function undo() {
    var prev = state.history.pop();
    if (!prev) return;
    var now = state.full;
    state.changes = prev.changes;
    render(prev.report, now);
    syncTextarea();
    var key = now.scores.overall === prev.report.scores.overall ? "score_same" : "score_went";
    LL.status(statusNode, t("undone") + " " + t(key, { before: LL.fmtNumber(now.scores.overall),
                                                        after: LL.fmtNumber(prev.report.scores.overall) }));
  }

  function edit() {
    syncTextarea();
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
  document.addEventListener("keydown", function (e) { if (e.key === "Escape" && !detail.hidden) closeDetail(); });
  document.addEventListener("click", function (e) {   // a click beside the card closes it
    if (detail.hidden || detail.contains(e.target) || !document.body.contains(e.target)) return;
    if (e.target.closest && e.target.closest("[data-cluster], .finding-button, .sent-chip")) return;
    closeDetail();
  });
  window.addEventListener("resize", function () {
    if (detail.hidden || state.active === null) return;
    var c = state.clusters[state.active];
    placeCard((c && c.el && (c.kind === "sent" ? c.el.querySelector(".sent-chip") : c.el)) || letter);
  });

  var initial = document.getElementById("initial-report");
  if (initial) {
    var report = JSON.parse(initial.textContent);
    state.source = report.source || null;
    render(report, null);
  }
})();

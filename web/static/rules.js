/* Regler: when a rule's examples are opened, mark the words the rule finds in each "finds" example.
 * The marks come from the JSON API (the same core as everything else); without JavaScript the
 * examples are shown unmarked. */
"use strict";

(function () {
  var el = LL.el, clear = LL.clear;

  function markExample(li, rule, category, genre) {
    var text = li.textContent;
    var body = { text: text };
    if (genre) body.genre = genre;
    return LL.api("/api/analyse", body).then(function (report) {
      var spans = report.findings.filter(function (f) { return f.rule === rule && f.end > f.start; })
        .map(function (f) { return [f.start, f.end]; })
        .sort(function (a, b) { return a[0] - b[0]; });
      if (!spans.length) return false;
      clear(li);
      var pos = 0;
      spans.forEach(function (s) {
        if (s[0] < pos) return;   // overlapping spans: the first one is enough
        if (s[0] > pos) li.appendChild(document.createTextNode(text.slice(pos, s[0])));
        li.appendChild(el("mark", { class: "example-mark cat-" + category }, text.slice(s[0], s[1])));
        pos = s[1];
      });
      if (pos < text.length) li.appendChild(document.createTextNode(text.slice(pos)));
      return true;
    }, function () { return false; });
  }

  document.querySelectorAll("article.rule").forEach(function (article) {
    var more = article.querySelector("details.rule-more");
    if (!more) return;
    var done = false;
    more.addEventListener("toggle", function () {
      if (!more.open || done) return;
      done = true;
      var items = Array.prototype.slice.call(article.querySelectorAll(".example-list.flag li"));
      Promise.all(items.map(function (li) {
        return markExample(li, article.dataset.rule, article.dataset.category, article.dataset.genre);
      })).then(function (marked) {
        var note = article.querySelector(".example-marks");
        if (note && marked.some(Boolean)) note.hidden = false;
      });
    });
  });
})();

/* letterlab: helpers shared by the pages. No framework, no build step.
 * User text only ever reaches the page as DOM text nodes (never innerHTML). */
"use strict";

window.LL = (function () {
  var data = JSON.parse(document.getElementById("ui-data").textContent);
  var API_HEADER = "X-Letterlab-Request";

  function t(key, vars) {
    var s = data.texts[key] || key;
    if (vars) {
      s = s.replace(/\{(\w+)\}/g, function (m, name) {
        return Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : m;
      });
    }
    return s;
  }

  /* el("p", {class: "x", onclick: fn}, ["text", node]) – strings become text nodes. */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) return;
      if (k.slice(0, 2) === "on") node.addEventListener(k.slice(2), v);
      else if (k === "text") node.textContent = v;
      else node.setAttribute(k, v === true ? "" : String(v));
    });
    append(node, children);
    return node;
  }

  function append(node, children) {
    if (children === null || children === undefined) return node;
    if (!Array.isArray(children)) children = [children];
    children.forEach(function (c) {
      if (c === null || c === undefined || c === false) return;
      if (Array.isArray(c)) { append(node, c); return; }
      node.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
    });
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  /* POST to the JSON API. body is a plain object (sent as JSON) or FormData (uploads). */
  function api(path, body) {
    var headers = {};
    headers[API_HEADER] = "1";
    var payload = body;
    if (!(body instanceof FormData)) {
      headers["Content-Type"] = "application/json";
      payload = JSON.stringify(body);
    }
    return fetch(path, { method: "POST", headers: headers, body: payload, credentials: "same-origin" })
      .then(function (resp) {
        return resp.json().then(
          function (json) { return { ok: resp.ok, status: resp.status, data: json }; },
          function () { return { ok: false, status: resp.status, data: null }; }
        );
      }, function () {
        return { ok: false, status: 0, data: null };
      })
      .then(function (r) {
        if (r.ok) return r.data;
        var msg = r.data && r.data.error && r.data.error.message;
        if (!msg) msg = r.status === 0 ? t("network_error") : r.status === 413 ? t("file_too_large") : t("server_error");
        var err = new Error(msg);
        err.status = r.status;
        err.code = r.data && r.data.error && r.data.error.code;
        throw err;
      });
  }

  function status(node, message, busy) {
    node.textContent = message || "";
    node.classList.toggle("busy", !!busy);
  }

  function showError(node, message) {
    node.textContent = message || "";
    node.hidden = !message;
    if (message) {
      node.focus({ preventScroll: true });
      node.scrollIntoView({ block: "nearest" });
    }
  }

  /* Text a user typed or a file they chose: a problem we can spot before sending, or null. */
  function checkInput(text, file) {
    if (file) return file.size > data.maxUploadBytes ? t("file_too_large") : null;
    if (!text || !text.trim()) return t("empty");
    if (text.length > data.maxTextChars) return t("text_too_long");
    return null;
  }

  /* Show the chosen file's name with a button that removes it again. */
  function wireFileInput(input, statusNode, textarea) {
    function update() {
      clear(statusNode);
      var file = input.files && input.files[0];
      statusNode.hidden = !file;
      if (textarea) textarea.disabled = !!file;
      if (!file) return;
      append(statusNode, [
        el("p", {}, t("file_chosen", { name: file.name })),
        el("button", { type: "button", class: "button small", onclick: function () {
          input.value = "";
          update();
          input.focus();
        } }, t("remove_file"))
      ]);
    }
    input.addEventListener("change", update);
    update();
    return update;
  }

  function busy(button, on) {
    button.disabled = on;
    if (on) button.setAttribute("aria-busy", "true"); else button.removeAttribute("aria-busy");
  }

  function fmtNumber(n, digits) {
    if (n === null || n === undefined || isNaN(n)) return "–";
    return Number(n).toLocaleString("da-DK", { maximumFractionDigits: digits || 0 });
  }

  /* Straight quotes in a message ("sendes") in the one quote style every page uses: »sendes«. */
  function quotes(s) { return String(s || "").replace(/"([^"\n]{1,200})"/g, "\u00bb$1\u00ab"); }

  return { data: data, t: t, quotes: quotes, el: el, append: append, clear: clear, api: api, status: status,
           showError: showError, checkInput: checkInput, wireFileInput: wireFileInput, busy: busy,
           fmtNumber: fmtNumber };
})();

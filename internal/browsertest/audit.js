// The audit browsertest runs in every page of a browser test, before the
// page's own scripts: once the page has loaded it runs axe-core with the
// WCAG 2.2 A and AA rules and checks that the page does not scroll
// sideways, and whenever an element takes focus it checks that no sticky
// or fixed element covers it. It reports through console.debug, which the
// test's console watch reads. axe-core itself is prepended by audit.go.
(function () {
  "use strict";
  if (window.top !== window || !window.axe) {
    return;
  }
  var prefix = "browsertest-audit ";
  function report(kind, data) {
    console.debug(prefix + JSON.stringify({ kind: kind, url: location.href, data: data }));
  }
  function describe(el) {
    var s = el.tagName.toLowerCase();
    if (el.id) { s += "#" + el.id; }
    if (typeof el.className === "string" && el.className.trim()) { s += "." + el.className.trim().split(/\s+/).join("."); }
    var text = (el.getAttribute("aria-label") || el.textContent || el.value || "").trim().replace(/\s+/g, " ");
    return text ? s + " \"" + text.slice(0, 40) + "\"" : s;
  }
  // overflow names the deepest elements reaching past the right edge.
  function overflow() {
    var root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth + 1) {
      return null;
    }
    var edge = root.clientWidth + 1, wide = [];
    document.querySelectorAll("body *").forEach(function (el) {
      var r = el.getBoundingClientRect();
      if (r.right > edge && r.width > 0 && !Array.from(el.children).some(function (c) { return c.getBoundingClientRect().right > edge; })) {
        wide.push(describe(el) + " reaches " + Math.round(r.right) + "px");
      }
    });
    return { width: root.scrollWidth, viewport: root.clientWidth, elements: wide.slice(0, 5) };
  }
  var tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
  // A page already audited in this tab, in the same language and width
  // (its path with identifiers taken out), is audited only once: tests
  // that walk through many abstracts or people see one of each.
  function seen() {
    var kind = location.pathname.replace(/\/[0-9a-f-]{16,}|\/\d+/gi, "/{id}") + " " + document.documentElement.lang + " " + innerWidth +
      (document.querySelector("[aria-invalid=true], [data-error-summary], [role=alert]") ? " with errors" : "");
    try {
      var key = "browsertest-audited " + kind;
      if (sessionStorage.getItem(key)) { return true; }
      sessionStorage.setItem(key, "1");
    } catch (e) { /* no storage: audit every page */ }
    return false;
  }
  window.__browsertestAudit = new Promise(function (resolve) {
    window.addEventListener("load", function () {
      setTimeout(function () {
        var wide = overflow();
        if (wide) { report("overflow", wide); }
        if (location.search.indexOf("audit=again") < 0 && seen()) {
          report("axe-seen", null);
          resolve(true);
          return;
        }
        window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }).then(function (r) {
          report("axe", r.violations.map(function (v) {
            return {
              id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.slice(0, 4).map(function (n) { return n.target.join(" ") + ": " + (n.failureSummary || "").replace(/\s+/g, " "); })
            };
          }));
          resolve(true);
        }, function (e) { report("error", String(e)); resolve(true); });
      }, 0);
    });
  });
  // A focused element must not sit under a sticky header or a fixed bar
  // (WCAG 2.4.11): the element at its centre must be it, or not belong to
  // a sticky or fixed element that does not contain it.
  document.addEventListener("focusin", function (ev) {
    var el = ev.target;
    requestAnimationFrame(function () {
      requestAnimationFrame(function () {
        if (document.activeElement !== el || el === document.body) { return; }
        var r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) { return; }
        var x = r.left + r.width / 2, y = r.top + r.height / 2;
        if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) { return; }
        var top = document.elementFromPoint(x, y);
        if (!top || el.contains(top) || top.contains(el)) { return; }
        for (var n = top; n && n !== document.body; n = n.parentElement) {
          var pos = getComputedStyle(n).position;
          if ((pos === "sticky" || pos === "fixed") && !n.contains(el)) {
            report("obscured", describe(el) + " is under " + describe(n));
            return;
          }
        }
      });
    });
  });
})();

// Live questions and polls: the pages work as plain forms that reload; this
// script keeps them current through the contribution's stream of
// server-sent events, and sends their forms without leaving the page.
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  var root = document.getElementById("live-root");
  if (!root || !window.EventSource || !window.fetch) {
    return;
  }
  var view = root.dataset.liveView;
  var pending = null;
  var busy = false;

  // replace swaps the live part of the page for the same part of html,
  // keeping what the reader is typing.
  function replace(html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var fresh = doc.getElementById("live-root");
    if (!fresh) {
      // An error page: say what it says above the live part.
      var main = doc.querySelector("main");
      var alert = document.createElement("div");
      alert.className = "alert error";
      alert.setAttribute("role", "alert");
      alert.textContent = main ? main.textContent.trim().split("\n")[0] : "";
      root.insertBefore(alert, root.firstChild);
      return;
    }
    var active = document.activeElement;
    var typing = active && active.tagName === "TEXTAREA" && root.contains(active) && active.value !== "";
    if (typing) {
      return; // refresh after the reader sends it
    }
    var open = [];
    root.querySelectorAll("details[open]").forEach(function (d, i) { open.push(i); });
    root.innerHTML = fresh.innerHTML;
    root.querySelectorAll("details").forEach(function (d, i) {
      if (open.indexOf(i) >= 0) { d.open = true; }
    });
    bind();
  }

  // refresh reloads the live part of the page soon, once for a burst of
  // events; the audience waits a little longer, spread out, so a large
  // hall does not ask all at once.
  function refresh() {
    if (pending) {
      return;
    }
    var delay = view === "audience" ? 300 + Math.random() * 700 : 150;
    pending = setTimeout(function () {
      pending = null;
      if (busy) {
        refresh();
        return;
      }
      fetch(location.href, { credentials: "same-origin", headers: { "Accept": "text/html" } })
        .then(function (r) { return r.text(); })
        .then(replace)
        .catch(function () {});
    }, delay);
  }

  // bind sends the live forms with fetch and shows the page they answer
  // with, which carries any error next to its field.
  function bind() {
    root.querySelectorAll("form[data-live-form]").forEach(function (form) {
      form.addEventListener("submit", function (ev) {
        ev.preventDefault();
        busy = true;
        var body = new URLSearchParams(new FormData(form));
        fetch(form.getAttribute("action"), { method: "POST", body: body, credentials: "same-origin" })
          .then(function (r) { return r.text(); })
          .then(function (html) {
            busy = false;
            if (document.activeElement) { document.activeElement.blur(); }
            replace(html);
          })
          .catch(function () { busy = false; form.submit(); });
      });
    });
  }
  bind();

  var stream = new EventSource(root.dataset.liveStream);
  stream.addEventListener("vote", function (ev) {
    var data = JSON.parse(ev.data);
    var count = root.querySelectorAll('[data-votes="' + data.id + '"]');
    if (count.length === 0) {
      refresh();
      return;
    }
    count.forEach(function (el) { el.textContent = data.votes; });
    if (view !== "moderate") {
      refresh(); // the order by votes may change
    }
  });
  ["question", "moderation", "poll"].forEach(function (kind) {
    stream.addEventListener(kind, refresh);
  });
});

// Joining by badge: where the browser reads QR codes, the phone's camera
// reads the participant's own badge and sends its code; elsewhere the code
// is typed into the form.
(function () {
  var form = document.querySelector("[data-badge-form]");
  var camera = form && form.querySelector("[data-badge-camera]");
  if (!camera || !("BarcodeDetector" in window) || !navigator.mediaDevices) {
    return;
  }
  camera.hidden = false;
  camera.addEventListener("click", function () {
    var video = document.querySelector("[data-badge-video]");
    var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }).then(function (stream) {
      video.srcObject = stream;
      video.hidden = false;
      return video.play();
    }).then(function tick() {
      detector.detect(video).then(function (codes) {
        if (!codes.length) {
          requestAnimationFrame(tick);
          return;
        }
        video.srcObject.getTracks().forEach(function (t) { t.stop(); });
        form.querySelector("[name=ticket]").value = codes[0].rawValue;
        form.submit();
      });
    }).catch(function () { camera.hidden = true; });
  });
})();

// The check-in desk. Tickets are Ed25519-signed, so this page verifies them
// itself and keeps checking people in when the venue's network drops: it
// queues check-ins in this browser and sends them when the network returns.
// The server counts a ticket once however often it is sent, so a check-in
// sent twice is not counted twice.
"use strict";

(function () {
  var desk = document.querySelector("[data-checkin]");
  if (!desk || !window.crypto || !crypto.subtle) {
    return;
  }
  var slug = desk.dataset.slug;
  var eventID = desk.dataset.eventId;
  var msg = desk.dataset;
  var queueKey = "symposium-checkin-queue-" + eventID;
  var seenKey = "symposium-checkin-seen-" + eventID;
  var people = {}; // registration ID → registration, for names when offline
  var keyPromise = crypto.subtle.importKey("raw", fromBase64(desk.dataset.key), { name: "Ed25519" }, false, ["verify"]);

  function fromBase64(s) {
    s = s.replace(/-/g, "+").replace(/_/g, "/");
    while (s.length % 4) { s += "="; }
    return Uint8Array.from(atob(s), function (c) { return c.charCodeAt(0); });
  }
  function uuid(bytes) {
    var h = Array.from(bytes, function (b) { return b.toString(16).padStart(2, "0"); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }
  function load(key) { try { return JSON.parse(localStorage.getItem(key)) || []; } catch (e) { return []; } }
  function save(key, list) { localStorage.setItem(key, JSON.stringify(list)); }

  // verify checks a ticket's signature and event, and returns its registration ID.
  function verify(ticket) {
    ticket = ticket.trim();
    if (ticket.slice(0, 2) !== "S1" || ticket.length !== 130) {
      return Promise.resolve(null);
    }
    var bytes;
    try { bytes = fromBase64(ticket.slice(2)); } catch (e) { return Promise.resolve(null); }
    return keyPromise.then(function (key) {
      return crypto.subtle.verify("Ed25519", key, bytes.slice(32, 96), bytes.slice(0, 32));
    }).then(function (ok) {
      return ok && uuid(bytes.slice(0, 16)) === eventID ? uuid(bytes.slice(16, 32)) : null;
    }).catch(function () { return null; });
  }

  function show(ok, message, reg) {
    var box = document.getElementById("desk-result");
    box.innerHTML = "";
    var div = document.createElement("div");
    div.className = "desk-result " + (ok ? "ok" : "bad");
    var p = document.createElement("p");
    p.className = "desk-message";
    p.textContent = message;
    div.appendChild(p);
    if (reg) {
      var name = document.createElement("p");
      name.className = "desk-name";
      name.textContent = Object.values(reg.name || {}).join(" · ");
      div.appendChild(name);
    }
    box.appendChild(div);
  }

  function status() {
    var q = load(queueKey).length;
    desk.querySelector("[data-net]").textContent = navigator.onLine ? msg.msgOnline : msg.msgOffline;
    desk.querySelector("[data-queue]").textContent = q ? window.symposiumPlural(msg.msgWaiting, q) : "";
  }

  // send posts one check-in; it resolves to the answer, or null when the
  // network is down.
  function send(ticket) {
    return fetch("/api/v1/events/" + slug + "/checkins", {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept-Language": document.documentElement.lang },
      body: JSON.stringify({ ticket: ticket })
    }).then(function (resp) {
      return resp.json().then(function (body) { return { status: resp.status, body: body }; });
    }).catch(function () { return null; });
  }

  function checkIn(ticket) {
    return verify(ticket).then(function (id) {
      if (!id) {
        show(false, msg.msgForged);
        return;
      }
      var seen = load(seenKey);
      var reg = people[id];
      if (seen.indexOf(id) >= 0 || (reg && reg.checked_in_at)) {
        show(false, msg.msgTwice, reg);
        return;
      }
      if (reg && reg.status !== "confirmed") {
        show(false, msg.msgNotConfirmed, reg);
        return;
      }
      seen.push(id);
      save(seenKey, seen);
      return send(ticket).then(function (answer) {
        if (answer === null) {
          var q = load(queueKey);
          q.push({ ticket: ticket, at: new Date().toISOString() });
          save(queueKey, q);
          show(true, msg.msgQueued, reg);
        } else if (answer.status === 200) {
          people[id] = answer.body;
          show(true, msg.msgOk, answer.body);
        } else {
          show(false, answer.body.detail || msg.msgForged, reg);
        }
        status();
      });
    });
  }

  // sync sends the queued check-ins; a ticket the server already counted
  // answers 409 and leaves the queue like one it just counted.
  function sync() {
    var q = load(queueKey);
    if (!q.length || !navigator.onLine) {
      status();
      return Promise.resolve();
    }
    var item = q[0];
    return send(item.ticket).then(function (answer) {
      if (answer === null) {
        status();
        return;
      }
      save(queueKey, load(queueKey).slice(1));
      return sync();
    });
  }

  // preload fetches the registrations, for names and warnings offline.
  function preload(cursor) {
    var url = "/api/v1/events/" + slug + "/registrations?limit=1000" + (cursor ? "&cursor=" + encodeURIComponent(cursor) : "");
    return fetch(url, { credentials: "same-origin" }).then(function (resp) { return resp.ok ? resp.json() : null; })
      .then(function (page) {
        if (!page) { return; }
        page.items.forEach(function (r) { people[r.id] = r; });
        if (page.next) { return preload(page.next); }
      }).catch(function () {});
  }

  var form = desk.querySelector("[data-scan-form]");
  var input = form.querySelector("input[name=ticket]");
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var ticket = input.value;
    input.value = "";
    checkIn(ticket).then(function () { input.focus(); });
  });

  // Search as you type in the preloaded list.
  var search = desk.querySelector("[data-search]");
  var found = desk.querySelector("[data-found]");
  search.addEventListener("input", function () {
    var q = search.value.trim().toLowerCase();
    found.innerHTML = "";
    if (q.length < 2) { return; }
    Object.values(people).filter(function (r) {
      return r.email.indexOf(q) >= 0 || Object.values(r.name || {}).some(function (n) { return n.toLowerCase().indexOf(q) >= 0; });
    }).slice(0, 20).forEach(function (r) {
      var li = document.createElement("li");
      li.textContent = Object.values(r.name || {}).join(" · ") + " — " + r.email + " — " + r.status + (r.checked_in_at ? " ✓" : "");
      found.appendChild(li);
    });
  });

  // The camera, where the browser can read QR codes.
  var camera = desk.querySelector("[data-camera]");
  if ("BarcodeDetector" in window && navigator.mediaDevices) {
    camera.hidden = false;
    camera.addEventListener("click", function () {
      var video = desk.querySelector("[data-video]");
      var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
      navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }).then(function (stream) {
        video.srcObject = stream;
        video.hidden = false;
        return video.play();
      }).then(function tick() {
        detector.detect(video).then(function (codes) {
          if (codes.length) {
            checkIn(codes[0].rawValue);
            setTimeout(tick, 1500);
          } else {
            requestAnimationFrame(tick);
          }
        });
      }).catch(function () { camera.hidden = true; });
    });
  }

  window.addEventListener("online", sync);
  window.addEventListener("offline", status);
  setInterval(sync, 10000);
  preload().then(sync);
  status();
})();

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
    var mark = document.createElement("span");
    mark.className = "desk-mark";
    mark.setAttribute("aria-hidden", "true");
    mark.textContent = ok ? "✓" : "✗";
    p.appendChild(mark);
    p.appendChild(document.createTextNode(" " + message));
    div.appendChild(p);
    if (reg) {
      var name = document.createElement("p");
      name.className = "desk-name";
      name.textContent = Object.values(reg.name || {}).join(" · ");
      div.appendChild(name);
    }
    box.appendChild(div);
  }

  // arrived adds to the live count of arrivals, "Arrived: 12 of 80".
  var count = desk.querySelector("[data-arrived]");
  function arrived(n) {
    var now = Number(count.dataset.arrived) + n;
    count.dataset.arrived = now;
    count.textContent = msg.msgOf.replace("{arrived}", now).replace("{expected}", count.dataset.expected);
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
          arrived(1);
        } else if (answer.status === 200) {
          people[id] = answer.body;
          show(true, msg.msgOk, answer.body);
          arrived(1);
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

  // Search as you type in the preloaded list: two letters, or one Chinese
  // character, are enough. Each person found shows their status in the
  // page's language, "Arrived" in words besides the tick, and a button
  // that checks them in, for a guest without their ticket. How many were
  // found is announced.
  var search = desk.querySelector("[data-search]");
  var found = desk.querySelector("[data-found]");
  var foundCount = desk.querySelector("[data-found-count]");
  var han = /[\u3400-\u9fff\uf900-\ufaff]/;
  var announce;
  search.addEventListener("input", function () {
    var q = search.value.trim().toLowerCase();
    found.innerHTML = "";
    clearTimeout(announce);
    if (q.length < 2 && !han.test(q)) {
      foundCount.textContent = q ? msg.msgShort : "";
      return;
    }
    var hits = Object.values(people).filter(function (r) {
      return r.email.indexOf(q) >= 0 || Object.values(r.name || {}).some(function (n) { return n.toLowerCase().indexOf(q) >= 0; });
    }).slice(0, 20);
    hits.forEach(function (r) { found.appendChild(person(r, q)); });
    // Announced once typing pauses, not at every key.
    announce = setTimeout(function () {
      foundCount.textContent = hits.length ? msg.msgFound.replace("{n}", hits.length) : msg.msgFoundNone;
    }, 400);
  });

  // person is one registration found, as the page itself lists them.
  function person(r, q) {
    var li = document.createElement("li");
    li.className = "desk-person" + (r.checked_in_at ? " arrived" : "");
    var name = document.createElement("span");
    name.className = "desk-person-name";
    name.textContent = Object.values(r.name || {}).join(" · ");
    li.appendChild(name);
    var meta = document.createElement("span");
    meta.className = "muted";
    meta.textContent = " " + r.email + " · " + (desk.dataset["status" + r.status.charAt(0).toUpperCase() + r.status.slice(1)] || r.status);
    li.appendChild(meta);
    if (r.checked_in_at) {
      var badge = document.createElement("span");
      badge.className = "badge ok";
      badge.textContent = "✓ " + msg.msgArrived;
      li.appendChild(badge);
    } else if (r.status === "confirmed") {
      var form = document.createElement("form");
      form.method = "post";
      form.action = "/events/" + slug + "/checkin?q=" + encodeURIComponent(q);
      form.className = "desk-person-action";
      var id = document.createElement("input");
      id.type = "hidden";
      id.name = "registration";
      id.value = r.id;
      var button = document.createElement("button");
      button.type = "submit";
      button.className = "button small";
      button.textContent = msg.msgSubmit;
      var who = document.createElement("span");
      who.className = "visually-hidden";
      who.textContent = ": " + name.textContent;
      button.appendChild(who);
      form.appendChild(id);
      form.appendChild(button);
      li.appendChild(form);
    }
    return li;
  }

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

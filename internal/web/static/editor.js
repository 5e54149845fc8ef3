// The programme editor's comfort: drag an entry to another time or room,
// drag its lower edge to change its length, drag an unscheduled entry from
// the tray onto the grid, or do all of it with the keyboard; choose
// speakers by typing a name. Every change fills in the entry's own form
// (the one that works without JavaScript) and sends it, so the server
// checks conflicts and answers exactly as it does for the form. Data goes
// into the page through textContent only.
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  var grid = document.querySelector("[data-editor]");
  var status = document.querySelector("[data-editor-status]");
  var alertBox = document.getElementById("editor-alert");

  // After a refused change, focus the conflict so that it is read first;
  // after a change, focus the entry it moved.
  if (alertBox && alertBox.querySelector(".alert")) {
    alertBox.focus();
  } else {
    var moved = document.querySelector(".tt-entry.moved") || document.querySelector(".entry-row.moved");
    if (moved) {
      if (!moved.hasAttribute("tabindex")) {
        moved.setAttribute("tabindex", "-1");
      }
      moved.focus();
    }
  }

  if (!grid || !grid.dataset.origin) {
    return;
  }
  var SLOT = 5;
  var originText = grid.dataset.origin; // e.g. 2024-05-22T10:00:00+05:00
  var originLocal = Date.UTC(+originText.slice(0, 4), +originText.slice(5, 7) - 1, +originText.slice(8, 10),
    +originText.slice(11, 13), +originText.slice(14, 16));

  function rowHeight() {
    var style = getComputedStyle(grid);
    var tracks = style.gridTemplateRows.split(" ");
    return (parseFloat(tracks[1]) || 9) + (parseFloat(style.rowGap) || 0);
  }
  function firstRowTop() {
    return grid.querySelector(".tt-hour").getBoundingClientRect().top;
  }
  function pad(n) { return String(n).padStart(2, "0"); }
  function localText(minutes) {
    var d = new Date(originLocal + minutes * 60000);
    return d.getUTCFullYear() + "-" + pad(d.getUTCMonth() + 1) + "-" + pad(d.getUTCDate()) + "T" + pad(d.getUTCHours()) + ":" + pad(d.getUTCMinutes());
  }
  function minutesOf(text) {
    var t = Date.UTC(+text.slice(0, 4), +text.slice(5, 7) - 1, +text.slice(8, 10), +text.slice(11, 13), +text.slice(14, 16));
    return Math.round((t - originLocal) / 60000);
  }
  function minutesAt(y) {
    return Math.max(0, Math.round((y - firstRowTop()) / rowHeight())) * SLOT;
  }
  function rooms() {
    return Array.prototype.slice.call(grid.querySelectorAll(".tt-room"));
  }
  function roomAt(x) {
    var all = rooms();
    for (var i = 0; i < all.length; i++) {
      var r = all[i].getBoundingClientRect();
      if (x >= r.left && x <= r.right) {
        return all[i].dataset.roomId;
      }
    }
    return null;
  }
  function submit(id, fields) {
    var form = document.querySelector("#edit-" + id + " form");
    if (!form) {
      return;
    }
    Object.keys(fields).forEach(function (name) {
      // A button of the same name (unschedule) is not sent by submit():
      // the value goes in a field of its own.
      var field = form.elements[name];
      if (field && field.tagName !== "BUTTON") {
        field.value = fields[name];
      } else {
        var input = document.createElement("input");
        input.type = "hidden";
        input.name = name;
        input.value = fields[name];
        form.appendChild(input);
      }
    });
    form.submit();
  }

  // Mouse and touch: drag to move, drag the lower edge to resize.
  grid.querySelectorAll(".tt-entry.editable").forEach(function (entry) {
    entry.addEventListener("pointerdown", function (down) {
      if (down.button !== 0 || down.target.closest("a")) {
        return;
      }
      var resizing = down.target.classList.contains("resize-handle");
      var rect = entry.getBoundingClientRect();
      var startHeight = rect.height;
      entry.setPointerCapture(down.pointerId);
      entry.classList.add("dragging");
      function move(ev) {
        if (resizing) {
          entry.style.height = Math.max(rowHeight(), startHeight + ev.clientY - down.clientY) + "px";
        } else {
          entry.style.transform = "translate(" + (ev.clientX - down.clientX) + "px," + (ev.clientY - down.clientY) + "px)";
        }
      }
      function up(ev) {
        entry.removeEventListener("pointermove", move);
        entry.removeEventListener("pointerup", up);
        entry.classList.remove("dragging");
        var dx = ev.clientX - down.clientX, dy = ev.clientY - down.clientY;
        if (Math.abs(dx) < 4 && Math.abs(dy) < 4) {
          entry.style.transform = "";
          entry.style.height = "";
          return;
        }
        var top = rect.top + (resizing ? 0 : dy);
        var start = minutesAt(top);
        if (resizing) {
          var end = minutesAt(rect.bottom + dy);
          submit(entry.dataset.id, { duration_minutes: Math.max(SLOT, end - start) });
          return;
        }
        var room = roomAt(rect.left + rect.width / 2 + dx);
        var fields = { starts_at: localText(start) };
        if (room !== null) {
          fields.room_id = room;
        }
        submit(entry.dataset.id, fields);
      }
      entry.addEventListener("pointermove", move);
      entry.addEventListener("pointerup", up);
    });
  });

  // The keyboard: arrows move a focused entry by five minutes or to the
  // next room, Shift with up or down resizes it, Enter saves, Escape
  // cancels, Delete takes it out of the timetable. The pending place is
  // shown on the grid and said in the live region.
  grid.querySelectorAll(".tt-entry.editable").forEach(function (entry) {
    var pending = null;
    function reset() {
      pending = null;
      entry.style.transform = "";
      entry.style.height = "";
      entry.classList.remove("pending");
    }
    function show() {
      var all = rooms();
      var from = all.findIndex(function (r) { return r.dataset.roomId === entry.dataset.room; });
      var to = all.findIndex(function (r) { return r.dataset.roomId === pending.room; });
      var dx = from >= 0 && to >= 0 ? all[to].getBoundingClientRect().left - all[from].getBoundingClientRect().left : 0;
      var dy = (pending.start - minutesOf(entry.dataset.start)) / SLOT * rowHeight();
      entry.style.transform = "translate(" + dx + "px," + dy + "px)";
      entry.style.height = Math.max(1, pending.minutes / SLOT) * rowHeight() + "px";
      entry.classList.add("pending");
      if (status) {
        var room = to >= 0 ? all[to].textContent.trim() : "";
        var s = localText(pending.start), e = localText(pending.start + pending.minutes);
        status.textContent = s.slice(11) + "–" + e.slice(11) + (room ? ", " + room : "") + ". " + (grid.dataset.msgPending || "");
      }
    }
    entry.addEventListener("keydown", function (ev) {
      if (ev.target !== entry) {
        return;
      }
      var all = rooms();
      if (!pending) {
        pending = { start: minutesOf(entry.dataset.start), minutes: +entry.dataset.minutes, room: entry.dataset.room };
      }
      var index = all.findIndex(function (r) { return r.dataset.roomId === pending.room; });
      switch (ev.key) {
      case "ArrowUp":
        if (ev.shiftKey) {
          pending.minutes = Math.max(SLOT, pending.minutes - SLOT);
        } else {
          pending.start = Math.max(0, pending.start - SLOT);
        }
        break;
      case "ArrowDown":
        if (ev.shiftKey) {
          pending.minutes += SLOT;
        } else {
          pending.start += SLOT;
        }
        break;
      case "ArrowLeft":
        if (index > 0 && all[index - 1].dataset.roomId) {
          pending.room = all[index - 1].dataset.roomId;
        }
        break;
      case "ArrowRight":
        if (index >= 0 && index + 1 < all.length && all[index + 1].dataset.roomId) {
          pending.room = all[index + 1].dataset.roomId;
        }
        break;
      case "Enter":
        ev.preventDefault();
        submit(entry.dataset.id, { starts_at: localText(pending.start), duration_minutes: pending.minutes, room_id: pending.room || "" });
        return;
      case "Escape":
        reset();
        if (status) {
          status.textContent = "";
        }
        return;
      case "Delete":
      case "Backspace":
        ev.preventDefault();
        submit(entry.dataset.id, { action: "unschedule" });
        return;
      default:
        pending = pending && (pending.start !== minutesOf(entry.dataset.start) || pending.minutes !== +entry.dataset.minutes || pending.room !== entry.dataset.room) ? pending : null;
        return;
      }
      ev.preventDefault();
      show();
    });
    entry.addEventListener("blur", function () {
      if (pending) {
        reset();
      }
    });
  });

  // The tray: drag an unscheduled entry onto the grid to place it at the
  // time and in the room it is dropped on.
  document.querySelectorAll("[data-tray-entry]").forEach(function (item) {
    if (!item.dataset.trayEntry) {
      return;
    }
    item.addEventListener("dragstart", function (ev) {
      ev.dataTransfer.setData("text/plain", item.dataset.trayEntry);
      ev.dataTransfer.effectAllowed = "move";
    });
  });
  grid.addEventListener("dragover", function (ev) {
    ev.preventDefault();
    ev.dataTransfer.dropEffect = "move";
  });
  grid.addEventListener("drop", function (ev) {
    ev.preventDefault();
    var id = ev.dataTransfer.getData("text/plain");
    if (!id || !document.querySelector("#edit-" + id)) {
      return;
    }
    var fields = { starts_at: localText(minutesAt(ev.clientY)) };
    var room = roomAt(ev.clientX);
    if (room !== null) {
      fields.room_id = room;
    }
    submit(id, fields);
  });
});

// The speaker picker: type a name in any script and the people index
// offers matches; choosing one adds them, checked, to the entry's speakers.
// Without the script, the chosen speakers stay checkboxes and a new person
// may still be added by name.
document.addEventListener("DOMContentLoaded", function () {
  if (!window.fetch || !window.AbortController) {
    return;
  }
  var lang = document.documentElement.lang || "en";
  var han = /[\u3400-\u9fff\uf900-\ufaff]/;
  function pick(t) {
    if (!t) {
      return "";
    }
    var order = [lang, "en", "zh", "kk", "ru"];
    for (var i = 0; i < order.length; i++) {
      if (t[order[i]]) {
        return t[order[i]];
      }
    }
    var keys = Object.keys(t);
    return keys.length ? t[keys[0]] : "";
  }
  document.querySelectorAll("[data-speaker-picker]").forEach(function (picker) {
    var name = picker.dataset.name;
    var chosen = picker.querySelector("[data-chosen]");
    var field = picker.querySelector("[data-find-field]");
    var input = picker.querySelector("[data-find]");
    var found = picker.querySelector("[data-found]");
    var pending = null, timer = 0;
    field.hidden = false;

    function has(id) {
      return !!chosen.querySelector('input[value="' + CSS.escape(id) + '"]');
    }
    function choose(id, text) {
      if (has(id)) {
        chosen.querySelector('input[value="' + CSS.escape(id) + '"]').checked = true;
        return;
      }
      var li = document.createElement("li");
      var label = document.createElement("label");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.name = name;
      box.value = id;
      box.checked = true;
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + text));
      li.appendChild(label);
      chosen.appendChild(li);
    }
    function render(items) {
      found.textContent = "";
      if (items.length === 0) {
        var none = document.createElement("li");
        none.className = "muted";
        none.textContent = picker.dataset.msgNone;
        found.appendChild(none);
        return;
      }
      items.forEach(function (item) {
        var li = document.createElement("li");
        var button = document.createElement("button");
        var text = pick(item.name);
        var org = pick(item.organization);
        button.type = "button";
        button.className = "link";
        button.textContent = picker.dataset.msgAdd + ": " + text + (org ? " (" + org + ")" : "");
        button.addEventListener("click", function () {
          choose(item.id, text);
          found.textContent = "";
          input.value = "";
          input.focus();
        });
        li.appendChild(button);
        found.appendChild(li);
      });
    }
    function ask(q) {
      if (pending) {
        pending.abort();
      }
      pending = new AbortController();
      fetch("/api/v1/search?type=person&limit=8&q=" + encodeURIComponent(q), { signal: pending.signal, headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (resp) { return resp.ok ? resp.json() : { items: [] }; })
        .then(function (body) {
          if (input.value.trim() === q) {
            render(body.items || []);
          }
        })
        .catch(function () {});
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (!(han.test(q) ? q.length >= 1 : Array.from(q).length >= 2)) {
        found.textContent = "";
        return;
      }
      timer = setTimeout(function () { ask(q); }, 150);
    });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter") {
        ev.preventDefault(); // Enter here chooses, it does not send the entry
        var first = found.querySelector("button");
        if (first) {
          first.click();
        }
      }
    });
  });
});

// Symposium's small script: pages work without it; it only adds comfort.
"use strict";

// Timetable grids: each room, hour and entry names its grid row and column
// in data attributes, placed here through the CSSOM, since the page's
// Content-Security-Policy allows no style attributes. Without the script the
// timetable is a list, as on a phone.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-grid-rows]").forEach(function (grid) {
    grid.style.setProperty("--rooms", grid.dataset.gridRooms);
    grid.style.setProperty("--rows", grid.dataset.gridRows);
    grid.querySelectorAll("[data-grid-row]").forEach(function (cell) {
      var d = cell.dataset;
      cell.style.gridRow = d.gridRowEnd ? d.gridRow + " / " + d.gridRowEnd : d.gridRow;
      cell.style.gridColumn = d.gridCol;
      if (d.colour) {
        cell.style.borderLeftColor = d.colour;
      }
    });
    grid.classList.add("placed");
  });
});

// Times on a page are written in the event's zone. Where the reader's zone
// differs, a button offers to show them in the reader's zone instead.
document.addEventListener("DOMContentLoaded", function () {
  var button = document.querySelector("[data-zone-toggle]");
  var label = document.querySelector("[data-zone-label]");
  var times = document.querySelectorAll("time[data-time]");
  if (!button || !label || times.length === 0 || !window.Intl) {
    return;
  }
  var lang = document.documentElement.lang || "en";
  var format = new Intl.DateTimeFormat(lang, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  var eventLabel = label.textContent;
  var local = false;
  var sample = new Date(times[0].getAttribute("datetime"));
  var offset = times[0].getAttribute("datetime").slice(-6);
  var readerOffset = -sample.getTimezoneOffset();
  var sign = readerOffset < 0 ? "-" : "+";
  var abs = Math.abs(readerOffset);
  var readerText = sign + String(Math.floor(abs / 60)).padStart(2, "0") + ":" + String(abs % 60).padStart(2, "0");
  if (offset === readerText || offset === "Z" && readerOffset === 0) {
    return; // the reader is in the event's zone already
  }
  button.hidden = false;
  button.addEventListener("click", function () {
    local = !local;
    times.forEach(function (t) {
      if (!t.dataset.eventText) {
        t.dataset.eventText = t.textContent;
      }
      t.textContent = local ? format.format(new Date(t.getAttribute("datetime"))) : t.dataset.eventText;
    });
    label.textContent = local ? button.dataset.localLabel : eventLabel;
    button.textContent = local ? button.dataset.showEvent : button.dataset.showLocal;
  });
});

// The programme editor: drag an entry to another time or room, or drag its
// lower edge to change its length. A drop fills in the entry's own form
// (the one that works without JavaScript) and sends it, so the server
// checks conflicts and answers exactly as it does for the form.
document.addEventListener("DOMContentLoaded", function () {
  var grid = document.querySelector("[data-editor]");
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
    var hour = grid.querySelector(".tt-hour");
    return hour.getBoundingClientRect().top;
  }
  function localText(minutes) {
    var d = new Date(originLocal + minutes * 60000);
    function pad(n) { return String(n).padStart(2, "0"); }
    return d.getUTCFullYear() + "-" + pad(d.getUTCMonth() + 1) + "-" + pad(d.getUTCDate()) + "T" + pad(d.getUTCHours()) + ":" + pad(d.getUTCMinutes());
  }
  function minutesAt(y) {
    return Math.max(0, Math.round((y - firstRowTop()) / rowHeight())) * SLOT;
  }
  function roomAt(x) {
    var rooms = grid.querySelectorAll(".tt-room");
    for (var i = 0; i < rooms.length; i++) {
      var r = rooms[i].getBoundingClientRect();
      if (x >= r.left && x <= r.right) {
        return rooms[i].dataset.roomId;
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
      form.elements[name].value = fields[name];
    });
    form.submit();
  }

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
});

// The abstract form: a live word count under the text, counted as the
// server counts (runs of letters or digits; in Chinese, every two
// characters), and the title's translation into the abstract's own
// language hidden, since the title itself is in it.
document.addEventListener("DOMContentLoaded", function () {
  var text = document.querySelector("textarea[data-word-limit]");
  var out = document.querySelector("[data-word-count]");
  if (text && out) {
    var limit = +text.dataset.wordLimit;
    var han = /\p{Script=Han}/u, word = /[\p{L}\p{N}]/u;
    var count = function (s) {
      var n = 0, run = 0, inWord = false;
      for (var ch of s) {
        if (han.test(ch)) {
          if (run % 2 === 0) { n++; }
          run++;
          inWord = false;
        } else if (word.test(ch)) {
          if (!inWord) { n++; }
          inWord = true;
          run = 0;
        } else {
          inWord = false;
          run = 0;
        }
      }
      return n;
    };
    var update = function () {
      var n = count(text.value);
      out.textContent = out.dataset.template.replace("#", n);
      out.classList.toggle("over", n > limit);
    };
    text.addEventListener("input", update);
    update();
  }
  var lang = document.querySelector("[data-abstract-language]");
  if (lang) {
    var hide = function () {
      document.querySelectorAll("[data-translation]").forEach(function (col) {
        col.hidden = col.dataset.translation === lang.value;
      });
    };
    lang.addEventListener("change", hide);
    hide();
  }
});

// Rows of a form that grow: "add a row" copies the template row, giving
// its inputs the next index, up to the form's maximum. Without script the
// form offers a few empty rows instead.
document.addEventListener("DOMContentLoaded", function () {
  var rows = document.querySelector("[data-rows]");
  var template = document.querySelector("template[data-row-template]");
  var button = document.querySelector("[data-add-row]");
  if (!rows || !template || !button) {
    return;
  }
  var next = +rows.dataset.next, most = +rows.dataset.max;
  var full = function () { return rows.querySelectorAll("[data-row]").length >= most; };
  button.hidden = full();
  button.addEventListener("click", function () {
    if (full()) {
      return;
    }
    var html = template.innerHTML.replace(/__N__/g, String(next++));
    rows.insertAdjacentHTML("beforeend", html);
    var added = rows.lastElementChild;
    var first = added && added.querySelector("input[type=text]");
    if (first) {
      first.focus();
    }
    button.hidden = full();
  });
});

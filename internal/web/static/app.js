// Symposium's small script: pages work without it; it only adds comfort.
"use strict";

// symposiumPlural writes a message that depends on a number, as the server
// does: forms are the message's CLDR plural forms in the page's language,
// which a page passes in a data attribute (i18n's ScriptForms), and the
// browser's Intl.PluralRules picks one — one/few/many/other in Russian,
// one/other in Kazakh and English, other in Chinese — so that Russian reads
// «1 отметка ждёт», «2 отметки ждут», «5 отметок ждут». {n} becomes the
// number written the way the language writes numbers.
window.symposiumPlural = function (forms, n) {
  var lang = document.documentElement.lang || "en";
  if (typeof forms === "string") {
    try { forms = JSON.parse(forms); } catch (e) { forms = {}; }
  }
  var text = forms[new Intl.PluralRules(lang).select(n)] || forms.other || "";
  return text.replace(/\{n\}/g, new Intl.NumberFormat(lang).format(n));
};

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

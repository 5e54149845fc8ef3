// Symposium's small script: pages work without it; it only adds comfort.
"use strict";

// Move focus to the first invalid field after a form came back with errors,
// so keyboard and screen-reader users land where the problem is.
document.addEventListener("DOMContentLoaded", function () {
  var invalid = document.querySelector('[aria-invalid="true"]');
  if (invalid) {
    invalid.focus();
  }
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

// Symposium's page helpers, on every page: the error summary of a form
// that came back, and the compact header of a phone. Pages work without
// them.
"use strict";

// A form that came back with errors starts with a summary listing each
// field in error as a link. The summary takes focus, so keyboard and
// screen-reader users hear what went wrong; its links go to the fields in
// the order of the form, each named by its label. Without a summary, the
// first invalid field takes focus.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector("[data-error-summary]");
  if (!summary) {
    var invalid = document.querySelector('[aria-invalid="true"]');
    if (invalid) {
      invalid.focus();
    }
    return;
  }
  var list = summary.querySelector("ul");
  var links = Array.from(summary.querySelectorAll("a[data-error-for]"));
  links.forEach(function (a) {
    var target = fieldFor(a.dataset.errorFor);
    if (!target) {
      a.removeAttribute("href");
      return;
    }
    var name = labelOf(target);
    if (name && a.textContent.indexOf(name) < 0) {
      a.textContent = name + ": " + a.textContent;
    }
    a.href = "#" + target.id;
    a.targetField = target;
    a.addEventListener("click", function (ev) {
      ev.preventDefault();
      var input = target.matches("input, select, textarea, button") ? target :
        target.querySelector('[aria-invalid="true"], input:not([type=hidden]), select, textarea');
      (input || target).focus();
      (input || target).scrollIntoView({ block: "center" });
    });
  });
  if (list) {
    links.filter(function (a) { return a.targetField; }).sort(function (a, b) {
      return a.targetField.compareDocumentPosition(b.targetField) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    }).forEach(function (a) { list.appendChild(a.parentNode); });
  }
  summary.focus();

  // fieldFor finds the element an error names: by id, by name, or the
  // group of per-language fields it begins.
  function fieldFor(field) {
    var el = document.getElementById(field) || document.querySelector('[name="' + CSS.escape(field) + '"]') ||
      document.querySelector('[name^="' + CSS.escape(field) + '."]');
    if (el && !el.id) {
      el.id = "field-" + field.replace(/[^A-Za-z0-9_.-]/g, "-");
    }
    return el;
  }
  // labelOf names a field as its label or its group's legend does.
  function labelOf(el) {
    var text = "";
    if (el.matches("fieldset")) {
      var legend = el.querySelector("legend");
      text = legend ? legend.textContent : "";
    } else if (el.labels && el.labels.length) {
      text = el.labels[0].textContent;
      var group = el.closest("fieldset");
      if (group && el.lang && group.querySelector("legend")) {
        text = group.querySelector("legend").textContent + " (" + text.trim() + ")";
      }
    }
    // A label that is a sentence ("I understand this cannot be undone.")
    // loses its full stop before the colon that follows it.
    return text.replace(/\*/g, "").replace(/\s+/g, " ").trim().replace(/[.。]$/, "");
  }
});

// The compact header of a phone: the search box and the languages wait
// behind two buttons, each opening its panel (the search box takes focus)
// and closing it again, also with Escape. On wider screens, and without
// the script, both are always shown.
document.addEventListener("DOMContentLoaded", function () {
  var toggles = document.querySelector("[data-header-toggles]");
  if (!toggles) {
    return;
  }
  toggles.hidden = false;
  document.documentElement.classList.add("compact-header");
  var buttons = Array.from(toggles.querySelectorAll("[data-toggle]"));
  function set(button, open) {
    var panel = document.getElementById(button.dataset.toggle);
    button.setAttribute("aria-expanded", open ? "true" : "false");
    panel.classList.toggle("open", open);
    return panel;
  }
  buttons.forEach(function (button) {
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      buttons.forEach(function (other) { if (other !== button) { set(other, false); } });
      var panel = set(button, open);
      if (open) {
        var first = panel.querySelector("input, a");
        if (first) { first.focus(); }
      }
    });
    document.getElementById(button.dataset.toggle).addEventListener("keydown", function (ev) {
      if (ev.key === "Escape" && button.getAttribute("aria-expanded") === "true" && !ev.defaultPrevented) {
        set(button, false);
        button.focus();
      }
    });
  });
});

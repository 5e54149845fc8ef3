// The header's search box: without this script it sends its text to the
// search page; with it, what is found shows as you type, in a list box
// that follows the ARIA combobox pattern. Data goes into the page through
// textContent only.
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  var form = document.querySelector("[data-site-search]");
  if (!form || !window.fetch || !window.AbortController) {
    return;
  }
  var input = form.querySelector("input[name=q]");
  var list = form.querySelector("[role=listbox]");
  var status = form.querySelector("[data-search-status]");
  var lang = document.documentElement.lang || "en";
  var types = ["person", "organization", "event", "contribution"];
  var han = /[\u3400-\u9fff\uf900-\ufaff]/;
  var timer = 0;
  var pending = null;
  var options = [];
  var active = -1;

  // The ARIA 1.2 combobox: the input is type="text" (HTML allows the
  // combobox role there, not on type="search"), in a form of role search.
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);

  // enough says whether a query is long enough to ask about: one Chinese
  // character, or three letters of other scripts.
  function enough(q) {
    return han.test(q) ? q.length >= 1 : Array.from(q).length >= 3;
  }

  // pick returns a localized text in the reader's language, else English,
  // else any, with its language.
  function pick(t) {
    if (!t) {
      return null;
    }
    var order = [lang, "en", "zh", "kk", "ru"];
    for (var i = 0; i < order.length; i++) {
      if (t[order[i]]) {
        return { text: t[order[i]], lang: order[i] };
      }
    }
    var keys = Object.keys(t);
    return keys.length ? { text: t[keys[0]], lang: keys[0] } : null;
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (text !== undefined) {
      e.textContent = text;
    }
    return e;
  }

  // spelling writes one spelling of a name, in <mark> when it matched.
  function spelling(text, textLang, matched) {
    var span = el("span");
    if (textLang) {
      span.lang = textLang;
    }
    if (text === matched) {
      span.appendChild(el("mark", "", text));
    } else {
      span.textContent = text;
    }
    return span;
  }

  // personBody writes a person: the name in the reader's language, the
  // other spellings, then organization and country.
  function personBody(item, option) {
    var first = pick(item.name) || { text: (item.aliases || [""])[0], lang: "" };
    var name = el("span", "option-title");
    name.appendChild(spelling(first.text, first.lang, item.matched));
    option.appendChild(name);
    var seen = [first.text];
    var others = el("span", "option-others");
    function other(s, l) {
      if (s && seen.indexOf(s) < 0) {
        seen.push(s);
        others.appendChild(spelling(s, l, item.matched));
        others.appendChild(document.createTextNode(" "));
      }
    }
    ["en", "zh", "kk", "ru"].forEach(function (l) { other(item.name && item.name[l], l); });
    (item.aliases || []).forEach(function (s) { other(s, ""); });
    if (others.childNodes.length) {
      option.appendChild(others);
    }
    var org = pick(item.organization);
    var meta = [org ? org.text : "", item.country || ""].filter(Boolean).join(" · ");
    if (meta) {
      option.appendChild(el("span", "option-meta", meta));
    }
  }

  // thingBody writes an organization, event or contribution by its title
  // or name in the reader's language.
  function thingBody(item, option) {
    var t = pick(item.title) || pick(item.name) || { text: item.url, lang: "" };
    var title = el("span", "option-title", t.text);
    if (t.lang) {
      title.lang = t.lang;
    }
    option.appendChild(title);
    if (item.type === "contribution" && item.event) {
      option.appendChild(el("span", "option-meta", item.event));
    }
  }

  function addOption(body, url) {
    var option = el("div", "search-option");
    option.id = list.id + "-" + options.length;
    option.setAttribute("role", "option");
    option.setAttribute("aria-selected", "false");
    option.dataset.url = url;
    body(option);
    options.push(option);
    return option;
  }

  function render(q, items) {
    list.textContent = "";
    options = [];
    active = -1;
    input.removeAttribute("aria-activedescendant");
    types.forEach(function (type) {
      var found = items.filter(function (it) { return it.type === type; });
      if (!found.length) {
        return;
      }
      var group = el("div", "search-group");
      group.setAttribute("role", "group");
      var label = el("div", "search-group-label", form.dataset["group" + type.charAt(0).toUpperCase() + type.slice(1)]);
      label.id = list.id + "-" + type;
      label.setAttribute("role", "presentation");
      group.setAttribute("aria-labelledby", label.id);
      group.appendChild(label);
      found.forEach(function (item) {
        group.appendChild(addOption(function (o) {
          (type === "person" ? personBody : thingBody)(item, o);
        }, item.url));
      });
      list.appendChild(group);
    });
    if (!items.length) {
      list.appendChild(el("div", "search-empty", form.dataset.none));
    }
    list.appendChild(addOption(function (o) {
      o.classList.add("search-all");
      // The message places the query where its language puts it, in its
      // own quotation marks: «…» бойынша, 查看“…”的全部结果.
      o.appendChild(el("span", "", form.dataset.all.split("{q}").join(q)));
    }, "/search?q=" + encodeURIComponent(q)));
    status.textContent = items.length ? form.dataset.some : form.dataset.none;
    open(true);
  }

  function open(yes) {
    list.hidden = !yes;
    input.setAttribute("aria-expanded", yes ? "true" : "false");
    if (!yes) {
      active = -1;
      input.removeAttribute("aria-activedescendant");
    }
  }

  function highlight(i) {
    if (active >= 0 && options[active]) {
      options[active].setAttribute("aria-selected", "false");
    }
    active = i;
    if (i < 0) {
      input.removeAttribute("aria-activedescendant");
      return;
    }
    options[i].setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", options[i].id);
    options[i].scrollIntoView({ block: "nearest" });
  }

  function ask(q) {
    if (pending) {
      pending.abort();
    }
    pending = new AbortController();
    var url = "/api/v1/search?limit=8&q=" + encodeURIComponent(q);
    fetch(url, { signal: pending.signal, headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (resp) { return resp.ok ? resp.json() : { items: [] }; })
      .then(function (body) {
        if (input.value.trim() === q) {
          render(q, body.items || []);
        }
      })
      .catch(function (err) {
        if (err.name !== "AbortError") {
          open(false);
        }
      });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    var q = input.value.trim();
    if (!enough(q)) {
      if (pending) {
        pending.abort();
      }
      open(false);
      return;
    }
    timer = setTimeout(function () { ask(q); }, 150);
  });

  input.addEventListener("keydown", function (ev) {
    var shown = !list.hidden && options.length > 0;
    switch (ev.key) {
    case "ArrowDown":
      if (shown) {
        ev.preventDefault();
        highlight(active + 1 < options.length ? active + 1 : 0);
      }
      break;
    case "ArrowUp":
      if (shown) {
        ev.preventDefault();
        highlight(active > 0 ? active - 1 : options.length - 1);
      }
      break;
    case "Enter":
      if (shown && active >= 0) {
        ev.preventDefault();
        window.location.href = options[active].dataset.url;
      }
      break;
    case "Escape":
      if (!list.hidden) {
        ev.preventDefault();
        open(false);
      } else if (input.value) {
        ev.preventDefault();
        input.value = "";
      }
      break;
    }
  });

  // Enter on a chosen option opens it rather than sending the form, also
  // where a key press still reaches the form after the key went down.
  form.addEventListener("submit", function (ev) {
    if (!list.hidden && active >= 0) {
      ev.preventDefault();
      window.location.href = options[active].dataset.url;
    }
  });

  // A press on an option keeps the focus in the box; a click opens it.
  list.addEventListener("mousedown", function (ev) { ev.preventDefault(); });
  list.addEventListener("click", function (ev) {
    var option = ev.target.closest("[role=option]");
    if (option) {
      window.location.href = option.dataset.url;
    }
  });
  input.addEventListener("blur", function () { open(false); });
  input.addEventListener("focus", function () {
    if (options.length && enough(input.value.trim())) {
      open(true);
    }
  });
});

// Every page: on a narrow screen the main navigation folds behind a "Menu" button.
// Without JavaScript the links simply wrap onto a second line.
(function () {
  "use strict";
  var nav = document.querySelector(".site-nav");
  var list = document.getElementById("site-nav-list");
  if (!nav || !list) { return; }
  var button = document.createElement("button");
  button.type = "button";
  button.className = "nav-toggle";
  button.textContent = "Menu";
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", list.id);
  nav.insertBefore(button, list);
  nav.classList.add("site-nav--folding");
  button.addEventListener("click", function () {
    var open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", open ? "true" : "false");
    nav.classList.toggle("site-nav--open", open);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && nav.classList.contains("site-nav--open")) {
      nav.classList.remove("site-nav--open");
      button.setAttribute("aria-expanded", "false");
      button.focus();
    }
  });
})();

// A code block wider than its box scrolls inside it: let the keyboard reach it too.
(function () {
  "use strict";
  document.querySelectorAll("pre").forEach(function (pre) {
    if (pre.scrollWidth > pre.clientWidth && !pre.hasAttribute("tabindex")) {
      pre.setAttribute("tabindex", "0");
    }
  });
})();

// Times written in UTC by the server shown in the learner's own zone; the exact time stays on hover.
(function () {
  "use strict";
  document.querySelectorAll("time.local-time[datetime]").forEach(function (node) {
    var moment = new Date(node.getAttribute("datetime"));
    if (isNaN(moment.getTime())) { return; }
    var full = moment.toLocaleString([], { dateStyle: "medium", timeStyle: "short" });
    node.title = full;
    if (node.dataset.format === "keep") { return; } // said in words ("in 3 days"): the title is exact
    node.textContent = node.dataset.format === "time"
      ? moment.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) : full;
  });
})();

// Chat enhancement: ask through the JSON API without reloading, keep the conversation on the page.
(function () {
  "use strict";
  var form = document.getElementById("ask-form");
  if (!form || !window.fetch) { return; }
  var box = document.getElementById("question");
  var list = document.getElementById("conversation");
  var thinking = document.getElementById("thinking");
  var idField = document.getElementById("conversation-id");
  var starters = document.querySelector(".starters");
  var busy = false;
  var hint = document.getElementById("enter-hint");
  if (hint) { hint.hidden = false; } // only true once this script handles Enter

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function addCopyButtons(root) {
    root.querySelectorAll("pre").forEach(function (pre) {
      if (pre.querySelector(".copy-button")) { return; }
      var button = el("button", "copy-button", "Copy");
      button.type = "button";
      button.setAttribute("aria-label", "Copy this code");
      button.addEventListener("click", function () {
        var code = pre.querySelector("code");
        var lines = (code || pre).textContent.replace(/\n$/, "").split("\n");
        // A console block: copy the commands ("$ " lines), not docker's output under them.
        var commands = lines.filter(function (line) { return /^\$ /.test(line); });
        var text = (commands.length ? commands.map(function (line) { return line.slice(2); }) : lines).join("\n");
        navigator.clipboard.writeText(text).then(function () {
          button.textContent = "Copied";
        }, function () {
          button.textContent = "Select and copy";  // the browser refused (no focus, no permission)
        }).then(function () {
          setTimeout(function () { button.textContent = "Copy"; }, 1500);
        });
      });
      pre.classList.add("has-copy");
      pre.insertBefore(button, pre.firstChild);
    });
  }

  function suggestionButton(question) {
    var button = el("button", "suggestion", question);
    button.type = "button";
    button.dataset.question = question;
    return button;
  }

  var THUMB_PATHS = {
    yes: "M7 10v11H3V10h4zm0 0l4-8c1.7 0 3 1.3 3 3v3h5.5c1.2 0 2.1 1.1 1.9 2.3l-1.4 8.4c-.2 1-1 1.3-1.9 1.3H7",
    no: "M17 14V3h4v11h-4zm0 0l-4 8c-1.7 0-3-1.3-3-3v-3H4.5c-1.2 0-2.1-1.1-1.9-2.3l1.4-8.4c.2-1 1-1.3 1.9-1.3H17"
  };

  // The same drawing as templates/_thumb_*.svg: emoji need a font Debian's Chromium may lack.
  function thumbIcon(value) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    var path = document.createElementNS(ns, "path");
    svg.setAttribute("class", "thumb-icon");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", "18");
    svg.setAttribute("height", "18");
    svg.setAttribute("focusable", "false");
    path.setAttribute("fill", "none");
    path.setAttribute("stroke", "currentColor");
    path.setAttribute("stroke-width", "2");
    path.setAttribute("stroke-linejoin", "round");
    path.setAttribute("d", THUMB_PATHS[value]);
    svg.appendChild(path);
    return svg;
  }

  function thumb(helpful) {
    var button = el("button", "thumb");
    var icon = thumbIcon(helpful ? "yes" : "no");
    button.type = "button";
    button.value = helpful ? "yes" : "no";
    button.title = helpful ? "This answer helped" : "This answer did not help";
    button.setAttribute("aria-pressed", "false");
    icon.setAttribute("aria-hidden", "true");
    button.appendChild(icon);
    button.appendChild(el("span", "visually-hidden", button.title));
    return button;
  }

  function feedbackControls(reply) {
    var controls = el("div", "feedback");
    var status = el("span", "feedback-status");
    controls.dataset.turnId = reply.turn_id;
    controls.dataset.conversationId = reply.conversation_id;
    status.setAttribute("role", "status");
    controls.appendChild(el("span", "feedback-prompt", "Helpful?"));
    controls.appendChild(thumb(true));
    controls.appendChild(thumb(false));
    controls.appendChild(status);
    return controls;
  }

  function rate(button) {
    var controls = button.closest(".feedback");
    var status = controls.querySelector(".feedback-status");
    fetch("/api/feedback", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify({
        turn_id: Number(controls.dataset.turnId),
        helpful: button.value === "yes",
        conversation_id: controls.dataset.conversationId
      })
    }).then(function (response) {
      if (!response.ok) { throw new Error("feedback not saved"); }
      controls.querySelectorAll(".thumb").forEach(function (other) {
        other.setAttribute("aria-pressed", other === button ? "true" : "false");
      });
      status.textContent = "Thanks for your feedback.";
    }).catch(function () {
      status.textContent = "Your feedback could not be saved. Try again in a moment.";
    });
  }

  function renderReply(reply) {
    var item = el("li", "turn turn--answer");
    var wrap = el("div", "answer answer--" + reply.kind);
    if (reply.did_you_mean) {
      var note = el("p", "did-you-mean", "Showing results for ");
      note.appendChild(el("em", "", reply.did_you_mean));
      wrap.appendChild(note);
    }
    if (reply.kind === "answer" && reply.confidence < 0.5) {
      wrap.appendChild(el("p", "confidence confidence--low",
        "Not sure this is what you asked: check the source, or ask in other words."));
    }
    var body = el("div", "answer-body");
    body.innerHTML = reply.answer.html; // sanitized on the server by nh3
    wrap.appendChild(body);
    if (reply.sources && reply.sources.length) {
      var sources = el("p", "sources", "Source: ");
      reply.sources.forEach(function (s, i) {
        var link = el("a", "", s.section && s.section !== s.title ? s.title + " — " + s.section : s.title);
        link.href = s.url;
        if (i) { sources.appendChild(document.createTextNode(", ")); }
        sources.appendChild(link);
      });
      wrap.appendChild(sources);
    }
    var details = window.ShipshapeWhy ? window.ShipshapeWhy.details(reply) : null;
    if (details) { wrap.appendChild(details); }
    if (reply.suggestions && reply.suggestions.length) {
      var group = el("div", "suggestions");
      group.setAttribute("aria-label", "Suggested questions");
      reply.suggestions.forEach(function (q) { group.appendChild(suggestionButton(q)); });
      wrap.appendChild(group);
    }
    if (reply.turn_id) { wrap.appendChild(feedbackControls(reply)); }
    item.appendChild(wrap);
    addCopyButtons(item);
    return item;
  }

  function showError(message) {
    var item = el("li", "turn turn--answer");
    item.appendChild(el("p", "form-error", message));
    list.appendChild(item);
  }

  // The address names the conversation (?c=), so a reload, Back or a shared link shows it:
  // the server renders a conversation's turns from ?c=. `ask` leaves, or a reload asks again.
  function keepInAddress(conversationId) {
    if (!window.history || !history.replaceState) { return; }
    var params = new URLSearchParams(location.search);
    params.delete("ask");
    if (conversationId) { params.set("c", conversationId); } else { params.delete("c"); }
    var query = params.toString();
    history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  function ask(question) {
    question = question.trim();
    if (!question || busy) { return; }
    busy = true;
    if (starters) { starters.hidden = true; }
    var mine = el("li", "turn turn--question");
    mine.appendChild(el("p", "", question));
    list.appendChild(mine);
    thinking.hidden = false;
    form.setAttribute("aria-busy", "true");
    fetch("/api/ask", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify({ question: question, conversation_id: idField.value || null })
    }).then(function (response) {
      return response.json().then(function (data) { return { ok: response.ok, data: data }; });
    }).then(function (result) {
      if (!result.ok) {
        showError((result.data.error && result.data.error.message) || "That did not work.");
        return;
      }
      idField.value = result.data.conversation_id;
      keepInAddress(result.data.conversation_id);
      list.appendChild(renderReply(result.data));
    }).catch(function () {
      showError("The chat could not be reached. Check your connection and try again.");
    }).then(function () {
      busy = false;
      thinking.hidden = true;
      form.removeAttribute("aria-busy");
      mine.scrollIntoView({ behavior: "smooth", block: "start" });
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    // Sent while the last answer is on its way: ask() would drop it, so it stays in the box.
    if (busy) { return; }
    var question = box.value;
    box.value = "";
    ask(question);
    box.focus();
  });

  box.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest(".suggestion");
    if (!button || !button.dataset.question) { return; }
    event.preventDefault();
    ask(button.dataset.question);
    box.focus();
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest(".feedback .thumb");
    if (!button) { return; }
    event.preventDefault(); // rate through the API instead of posting the form
    rate(button);
  });

  addCopyButtons(document);
  var asked = new URLSearchParams(location.search).has("ask");
  keepInAddress(idField.value || null);
  if (box.value.trim() && asked) {
    var prefilled = box.value;
    box.value = "";
    ask(prefilled);
  }
})();

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
        var text = (code || pre).textContent.replace(/^\$ /gm, "");
        navigator.clipboard.writeText(text).then(function () {
          button.textContent = "Copied";
          setTimeout(function () { button.textContent = "Copy"; }, 1500);
        });
      });
      pre.appendChild(button);
    });
  }

  function suggestionButton(question) {
    var button = el("button", "suggestion", question);
    button.type = "button";
    button.dataset.question = question;
    return button;
  }

  function thumb(helpful) {
    var button = el("button", "thumb");
    var icon = el("span", "", helpful ? "\uD83D\uDC4D" : "\uD83D\uDC4E");
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
      try { sessionStorage.setItem("shipshape.conversation", result.data.conversation_id); } catch (e) { /* private mode */ }
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
  if (box.value.trim() && new URLSearchParams(location.search).has("ask")) {
    var prefilled = box.value;
    box.value = "";
    ask(prefilled);
  }
})();

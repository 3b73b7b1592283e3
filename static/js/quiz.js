// Quiz enhancement: each answer saved as it is given (PUT /attempts/<id>/answers/<qid>) with a
// visible state and a retry when offline, a warning before leaving with unsaved changes, a live
// progress bar, and a countdown announced to screen readers at thresholds. Without this script
// the page's Save button does the same work.
(function () {
  "use strict";
  var form = document.getElementById("quiz-form");
  var progress = document.getElementById("progress");
  if (!form || !progress || !window.fetch) { return; }
  var attemptId = form.dataset.attemptId;
  var token = form.querySelector("[name=csrf_token]");
  var status = document.getElementById("save-status");
  var unsaved = {};     // question id -> true while its latest answer is not on the server
  var sending = {};     // question id -> true while a PUT of its answer is on its way
  var again = {};       // question id -> true when it changed meanwhile: save once that PUT is back
  var flagsChanged = false;
  var leaving = false;
  var retryDelay = 2000;
  var retryTimer = null;
  var typing = {};

  function fields(question) { return question.querySelectorAll("input:not([name^=flag-]), select"); }

  function responseOf(question) {
    var id = question.dataset.questionId, type = question.dataset.type, prefix = "q-" + id + "-";
    var list = Array.prototype.slice.call(fields(question));
    var checked = list.filter(function (f) { return f.checked; }).map(function (f) { return f.value; });
    if (type === "single_choice") { return checked.length ? checked[0] : null; }
    if (type === "multiple_choice") { return checked.length ? checked : null; }
    if (type === "true_false") { return checked.length ? checked[0] === "true" : null; }
    if (type === "short_answer" || type === "command") { return list[0].value.trim() || null; }
    var picked = {};
    list.forEach(function (f) { if (f.value) { picked[f.name.slice(prefix.length)] = f.value; } });
    var ids = Object.keys(picked);
    if (type === "classify") { return ids.length ? picked : null; }
    if (ids.length !== list.length) { return null; } // ordering: every step needs its place
    var places = ids.map(function (k) { return picked[k]; });
    if (new Set(places).size !== places.length) { return null; } // two steps in one place
    return ids.sort(function (a, b) { return Number(picked[a]) - Number(picked[b]); });
  }

  function setState(question, state, text) {
    var badge = question.querySelector(".answer-state");
    badge.dataset.state = state;
    badge.textContent = text;
  }

  function pendingCount() { return Object.keys(unsaved).length; }

  function say(text) { status.textContent = text; }

  // One PUT at a time per question: two side by side may reach the server in either order, and
  // the older answer would then be the one kept while the page says the newer one is saved.
  function save(question) {
    var id = question.dataset.questionId;
    if (sending[id]) {
      again[id] = true;
      unsaved[id] = true;
      setState(question, "saving", "Saving…");
      return;
    }
    var response = responseOf(question);
    if (response === null) { delete unsaved[id]; setState(question, "empty", ""); return; }
    unsaved[id] = true;
    sending[id] = true;
    setState(question, "saving", "Saving…");
    fetch("/attempts/" + encodeURIComponent(attemptId) + "/answers/" + encodeURIComponent(id), {
      method: "PUT",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json",
                 "X-CSRFToken": token ? token.value : "" },
      body: JSON.stringify({ response: response })
    }).then(function (reply) {
      if (JSON.stringify(responseOf(question)) !== JSON.stringify(response)) { return; } // changed meanwhile
      if (reply.ok) {
        delete unsaved[id];
        retryDelay = 2000;
        setState(question, "saved", "Saved");
        say(pendingCount() ? "Saving…" : "All answers saved.");
        return;
      }
      return reply.json().catch(function () { return {}; }).then(function (data) {
        var message = (data.error && data.error.message) || "Not saved.";
        setState(question, "error", "Not saved: use “Save answers”");
        say(message + " Use “Save answers” below to keep your answers.");
      });
    }).catch(function () {
      setState(question, "error", "Not saved yet: offline");
      say("You seem to be offline: " + pendingCount() + " answer(s) not saved yet. Retrying…");
      retryLater();
    }).then(function () {
      delete sending[id];
      if (again[id]) { delete again[id]; save(question); }
    });
  }

  function retryAll() {
    retryTimer = null;
    form.querySelectorAll(".question").forEach(function (q) {
      if (unsaved[q.dataset.questionId]) { save(q); }
    });
  }

  function retryLater() {
    if (retryTimer) { return; }
    retryTimer = setTimeout(retryAll, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 30000);
  }

  function updateProgress() {
    var done = 0;
    form.querySelectorAll(".question").forEach(function (q) { if (responseOf(q) !== null) { done += 1; } });
    progress.value = done;
    var label = document.querySelector('label[for="progress"]');
    if (label) { label.textContent = "Answered " + done + " of " + progress.max; }
  }

  form.addEventListener("change", function (event) {
    var question = event.target.closest(".question");
    updateProgress();
    if (!question) { return; }
    if (event.target.name && event.target.name.indexOf("flag-") === 0) { flagsChanged = true; return; }
    clearTimeout(typing[question.dataset.questionId]);
    save(question);
  });

  form.addEventListener("input", function (event) {
    var question = event.target.closest(".question");
    updateProgress();
    if (!question || event.target.type !== "text") { return; }
    var id = question.dataset.questionId;
    unsaved[id] = true;
    setState(question, "editing", "");
    clearTimeout(typing[id]);
    typing[id] = setTimeout(function () { save(question); }, 800);
  });

  // The script is deferred: on a slow connection a learner can answer before it runs, and that
  // answer would wait for the next change. What differs from the page as served is saved now.
  function changedBeforeScript(question) {
    return Array.prototype.some.call(fields(question), function (f) {
      if (f.tagName === "SELECT") { return f.value !== servedChoice(f); }
      if (f.type === "radio" || f.type === "checkbox") { return f.checked !== f.defaultChecked; }
      return f.value !== f.defaultValue;
    });
  }

  function servedChoice(select) {
    var served = Array.prototype.filter.call(select.options, function (o) { return o.defaultSelected; });
    var shown = served.length ? served[0] : select.options[0];
    return shown ? shown.value : "";
  }

  form.querySelectorAll(".question").forEach(function (q) { if (changedBeforeScript(q)) { save(q); } });
  updateProgress();

  form.addEventListener("submit", function () { leaving = true; });
  window.addEventListener("online", retryAll);
  window.addEventListener("beforeunload", function (event) {
    if (leaving || (!pendingCount() && !flagsChanged)) { return; }
    event.preventDefault();
    event.returnValue = "";
  });
})();

(function () {
  "use strict";
  var clock = document.getElementById("time-left");
  var announcer = document.getElementById("timer-announce");
  if (!clock) { return; }
  var deadline = Date.parse(clock.dataset.deadline);
  clock.setAttribute("aria-hidden", "true"); // ticks every second: the thresholds are announced instead
  var thresholds = [600, 300, 120, 60, 30, 10];
  var said = {};
  function tick() {
    var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    var minutes = Math.floor(left / 60), seconds = left % 60;
    clock.textContent = minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
    thresholds.forEach(function (t) {
      if (left <= t && !said[t] && left > 0) {
        said[t] = true;
        announcer.textContent = t >= 60 ? (t / 60) + " minutes left" : t + " seconds left";
      }
    });
    if (left === 0) {
      announcer.textContent = "Time is up. Answers saved before the deadline count.";
      return;
    }
    setTimeout(tick, 1000);
  }
  thresholds.forEach(function (t) { if ((deadline - Date.now()) / 1000 < t) { said[t] = true; } });
  tick();
})();

// Quiz enhancement: a live progress bar and a countdown announced to screen readers at thresholds.
(function () {
  "use strict";
  var form = document.getElementById("quiz-form");
  var progress = document.getElementById("progress");
  if (form && progress) {
    var update = function () {
      var done = 0;
      form.querySelectorAll(".question").forEach(function (q) {
        var filled = Array.prototype.some.call(q.querySelectorAll("input, select"), function (f) {
          return (f.type === "radio" || f.type === "checkbox") ? f.checked : f.value.trim() !== "";
        });
        if (filled) { done += 1; }
      });
      progress.value = done;
      var label = document.querySelector('label[for="progress"]');
      if (label) { label.textContent = "Answered " + done + " of " + progress.max; }
    };
    form.addEventListener("change", update);
    form.addEventListener("input", update);
  }

  var clock = document.getElementById("time-left");
  var announcer = document.getElementById("timer-announce");
  if (!clock) { return; }
  var deadline = Date.parse(clock.dataset.deadline);
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

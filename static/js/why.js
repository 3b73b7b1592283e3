// "Why this answer?" in words for a reply that arrives through the API: the same disclosure
// templates/_why.html renders on the server. Used by chat.js.
(function () {
  "use strict";

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function confidenceWords(value) {
    return value >= 0.8 ? "Likely" : value >= 0.5 ? "Fairly likely" : "Not sure";
  }

  function runnerUpWords(ratio) {
    return ratio >= 0.85 ? "nearly as close a match" : ratio >= 0.6 ? "a weaker match" : "a much weaker match";
  }

  function whyRow(list, term, content) {
    var row = el("div");
    row.appendChild(el("dt", "", term));
    var detail = el("dd");
    if (typeof content === "string") { detail.textContent = content; } else { detail.appendChild(content); }
    row.appendChild(detail);
    list.appendChild(row);
  }

  function codeList(words) {
    var span = el("span");
    words.forEach(function (word, i) {
      if (i) { span.appendChild(document.createTextNode(", ")); }
      span.appendChild(el("code", "", word));
    });
    return span;
  }

  // The evidence behind a reply in words, as templates/_why.html shows it without JavaScript.
  function whyDetails(reply) {
    var why = reply.why;
    if (!why) { return null; }
    why = { matched: why.matched || [], runners_up: why.runners_up || [],
            closest_question: why.closest_question, basis: why.basis };
    if (!why.matched.length && !why.runners_up.length && !why.basis) { return null; }
    var details = el("details", "why");
    details.appendChild(el("summary", "", "Why this answer?"));
    var list = el("dl");
    if (reply.kind === "answer") {
      whyRow(list, "How sure", confidenceWords(reply.confidence) + " that this is the right section (about " +
        Math.min(Math.round(reply.confidence * 100), 99) + "%)");
    }
    if (why.basis) { whyRow(list, "How this reply was made", why.basis.replace(/`/g, "")); }
    if (why.matched.length) { whyRow(list, "Your words found in it", codeList(why.matched)); }
    if (why.closest_question) {
      whyRow(list, "Closest question an instructor wrote", "\u201c" + why.closest_question + "\u201d");
    }
    if (why.runners_up.length) {
      var best = reply.sources && reply.sources.length ? reply.sources[0].score : 0;
      var others = el("ul");
      why.runners_up.forEach(function (r) {
        var item = el("li");
        var link = el("a", "", r.section !== r.title ? r.title + " — " + r.section : r.title);
        link.href = r.url;
        item.appendChild(link);
        item.appendChild(el("span", "runner-up-note", " (" + runnerUpWords(best ? r.score / best : 0) + ")"));
        others.appendChild(item);
      });
      whyRow(list, "Also considered", others);
    }
    details.appendChild(list);
    return details;
  }

  window.ShipshapeWhy = { details: whyDetails };
})();

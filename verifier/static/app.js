// Keyboard help for the pages; everything also works without JavaScript.
(function () {
  "use strict";
  function typing(el) {
    return el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable);
  }
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.row"));
  var current = -1;
  function select(i) {
    if (!rows.length) return;
    current = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach(function (r, j) { r.classList.toggle("current", j === current); });
    var link = rows[current].querySelector("a.open");
    if (link) link.focus();
  }
  document.addEventListener("keydown", function (ev) {
    if (ev.altKey || ev.ctrlKey || ev.metaKey || typing(document.activeElement)) return;
    var form = document.getElementById("review-form");
    if (ev.key === "j") { select(current + 1); ev.preventDefault(); }
    else if (ev.key === "k") { select(current - 1); ev.preventDefault(); }
    else if (ev.key === "/") {
      var first = document.getElementById("filter-first");
      if (first) { first.focus(); ev.preventDefault(); }
    } else if (ev.key === "g") { window.location.href = "/"; }
    else if (form && (ev.key === "v" || ev.key === "u" || ev.key === "c")) {
      var value = { v: "verified", u: "unverified", c: "contradicted" }[ev.key];
      var radio = form.querySelector('input[name="status"][value="' + value + '"]');
      if (radio) { radio.checked = true; document.getElementById("note").focus(); ev.preventDefault(); }
    }
  });
})();

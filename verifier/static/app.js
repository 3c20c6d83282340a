// Keyboard help and small conveniences for the pages; everything also works without JavaScript.
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
  // the report page: jump from one contradiction to the next (wraps around)
  var contra = Array.prototype.slice.call(document.querySelectorAll("#report-text .claim.st-contradicted[id]"));
  var at = -1;
  function nextContradiction() {
    if (!contra.length) return;
    at = (at + 1) % contra.length;
    contra.forEach(function (c, j) { c.classList.toggle("current", j === at); });
    contra[at].scrollIntoView({ block: "center" });
    contra[at].focus();
    if (history.replaceState) history.replaceState(null, "", "#" + contra[at].id);
  }
  var nextBtn = document.getElementById("next-contradiction");
  if (nextBtn) nextBtn.addEventListener("click", nextContradiction);
  var all = document.getElementById("select-all");
  if (all) all.addEventListener("change", function () {
    document.querySelectorAll('input[name="claim_id"]').forEach(function (b) { b.checked = all.checked; });
  });
  document.addEventListener("keydown", function (ev) {
    var form = document.getElementById("review-form");
    if (form && ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) {
      var next = document.getElementById("save-next");
      if (next) { next.click(); ev.preventDefault(); }
      return;
    }
    if (ev.altKey || ev.ctrlKey || ev.metaKey || typing(document.activeElement)) return;
    if (ev.key === "j") { select(current + 1); ev.preventDefault(); }
    else if (ev.key === "k") { select(current - 1); ev.preventDefault(); }
    else if (ev.key === "/") {
      var first = document.getElementById("filter-first");
      if (first) { first.focus(); ev.preventDefault(); }
    } else if (ev.key === "s") {
      var box = document.getElementById("search-box");
      if (box) { box.focus(); ev.preventDefault(); }
    } else if (ev.key === "n" && contra.length) { nextContradiction(); ev.preventDefault(); }
    else if (ev.key === "g") { window.location.href = document.body.getAttribute("data-queue") || "/"; }
    else if (form && (ev.key === "v" || ev.key === "u" || ev.key === "c")) {
      var value = { v: "verified", u: "unverified", c: "contradicted" }[ev.key];
      var radio = form.querySelector('input[name="status"][value="' + value + '"]');
      if (radio) { radio.checked = true; document.getElementById("note").focus(); ev.preventDefault(); }
    }
  });
  // the upload page: poll the job until it is done
  var job = document.getElementById("job");
  if (job && job.getAttribute("data-finished") !== "true" && window.fetch) {
    var poll = function () {
      fetch("/api/jobs/" + job.getAttribute("data-job"), { credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (j) {
          document.getElementById("job-stage").textContent = j.stage;
          document.getElementById("job-progress").textContent = j.total ? j.done + " / " + j.total : "";
          var bar = document.getElementById("job-bar");
          bar.max = j.total || 1; bar.value = j.total ? j.done : 0;
          if (j.finished) { window.location.reload(); } else { setTimeout(poll, 700); }
        })
        .catch(function () { setTimeout(poll, 2000); });
    };
    setTimeout(poll, 500);
  }
})();

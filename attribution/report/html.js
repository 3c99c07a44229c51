(function () {
  "use strict";
  // Findings in list order; each names the highlights to mark (data-g on the marks) and the
  // two to bring into view (data-go). Everything else is in the page without this script.
  var findings = Array.prototype.slice.call(document.querySelectorAll("#findings .finding"));
  var current = -1;
  var lit = [];

  function shown(finding) {
    var box = document.getElementById("show-" + finding.getAttribute("data-severity"));
    return !box || box.checked;
  }

  // The severity filter: a class on the list per unticked box, so hiding thousands of
  // findings is one change of style, not one per finding.
  var list = document.getElementById("findings");
  var boxes = document.querySelectorAll(".filter input[type=checkbox]");
  for (var b = 0; b < boxes.length; b++) {
    boxes[b].addEventListener("change", function (event) {
      var box = event.target;
      list.classList.toggle("hide-" + box.id.slice("show-".length), !box.checked);
    });
  }

  function unmark() {
    for (var i = 0; i < lit.length; i++) { lit[i].classList.remove("on"); }
    lit = [];
    if (current >= 0) {
      findings[current].classList.remove("current");
      findings[current].removeAttribute("aria-current");
    }
  }

  function select(index) {
    if (index < 0 || index >= findings.length) { return; }
    unmark();
    current = index;
    var finding = findings[index];
    finding.classList.add("current");
    finding.setAttribute("aria-current", "true");
    lit = Array.prototype.slice.call(
      document.querySelectorAll('[data-g~="' + finding.id + '"]'));
    for (var i = 0; i < lit.length; i++) { lit[i].classList.add("on"); }
    var targets = (finding.getAttribute("data-go") || "").split(" ");
    for (var j = 0; j < targets.length; j++) {
      var target = targets[j] && document.getElementById(targets[j]);
      if (target) { target.scrollIntoView({ block: "center", inline: "nearest" }); }
    }
    finding.scrollIntoView({ block: "nearest" });
    finding.focus({ preventScroll: true });
  }

  function step(by) {
    for (var i = current + by; i >= 0 && i < findings.length; i += by) {
      if (shown(findings[i])) { select(i); return; }
    }
  }

  if (list) {
    list.addEventListener("click", function (event) {
      var finding = event.target.closest(".finding");
      if (!finding) { return; }
      if (event.target.closest("a")) { event.preventDefault(); }
      select(findings.indexOf(finding));
    });
  }

  // A click on a highlighted quote selects the first finding it belongs to.
  document.addEventListener("click", function (event) {
    var mark = event.target.closest && event.target.closest(".columns [data-g]");
    if (!mark) { return; }
    var first = document.getElementById(mark.getAttribute("data-g").split(" ")[0]);
    if (first) { select(findings.indexOf(first)); }
  });

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var tag = event.target && event.target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") {
      if (event.target.type !== "checkbox") { return; }
    }
    if (event.key === "j") { step(1); event.preventDefault(); }
    else if (event.key === "k") { step(current < 0 ? 1 : -1); event.preventDefault(); }
  });

  document.documentElement.classList.add("js");
})();

// Filters the lab's publication list by year and member (the list is complete without JavaScript).
// ?year=2021&member=ada-lovelace preselects them, so a filtered list can be linked.
(function () {
  "use strict";
  var form = document.querySelector("form.filters");
  if (!form) { return; }
  var year = document.getElementById("filter-year");
  var member = document.getElementById("filter-member");
  var count = document.getElementById("filter-count");
  var papers = Array.prototype.slice.call(document.querySelectorAll("section.year li.paper"));
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.year"));
  function apply() {
    var shown = 0;
    papers.forEach(function (paper) {
      var members = (paper.getAttribute("data-members") || "").split(" ");
      var visible = (!year.value || paper.getAttribute("data-year") === year.value) &&
        (!member.value || members.indexOf(member.value) !== -1);
      paper.hidden = !visible;
      if (visible) { shown += 1; }
    });
    sections.forEach(function (section) {
      section.hidden = !section.querySelector("li.paper:not([hidden])");
    });
    count.textContent = shown + " of " + papers.length + " publications";
  }
  var query = new URLSearchParams(window.location.search);
  [[year, "year"], [member, "member"]].forEach(function (pair) {
    var wanted = query.get(pair[1]);
    if (wanted && Array.prototype.some.call(pair[0].options, function (o) { return o.value === wanted; })) {
      pair[0].value = wanted;
    }
    pair[0].addEventListener("change", apply);
  });
  form.hidden = false;
  apply();
}());

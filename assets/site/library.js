// Sorting and filtering the list of postmortems. The table is complete without this
// script; it only reorders and hides rows. The choices live in the address
// (?q=…&severity=…&status=…&sort=…&order=…), so a filtered list can be bookmarked.
(function () {
  "use strict";
  var table = document.querySelector("table.library");
  if (!table) {
    return;
  }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var words = document.getElementById("filter-words");
  var severity = document.getElementById("filter-severity");
  var status = document.getElementById("filter-status");
  var shown = document.getElementById("shown");
  var sortKey = "";
  var descending = false;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  rows.forEach(function (row, index) {
    row.dataset.order = String(index);
    row.dataset.words = fold(row.textContent);
  });

  function cellValue(row, column) {
    var cell = row.cells[column];
    var value = cell.getAttribute("data-value");
    return value === null ? fold(cell.textContent.trim()) : value;
  }

  function sortBy(key, wantDescending) {
    var column = -1;
    headers.forEach(function (header, index) {
      if (header.dataset.key === key) {
        column = index;
        header.setAttribute("aria-sort", wantDescending ? "descending" : "ascending");
      } else {
        header.removeAttribute("aria-sort");
      }
    });
    if (column < 0) {
      return;
    }
    var numeric = headers[column].dataset.kind === "number";
    sortKey = key;
    descending = wantDescending;
    var sorted = rows.slice().sort(function (a, b) {
      var left = cellValue(a, column);
      var right = cellValue(b, column);
      var order = numeric ? Number(left) - Number(right) : left < right ? -1 : left > right ? 1 : 0;
      if (descending) {
        order = -order;
      }
      return order || Number(a.dataset.order) - Number(b.dataset.order);
    });
    sorted.forEach(function (row) {
      body.appendChild(row);
    });
  }

  function applyFilters() {
    var wanted = fold(words.value).split(/\s+/).filter(Boolean);
    var count = 0;
    rows.forEach(function (row) {
      var visible = wanted.every(function (word) {
        return row.dataset.words.indexOf(word) >= 0;
      }) &&
        (!severity.value || row.dataset.severity === severity.value) &&
        (!status.value || row.dataset.status === status.value);
      row.hidden = !visible;
      if (visible) {
        count += 1;
      }
    });
    shown.textContent = count === rows.length
      ? rows.length + (rows.length === 1 ? " postmortem" : " postmortems")
      : count + " of " + rows.length + " postmortems shown";
  }

  function remember() {
    var params = new URLSearchParams();
    if (words.value) { params.set("q", words.value); }
    if (severity.value) { params.set("severity", severity.value); }
    if (status.value) { params.set("status", status.value); }
    if (sortKey) {
      params.set("sort", sortKey);
      params.set("order", descending ? "desc" : "asc");
    }
    var query = params.toString();
    try {
      history.replaceState(null, "", query ? "?" + query : location.pathname);
    } catch (ignored) {
      // Some browsers refuse to change the address of a page opened from a file.
    }
  }

  headers.forEach(function (header) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = header.textContent;
    header.textContent = "";
    header.appendChild(button);
    button.addEventListener("click", function () {
      var key = header.dataset.key;
      sortBy(key, key === sortKey ? !descending : key === "date" || key === "open" || key === "duration");
      remember();
    });
  });

  var params = new URLSearchParams(location.search);
  words.value = params.get("q") || "";
  severity.value = params.get("severity") || "";
  status.value = params.get("status") || "";
  if (params.get("sort")) {
    sortBy(params.get("sort"), params.get("order") === "desc");
  }
  [words, severity, status].forEach(function (control) {
    control.addEventListener("input", function () {
      applyFilters();
      remember();
    });
  });
  document.getElementById("filters").hidden = false;
  applyFilters();
}());

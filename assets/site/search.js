// The site's search: looks each word of the query up, as a prefix, in the index the page
// holds, and lists the postmortems that have every word, with the parts they are in.
// The query lives in the address (?q=…), so a search can be bookmarked and shared.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("search-data").textContent);
  var input = document.getElementById("search-words");
  var status = document.getElementById("search-status");
  var results = document.getElementById("results");
  var SHOWN = 100;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function words(text) {
    return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  // The first term not before `word`.
  function firstFrom(word) {
    var low = 0;
    var high = data.terms.length;
    while (low < high) {
      var middle = (low + high) >>> 1;
      if (data.terms[middle] < word) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  // For each postmortem that has a term starting with `word`: the parts it is in.
  function lookUp(word) {
    var found = new Map();
    for (var at = firstFrom(word); at < data.terms.length && data.terms[at].lastIndexOf(word, 0) === 0; at += 1) {
      var postings = data.postings[at];
      for (var i = 0; i < postings.length; i += 2) {
        var parts = found.get(postings[i]);
        if (!parts) {
          parts = new Set();
          found.set(postings[i], parts);
        }
        parts.add(postings[i + 1]);
      }
    }
    return found;
  }

  function search(query) {
    var wanted = words(query);
    if (wanted.length === 0) {
      return null;
    }
    var matches = null;
    wanted.forEach(function (word) {
      var found = lookUp(word);
      if (matches === null) {
        matches = found;
        return;
      }
      matches.forEach(function (parts, doc) {
        var more = found.get(doc);
        if (!more) {
          matches.delete(doc);
        } else {
          more.forEach(function (part) { parts.add(part); });
        }
      });
    });
    var title = data.parts.indexOf("Title");
    return Array.from(matches.entries()).sort(function (a, b) {
      var inTitle = Number(b[1].has(title)) - Number(a[1].has(title));
      return inTitle || b[1].size - a[1].size || a[0] - b[0];
    });
  }

  function show(query) {
    // How long a search takes, the list drawn, is kept on the list for the benchmark.
    var started = performance.now();
    var found = search(query);
    results.textContent = "";
    if (found === null) {
      status.textContent = "";
      results.dataset.ms = (performance.now() - started).toFixed(2);
      return;
    }
    status.textContent = found.length === 0
      ? "No postmortem has all of these words."
      : (found.length === 1 ? "1 postmortem" : found.length + " postmortems") +
        (found.length > SHOWN ? "; the first " + SHOWN + " are shown." : "");
    found.slice(0, SHOWN).forEach(function (match) {
      var doc = data.docs[match[0]];
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = doc[1];
      link.textContent = doc[0];
      item.appendChild(link);
      var meta = [doc[2], doc[3], doc[4]].filter(Boolean).join(" \u00b7 ");
      if (meta) {
        var about = document.createElement("span");
        about.className = "meta";
        about.textContent = meta;
        item.appendChild(about);
      }
      var parts = document.createElement("span");
      parts.className = "found";
      parts.textContent = "Found in: " + Array.from(match[1]).sort(function (a, b) { return a - b; })
        .map(function (part) { return data.parts[part]; }).join(", ");
      item.appendChild(parts);
      results.appendChild(item);
    });
    results.dataset.ms = (performance.now() - started).toFixed(2);
  }

  input.addEventListener("input", function () {
    show(input.value);
    try {
      history.replaceState(null, "", input.value ? "?q=" + encodeURIComponent(input.value) : location.pathname);
    } catch (ignored) {
      // Some browsers refuse to change the address of a page opened from a file.
    }
  });
  input.value = new URLSearchParams(location.search).get("q") || "";
  show(input.value);
}());

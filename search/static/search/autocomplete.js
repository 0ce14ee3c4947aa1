// Autocomplete for the header's search box: progressive enhancement, the form works without it.
(function () {
  "use strict";
  document.querySelectorAll("form[data-autocomplete-url]").forEach(function (form) {
    var input = form.querySelector("input[name=q]");
    if (!input || !window.fetch) return;
    var list = document.createElement("ul");
    list.id = input.id + "-suggestions";
    list.className = "search-suggestions";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    form.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");
    var timer = null;
    var controller = null;

    function close() {
      list.hidden = true;
      list.textContent = "";
      input.setAttribute("aria-expanded", "false");
    }

    function show(results) {
      list.textContent = "";
      results.forEach(function (result) {
        var item = document.createElement("li");
        item.setAttribute("role", "option");
        var link = document.createElement("a");
        link.href = result.url;
        link.textContent = result.title;
        item.appendChild(link);
        list.appendChild(item);
      });
      list.hidden = results.length === 0;
      input.setAttribute("aria-expanded", results.length ? "true" : "false");
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      var query = input.value.trim();
      if (query.length < 2) return close();
      timer = setTimeout(function () {
        if (controller) controller.abort();
        controller = new AbortController();
        var url = form.dataset.autocompleteUrl + "?q=" + encodeURIComponent(query);
        fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (data) { show(data.results || []); })
          .catch(function () { /* aborted or offline: the plain form still works */ });
      }, 200);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") close();
      if (event.key === "ArrowDown" && !list.hidden) {
        event.preventDefault();
        var first = list.querySelector("a");
        if (first) first.focus();
      }
    });
    document.addEventListener("click", function (event) {
      if (!form.contains(event.target)) close();
    });
  });
})();

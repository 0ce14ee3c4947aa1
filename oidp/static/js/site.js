// Progressive enhancement only: without JavaScript the menus are simply always shown.
(function () {
    "use strict";
    document.documentElement.classList.add("js");
    var toggle = document.querySelector(".menu-toggle");
    var menus = document.getElementById("site-menus");
    if (!toggle || !menus) {
        return;
    }
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
        var open = toggle.getAttribute("aria-expanded") === "true";
        toggle.setAttribute("aria-expanded", String(!open));
        menus.classList.toggle("is-open", !open);
    });
    document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
            toggle.setAttribute("aria-expanded", "false");
            menus.classList.remove("is-open");
            toggle.focus();
        }
    });
})();

/* The map view of the repository: Leaflet from the project's own static files, tiles from
   the configured server. Without Leaflet or tiles, the list below the map stays the view. */
(function () {
    "use strict";
    var container = document.getElementById("experience-map");
    var data = document.getElementById("experience-map-points");
    if (!container || !data || typeof window.L === "undefined" || !container.dataset.tiles) {
        if (container) { container.hidden = true; }
        return;
    }
    var points = JSON.parse(data.textContent);
    var map = window.L.map(container, { scrollWheelZoom: false, keyboard: true });
    window.L.tileLayer(container.dataset.tiles, {
        attribution: container.dataset.attribution || "",
        maxZoom: 18
    }).addTo(map);
    var markers = points.map(function (point) {
        var link = document.createElement("a");
        link.href = point.url;
        link.textContent = point.title;
        var popup = document.createElement("div");
        popup.appendChild(link);
        var place = document.createElement("p");
        place.textContent = point.place;
        popup.appendChild(place);
        return window.L.marker([point.lat, point.lng], { title: point.title, alt: point.title }).bindPopup(popup);
    });
    var group = window.L.featureGroup(markers).addTo(map);
    if (markers.length) {
        map.fitBounds(group.getBounds().pad(0.2));
    } else {
        map.setView([20, 0], 2);
    }
}());

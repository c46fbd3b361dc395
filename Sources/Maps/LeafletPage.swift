import Foundation
import Geo

/// The interactive map: one HTML file that works offline, Leaflet inlined
/// from the system's libjs-leaflet (or `--leaflet DIR`), the layers in
/// WGS 84 as GeoJSON with their printed styles. Zoom buttons, a layer
/// switcher, a "fit" button per layer, the legend, a popup with each
/// feature's properties on click (or tap), a search box by name, and the
/// `--labels` of layers of up to 500 features as labels. A
/// basemap only when a tile URL template or a local MBTiles file (inlined,
/// `MBTilesBasemap`) is given; nothing else is fetched
/// (Leaflet's CSS loses its `url(...)` images, which the page never uses).
public enum LeafletPage {
    /// leaflet.js (or leaflet.min.js) and leaflet.css from `directory`.
    public static func leaflet(in directory: String) throws -> (script: String, style: String) {
        let folder = URL(fileURLWithPath: directory)
        let manager = FileManager.default
        let scriptURL = ["leaflet.min.js", "leaflet.js"].map { folder.appendingPathComponent($0) }.first { manager.fileExists(atPath: $0.path) }
        let styleURL = folder.appendingPathComponent("leaflet.css")
        guard let scriptURL, manager.fileExists(atPath: styleURL.path),
              let script = try? String(contentsOf: scriptURL, encoding: .utf8),
              let style = try? String(contentsOf: styleURL, encoding: .utf8) else {
            throw MapError("the HTML map needs Leaflet: no leaflet.js and leaflet.css in \(directory). Install Debian's libjs-leaflet (apt-get install libjs-leaflet; scripts/setup does) or give --leaflet DIR, a folder with Leaflet 1.x's leaflet.js and leaflet.css")
        }
        guard script.contains("L.version") || script.contains("version") else {
            throw MapError("\(scriptURL.path) does not look like Leaflet (no version in it)")
        }
        // No source map, no images: the page fetches nothing.
        let cleanScript = script.components(separatedBy: "\n").filter { !$0.hasPrefix("//# sourceMappingURL=") }.joined(separator: "\n")
            .replacingOccurrences(of: "</script", with: "<\\/script")
        let cleanStyle = style.replacingOccurrences(of: #"url\([^)]*\)"#, with: "none", options: .regularExpression)
            .replacingOccurrences(of: "/*# sourceMappingURL=leaflet.css.map */", with: "")
        return (cleanScript, cleanStyle)
    }

    static func make(_ map: MapDocument) throws -> String {
        let leaflet = try leaflet(in: map.options.leafletDirectory)
        var data = "{\"title\":\(JSONValue.string(map.title).jsonText)"
        // A local MBTiles file is inlined; a URL template is the browser's to fetch.
        let extent = map.web.compactMap(\.envelope).reduce(nil, Envelope.union)
        let basemap = try map.options.tiles.flatMap { tiles throws(MapError) in
            MBTilesBasemap.names(tiles) ? try MBTilesBasemap(file: tiles, covering: extent) : nil
        }
        data += ",\"tiles\":" + (basemap == nil ? map.options.tiles.map { JSONValue.string($0).jsonText } ?? "null" : "null")
        data += ",\"mbtiles\":" + (basemap?.json ?? "null")
        // The file's own attribution is shown as text; --tiles-attribution as the user wrote it.
        let attribution = map.options.tilesAttribution ?? basemap?.attribution.map { MarkupText.escaped($0) }
        data += ",\"attribution\":" + (attribution.map { JSONValue.string($0).jsonText } ?? "null")
        data += ",\"legend\":\(JSONValue.string(WebLegend.html(map.legendSections, unit: map.unit)).jsonText)"
        data += ",\"notes\":\(JSONValue.array(map.notices.map { JSONValue.string($0) }).jsonText)"
        let words = map.options.text
        data += ",\"text\":{" + [("legend", words.legend), ("search", words.searchByName), ("noMatch", words.noMatch),
                                  ("fitTo", words.fitTo), ("all", words.all)]
            .map { "\"\($0.0)\":\(JSONValue.string($0.1).jsonText)" }.joined(separator: ",") + "}"
        data += ",\"layers\":[" + map.web.map(\.json).joined(separator: ",\n") + "]}"
        // Inside <script>, "<" only ever appears in JSON strings, where \u003c means the same.
        data = data.replacingOccurrences(of: "<", with: "\\u003c")
        let title = MarkupText.escaped(map.title)
        return """
            <!DOCTYPE html>
            <html lang="\(MarkupText.escaped(map.options.text.languageCode))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="Territorio">
            <title>\(title)</title>
            <link rel="icon" href="data:,">
            <style>
            \(leaflet.style)
            </style>
            <style>
            \(style)
            </style>
            </head>
            <body>
            <header><h1>\(title)</h1></header>
            <div id="map"></div>
            <script>
            \(leaflet.script)
            </script>
            <script type="application/json" id="territorio-data">\(data)</script>
            <script>
            \(script)
            </script>
            </body>
            </html>

            """
    }

    static let style = """
        html, body { height: 100%; margin: 0; }
        body { display: flex; flex-direction: column; font-family: "DejaVu Sans", Verdana, sans-serif; color: #222222; }
        header { padding: 6px 12px; border-bottom: 1px solid #c8ccd0; background: #ffffff; }
        header h1 { margin: 0; font-size: 20px; line-height: 1.25; overflow-wrap: anywhere; }
        #map { flex: 1; min-height: 300px; background: #f4f6f7; }
        .territorio-panel { background: rgba(255, 255, 255, 0.95); padding: 6px 8px; border-radius: 4px;
                            box-shadow: 0 1px 5px rgba(0, 0, 0, 0.4); font-size: 13px; max-width: 280px; }
        .territorio-panel button { font: inherit; margin: 2px 2px 0 0; padding: 3px 7px; cursor: pointer;
                                   border: 1px solid #9aa0a6; border-radius: 3px; background: #ffffff; }
        .territorio-search input { width: 210px; max-width: 60vw; font: inherit; padding: 4px; box-sizing: border-box; }
        .territorio-search ul { list-style: none; margin: 4px 0 0 0; padding: 0; max-height: 40vh; overflow-y: auto; }
        .territorio-search li { padding: 4px 2px; cursor: pointer; border-top: 1px solid #e3e3e3; }
        .territorio-search li:hover, .territorio-search li:focus { background: #eef3f8; }
        .territorio-search .layer-name { color: #5d5d5d; font-size: 11px; }
        .territorio-legend { max-height: 55vh; overflow-y: auto; }
        .territorio-legend summary, .territorio-fit summary { font-weight: bold; cursor: pointer; }
        .legend-section { margin-top: 6px; }
        .legend-heading { font-weight: bold; }
        .legend-caption { color: #5d5d5d; font-size: 12px; }
        .legend-row { display: flex; align-items: center; gap: 6px; margin: 2px 0; }
        .legend-row span { overflow-wrap: anywhere; }
        .legend-notes { color: #5d5d5d; font-size: 11px; margin-top: 6px; }
        .leaflet-tooltip.territorio-label { background: transparent; border: none; box-shadow: none; padding: 0;
                                            font-size: 11px; color: #222222; white-space: nowrap;
                                            text-shadow: 0 0 2px #ffffff, 0 0 2px #ffffff, 0 0 3px #ffffff; }
        .leaflet-tooltip.territorio-label::before { display: none; }
        .territorio-popup table { border-collapse: collapse; }
        .territorio-popup td { padding: 2px 8px 2px 0; vertical-align: top; font-size: 13px; }
        .territorio-popup td.key { color: #5d5d5d; white-space: nowrap; }
        .territorio-popup td.value { overflow-wrap: anywhere; }
        .territorio-popup .popup-layer { font-weight: bold; margin-bottom: 4px; }
        @media (max-width: 600px) {
          header h1 { font-size: 16px; }
          .territorio-panel { max-width: 70vw; font-size: 14px; }
          .territorio-popup td { font-size: 14px; padding: 4px 8px 4px 0; }
        }
        """

    static let script = #"""
        (function () {
          "use strict";
          var data = JSON.parse(document.getElementById("territorio-data").textContent);
          var map = L.map("map", { zoomControl: true });
          L.control.scale({ imperial: false }).addTo(map);
          if (data.tiles) {
            L.tileLayer(data.tiles, { attribution: data.attribution || "", maxZoom: 19 }).addTo(map);
          }
          if (data.mbtiles) {
            // The MBTiles basemap's tiles are in the page, by z/x/y; a tile
            // the file does not have is a transparent pixel, never a fetch.
            var blank = "data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==";
            var Inlined = L.TileLayer.extend({
              getTileUrl: function (c) { return data.mbtiles.tiles[c.z + "/" + c.x + "/" + c.y] || blank; }
            });
            new Inlined("", { attribution: data.attribution || "", minNativeZoom: data.mbtiles.minZoom,
                              maxNativeZoom: data.mbtiles.maxZoom, maxZoom: 19 }).addTo(map);
          }

          function normal(text) {
            return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
          }
          function kindOf(feature) {
            var type = feature.geometry ? feature.geometry.type : "";
            if (type.indexOf("Polygon") >= 0) { return "polygon"; }
            if (type.indexOf("LineString") >= 0) { return "line"; }
            if (type.indexOf("Point") >= 0) { return "point"; }
            return "polygon";
          }
          function text(value) {
            if (value === null) { return "null"; }
            return typeof value === "object" ? JSON.stringify(value) : String(value);
          }

          var overlays = {}, layers = [], entries = [];
          var everything = L.latLngBounds([]);
          data.layers.forEach(function (spec, index) {
            var className = "territorio-layer territorio-layer-" + index;
            function style(feature) {
              var s = feature.s;
              switch (kindOf(feature)) {
              case "line":
                return { className: className, color: s.c, weight: s.w, opacity: 0.95 };
              case "point":
                return { className: className, radius: s.r, color: "#ffffff", weight: Math.min(0.7, s.r / 3),
                         fillColor: s.c, fillOpacity: 1 };
              default:
                return { className: className, color: spec.outline, weight: Math.max(spec.outlineWidth, 0.5), opacity: 1,
                         fill: !spec.outlineOnly, fillColor: s.c, fillOpacity: spec.outlineOnly ? 0 : 0.85 };
              }
            }
            function nameOf(feature) {
              var value = spec.nameField ? feature.properties[spec.nameField] : undefined;
              if (value === undefined || value === null || value === "") { value = feature.properties.id; }
              return value === undefined || value === null ? "" : String(value);
            }
            function popup(feature) {
              var box = document.createElement("div");
              box.className = "territorio-popup";
              var heading = document.createElement("div");
              heading.className = "popup-layer";
              heading.textContent = spec.name;
              box.appendChild(heading);
              var table = document.createElement("table");
              Object.keys(feature.properties).forEach(function (key) {
                var row = table.insertRow();
                var name = row.insertCell();
                name.className = "key";
                name.textContent = key;
                var cell = row.insertCell();
                cell.className = "value";
                cell.textContent = text(feature.properties[key]);
              });
              box.appendChild(table);
              return box;
            }
            var layer = L.geoJSON({ type: "FeatureCollection", features: spec.features }, {
              style: style,
              pointToLayer: function (feature, latlng) { return L.circleMarker(latlng, style(feature)); },
              onEachFeature: function (feature, item) {
                item.bindPopup(function () { return popup(feature); },
                               { maxWidth: 320, minWidth: 160, maxHeight: 300, autoPanPadding: [12, 12] });
                var name = nameOf(feature);
                if (name) { entries.push({ name: name, key: normal(name), layer: index, item: item }); }
                // --labels: a label on the feature (up to 500 in a layer, past which they would only hide the map).
                var label = spec.labelField ? feature.properties[spec.labelField] : null;
                if (label !== null && label !== undefined && label !== "" && spec.count <= 500) {
                  item.bindTooltip(String(label), { permanent: true, direction: kindOf(feature) === "point" ? "right" : "center",
                                                    className: "territorio-label", interactive: false });
                }
              }
            }).addTo(map);
            layers.push(layer);
            // Leaflet's layer switcher writes the name as HTML: a file name is text.
            var label = document.createElement("span");
            label.textContent = spec.name;
            overlays[label.innerHTML] = layer;
            var bounds = layer.getBounds();
            if (bounds.isValid()) { everything.extend(bounds); }
          });

          function fit(bounds) {
            if (!bounds.isValid()) { return; }
            if (bounds.getNorthEast().equals(bounds.getSouthWest())) {
              map.setView(bounds.getCenter(), Math.max(map.getZoom(), 14));
            } else {
              map.fitBounds(bounds, { padding: [16, 16] });
            }
          }
          if (everything.isValid()) { fit(everything); } else { map.setView([0, 0], 2); }

          // The layer switcher, then a "fit" button per layer.
          L.control.layers(null, overlays, { collapsed: false, position: "topright" }).addTo(map);
          // On phones it goes to the bottom left, folded, clear of the search box.
          var wide = window.innerWidth > 600;
          var Fit = L.Control.extend({
            options: { position: wide ? "topright" : "bottomleft" },
            onAdd: function () {
              var box = L.DomUtil.create("details", "territorio-panel territorio-fit");
              box.open = wide;
              var label = L.DomUtil.create("summary", "", box);
              label.textContent = data.text.fitTo;
              function button(text, action) {
                var element = L.DomUtil.create("button", "", box);
                element.type = "button";
                element.textContent = text;
                L.DomEvent.on(element, "click", action);
                return element;
              }
              button(data.text.all, function () { fit(everything); }).setAttribute("data-fit", "all");
              data.layers.forEach(function (spec, index) {
                button(spec.name, function () {
                  if (!map.hasLayer(layers[index])) { map.addLayer(layers[index]); }
                  fit(layers[index].getBounds());
                }).setAttribute("data-fit", String(index));
              });
              L.DomEvent.disableClickPropagation(box);
              return box;
            }
          });
          new Fit().addTo(map);

          // Search by name: features whose name holds the text, accents and case aside.
          var Search = L.Control.extend({
            options: { position: "topleft" },
            onAdd: function () {
              var box = L.DomUtil.create("div", "territorio-panel territorio-search");
              var input = L.DomUtil.create("input", "", box);
              input.type = "search";
              input.placeholder = data.text.search;
              input.setAttribute("aria-label", data.text.search);
              var list = L.DomUtil.create("ul", "", box);
              function choose(entry) {
                var layer = layers[entry.layer];
                if (!map.hasLayer(layer)) { map.addLayer(layer); }
                if (entry.item.getBounds) { fit(entry.item.getBounds()); } else { map.setView(entry.item.getLatLng(), Math.max(map.getZoom(), 14)); }
                entry.item.openPopup();
                list.textContent = "";
              }
              function update() {
                list.textContent = "";
                var query = normal(input.value.trim());
                if (!query) { return; }
                var found = entries.filter(function (entry) { return entry.key.indexOf(query) >= 0; });
                found.sort(function (a, b) { return (a.key.indexOf(query) - b.key.indexOf(query)) || a.name.localeCompare(b.name); });
                found.slice(0, 10).forEach(function (entry) {
                  var row = L.DomUtil.create("li", "", list);
                  row.tabIndex = 0;
                  row.textContent = entry.name + " ";
                  var layerName = L.DomUtil.create("span", "layer-name", row);
                  layerName.textContent = data.layers[entry.layer].name;
                  L.DomEvent.on(row, "click", function () { choose(entry); });
                  L.DomEvent.on(row, "keydown", function (event) { if (event.key === "Enter") { choose(entry); } });
                });
                if (found.length === 0) {
                  var none = L.DomUtil.create("li", "no-match", list);
                  none.textContent = data.text.noMatch;
                }
              }
              L.DomEvent.on(input, "input", update);
              L.DomEvent.on(input, "keydown", function (event) {
                if (event.key === "Enter") {
                  var first = list.querySelector("li");
                  if (first && !first.classList.contains("no-match")) { first.click(); }
                }
              });
              L.DomEvent.disableClickPropagation(box);
              L.DomEvent.disableScrollPropagation(box);
              return box;
            }
          });
          new Search().addTo(map);

          // The legend: open on wide screens, folded on phones.
          var Legend = L.Control.extend({
            options: { position: "bottomright" },
            onAdd: function () {
              var box = L.DomUtil.create("details", "territorio-panel territorio-legend");
              box.open = wide;
              var summary = L.DomUtil.create("summary", "", box);
              summary.textContent = data.text.legend;
              var body = L.DomUtil.create("div", "", box);
              body.innerHTML = data.legend;
              data.notes.forEach(function (note) {
                var line = L.DomUtil.create("div", "legend-notes", box);
                line.textContent = note;
              });
              L.DomEvent.disableClickPropagation(box);
              L.DomEvent.disableScrollPropagation(box);
              return box;
            }
          });
          new Legend().addTo(map);

          window.territorio = { map: map, layers: layers };
          document.body.setAttribute("data-ready", "true");
        })();
        """#
}

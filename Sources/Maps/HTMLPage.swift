/// The interactive map: one self-contained page, well-formed XHTML (so an
/// XML parser reads it) that browsers read as HTML. The map is inline SVG
/// from `SVGCanvas`; a short script of Territorio's own pans (drag), zooms
/// (wheel, around the pointer; double-click resets), keeps markers, lines
/// and labels their size, redraws the scale bar for the zoom, and shows a
/// feature's properties in a tooltip. Nothing is fetched from anywhere.
enum HTMLPage {
    static func make(_ map: MapDocument) -> String {
        let canvas = SVGCanvas(width: map.width, height: map.height)
        MapRenderer.draw(map, on: canvas)
        let title = SVGCanvas.escaped(map.title)
        return """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <meta name="generator" content="Territorio"/>
            <title>\(title)</title>
            <style>/*<![CDATA[*/
            \(style)
            /*]]>*/</style>
            </head>
            <body>
            <div class="page" style="max-width: \(SVGCanvas.number(map.width))px">
            \(canvas.finish())<p class="hint">Scroll to zoom, drag to pan, double-click to go back. Point at a feature to see its properties.</p>
            </div>
            <div id="tip" class="tip" hidden="hidden"></div>
            <script>//<![CDATA[
            \(script)
            //]]></script>
            </body>
            </html>

            """
    }

    static let style = """
        body { margin: 0; padding: 12px; background: #ffffff; color: #222222; font-family: "DejaVu Sans", Verdana, sans-serif; }
        .page { margin: 0 auto; }
        svg.territorio-map { display: block; width: 100%; height: auto; user-select: none; -webkit-user-select: none; }
        svg.territorio-map text { white-space: pre; }
        svg.map { cursor: grab; touch-action: none; }
        svg.map.dragging { cursor: grabbing; }
        svg.map .hit { pointer-events: all; }
        .view path, .view circle, .view text { vector-effect: non-scaling-stroke; }
        .view .labels, .view .casing { pointer-events: none; }
        .view [data-p]:hover, .view .hover { stroke: #111111; stroke-width: 2px; stroke-opacity: 1; }
        .hint { font-size: 12px; color: #5d5d5d; margin: 6px 0 0 0; }
        .tip { position: fixed; z-index: 10; max-width: 360px; max-height: 60vh; overflow: hidden; pointer-events: none;
               background: rgba(255, 255, 255, 0.96); border: 1px solid #b0b0b0; border-radius: 4px;
               box-shadow: 0 2px 6px rgba(0, 0, 0, 0.2); padding: 6px 8px; font-size: 12px; }
        .tip .layer { font-weight: bold; margin-bottom: 3px; }
        .tip table { border-collapse: collapse; }
        .tip td { padding: 1px 8px 1px 0; vertical-align: top; }
        .tip td.key { color: #5d5d5d; white-space: nowrap; }
        .tip td.value { word-break: break-word; }
        """

    static let script = """
        (function () {
          "use strict";
          var root = document.querySelector("svg.territorio-map");
          var viewport = root.querySelector("svg.map");
          var view = viewport.querySelector("g.view");
          var tip = document.getElementById("tip");
          var k = 1, tx = 0, ty = 0;
          var circles = Array.prototype.slice.call(view.querySelectorAll("circle"));
          var radii = circles.map(function (c) { return parseFloat(c.getAttribute("r")); });
          var labels = Array.prototype.slice.call(view.querySelectorAll("text"));
          var sizes = labels.map(function (t) { return parseFloat(t.getAttribute("font-size")); });
          var bar = root.querySelector("g.scalebar");

          function pagePoint(event) {
            var point = root.createSVGPoint();
            point.x = event.clientX;
            point.y = event.clientY;
            return point.matrixTransform(root.getScreenCTM().inverse());
          }

          function niceLength(longest) {
            var power = Math.pow(10, Math.floor(Math.log(longest) / Math.LN10));
            var best = power;
            [2, 5, 10].forEach(function (factor) { if (factor * power <= longest * (1 + 1e-12)) { best = factor * power; } });
            return best;
          }

          function lengthText(metres, km) {
            var value = km ? metres / 1000 : metres;
            return String(Math.round(value * 1000) / 1000);
          }

          function rectangle(x, y, width, height) {
            return "M" + x + " " + y + "h" + width + "v" + height + "h" + (-width) + "z";
          }

          function updateScaleBar() {
            if (!bar) { return; }
            var perMetre = parseFloat(bar.getAttribute("data-page-per-metre")) * k;
            var longest = parseFloat(bar.getAttribute("data-maximum")) / perMetre;
            if (!(longest >= 1)) { return; }
            var metres = niceLength(longest), length = metres * perMetre, half = length / 2;
            var x = parseFloat(bar.getAttribute("data-x")), y = parseFloat(bar.getAttribute("data-y"));
            var height = parseFloat(bar.getAttribute("data-height"));
            var km = metres >= 1000;
            bar.querySelector(".scalebar-first").setAttribute("d", rectangle(x, y, half, height));
            bar.querySelector(".scalebar-second").setAttribute("d", rectangle(x + half, y, half, height));
            var middle = bar.querySelector(".scalebar-middle"), end = bar.querySelector(".scalebar-end");
            middle.setAttribute("x", x + half);
            middle.textContent = lengthText(metres / 2, km);
            end.setAttribute("x", x + length);
            end.textContent = lengthText(metres, km) + (km ? " km" : " m");
          }

          function apply() {
            view.setAttribute("transform", "translate(" + tx + " " + ty + ") scale(" + k + ")");
            circles.forEach(function (c, i) { c.setAttribute("r", radii[i] / k); });
            labels.forEach(function (t, i) { t.setAttribute("font-size", sizes[i] / k); });
            updateScaleBar();
          }

          function zoomAt(point, factor) {
            var next = Math.min(Math.max(k * factor, 1), 512);
            if (next === 1) { k = 1; tx = 0; ty = 0; apply(); return; }
            tx = point.x - (point.x - tx) * next / k;
            ty = point.y - (point.y - ty) * next / k;
            k = next;
            apply();
          }

          viewport.addEventListener("wheel", function (event) {
            event.preventDefault();
            var steps = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY;
            zoomAt(pagePoint(event), Math.exp(-steps * 0.0015));
          }, { passive: false });

          viewport.addEventListener("dblclick", function () { k = 1; tx = 0; ty = 0; apply(); });

          var drag = null;
          viewport.addEventListener("pointerdown", function (event) {
            if (event.button !== 0) { return; }
            var start = pagePoint(event);
            drag = { x: start.x, y: start.y, tx: tx, ty: ty, id: event.pointerId };
            viewport.setPointerCapture(event.pointerId);
            viewport.classList.add("dragging");
          });
          function endDrag(event) {
            if (drag && event.pointerId === drag.id) {
              drag = null;
              viewport.classList.remove("dragging");
            }
          }
          viewport.addEventListener("pointerup", endDrag);
          viewport.addEventListener("pointercancel", endDrag);

          var current = null;
          function showTip(target, event) {
            var properties = {};
            try { properties = JSON.parse(target.getAttribute("data-p")); } catch (error) { properties = {}; }
            var layer = target.closest("[data-layer]");
            tip.textContent = "";
            var heading = document.createElement("div");
            heading.className = "layer";
            heading.textContent = layer ? layer.getAttribute("data-layer") : "";
            tip.appendChild(heading);
            var table = document.createElement("table");
            Object.keys(properties).forEach(function (key) {
              var value = properties[key];
              var row = table.insertRow();
              var name = row.insertCell();
              name.className = "key";
              name.textContent = key;
              var cell = row.insertCell();
              cell.className = "value";
              cell.textContent = value === null ? "null" : (typeof value === "object" ? JSON.stringify(value) : String(value));
            });
            tip.appendChild(table);
            tip.hidden = false;
            placeTip(event);
          }
          function placeTip(event) {
            var x = event.clientX + 14, y = event.clientY + 14;
            var width = tip.offsetWidth, height = tip.offsetHeight;
            if (x + width > window.innerWidth - 4) { x = event.clientX - width - 14; }
            if (y + height > window.innerHeight - 4) { y = Math.max(4, event.clientY - height - 14); }
            tip.style.left = Math.max(4, x) + "px";
            tip.style.top = y + "px";
          }
          function hideTip() {
            if (current) { current.classList.remove("hover"); }
            current = null;
            tip.hidden = true;
          }

          viewport.addEventListener("pointermove", function (event) {
            if (drag && event.pointerId === drag.id) {
              var point = pagePoint(event);
              tx = drag.tx + point.x - drag.x;
              ty = drag.ty + point.y - drag.y;
              apply();
              hideTip();
              return;
            }
            var target = event.target && event.target.closest ? event.target.closest("[data-p]") : null;
            if (target !== current) {
              if (current) { current.classList.remove("hover"); }
              current = target;
              if (target) { target.classList.add("hover"); showTip(target, event); } else { tip.hidden = true; }
            } else if (target) {
              placeTip(event);
            }
          });
          viewport.addEventListener("pointerleave", hideTip);
        })();
        """
}

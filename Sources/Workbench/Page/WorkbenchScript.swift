/// The page's script, held in the binary: the map, the panel, and the
/// calls to the API (README, "Workbench"). Every figure it shows comes
/// from the server; the script only draws and formats them.
enum WorkbenchScript {
    static let javascript = #"""
        "use strict";
        const DATA = JSON.parse(document.getElementById("workbench-data").textContent);
        const T = DATA.words, LANG = DATA.language;
        const TOKEN = new URLSearchParams(location.search).get("token");
        const PALETTE = ["#1f77b4","#ff7f0e","#2ca02c","#d62728","#9467bd","#8c564b","#e377c2","#7f7f7f","#bcbd22","#17becf",
                         "#aec7e8","#ffbb78","#98df8a","#ff9896","#c5b0d5","#c49c94","#f7b6d2","#c7c7c7","#dbdb8d","#9edae5"];
        let study = null, metrics = null, distribution = null, selected = null, mode = "move", pendingCircuit = null;
        const colours = {}, layers = {};
        let territoryLayer = null, polling = null;

        function withToken(path) {
          if (!TOKEN) return path;
          return path + (path.includes("?") ? "&" : "?") + "token=" + encodeURIComponent(TOKEN);
        }

        async function api(method, path, body) {
          const options = {method: method, headers: {}};
          if (body !== undefined) {
            options.body = typeof body === "string" ? body : JSON.stringify(body);
            options.headers["Content-Type"] = typeof body === "string" ? "text/plain" : "application/json";
          }
          const response = await fetch(withToken(path), options);
          const text = await response.text();
          let json = null;
          try { json = JSON.parse(text); } catch (e) { json = null; }
          if (!response.ok) throw new Error((json && json.error) || (response.status + " " + text.slice(0, 200)));
          return json;
        }

        function say(text, ok) {
          const status = document.getElementById("status");
          status.textContent = text || "";
          status.className = ok ? "ok" : "";
        }

        function number(value, digits) {
          if (value === null || value === undefined) return "–";
          return Number(value).toLocaleString(LANG, {maximumFractionDigits: digits === undefined ? 1 : digits});
        }

        function delta(value, digits) {
          if (value === null || value === undefined || Math.abs(value) < 1e-9) return "";
          const text = (value > 0 ? "+" : "") + number(value, digits);
          return ' <span class="' + (value > 0 ? "up" : "down") + '">(' + text + ")</span>";
        }

        function escapeHTML(text) {
          return String(text).replace(/[&<>"']/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
        }

        function colour(circuit) {
          if (!circuit) return "#ffffff";
          if (!colours[circuit]) colours[circuit] = PALETTE[Object.keys(colours).length % PALETTE.length];
          return colours[circuit];
        }

        function circuitLabel(id) {
          const name = metrics && metrics.circuit_names ? metrics.circuit_names[id] : null;
          return name && name !== id ? name + " (" + id + ")" : id;
        }

        function circuitOf() {
          const map = {};
          for (const row of metrics.grouping) if (!(row.territory_code in map)) map[row.territory_code] = row.circuit_id;
          return map;
        }

        // The map: every territory a path of its own, coloured by circuit.
        const map = L.map("map", {boxZoom: false, zoomSnap: 0.25});
        function drawTerritories() {
          territoryLayer = L.geoJSON(study.territories, {
            style: () => ({weight: 0.8, color: "#333", fillOpacity: 0.75, fillColor: "#fff"}),
            onEachFeature: (feature, layer) => {
              layers[feature.id] = layer;
              const name = feature.properties.name || feature.id;
              layer.bindTooltip(escapeHTML(name) + " (" + escapeHTML(feature.id) + ")", {sticky: true});
              layer.on("click", event => { L.DomEvent.stopPropagation(event); territoryClicked(feature.id, event); });
              layer.on("contextmenu", event => { L.DomEvent.preventDefault(event); const c = circuitOf()[feature.id]; if (c) select(c); });
            }
          }).addTo(map);
          // Leaflet makes the paths only once the map has a view: mark them after fitBounds.
          map.fitBounds(territoryLayer.getBounds(), {padding: [10, 10]});
          for (const code in layers) {
            const element = layers[code].getElement && layers[code].getElement();
            if (element) element.setAttribute("data-code", code);
          }
          if (study.territories.features.length <= 300) {
            for (const feature of study.territories.features) {
              const layer = layers[feature.id];
              if (!feature.properties.name) continue;
              L.tooltip({permanent: true, direction: "center", className: "label", interactive: false})
                .setLatLng(layer.getBounds().getCenter()).setContent(escapeHTML(feature.properties.name)).addTo(map);
            }
          }
        }

        function recolour() {
          const of = circuitOf();
          for (const code in layers) {
            const circuit = of[code];
            layers[code].setStyle({fillColor: colour(circuit), fillOpacity: circuit ? 0.75 : 0.25,
                                   weight: circuit && circuit === selected ? 2 : 0.8, color: circuit && circuit === selected ? "#000" : "#333"});
            const element = layers[code].getElement && layers[code].getElement();
            if (element) element.setAttribute("data-circuit", circuit || "");
          }
        }

        async function territoryClicked(code, event) {
          if (mode === "facility") { openFacility(event.latlng); return; }
          if (mode === "create") {
            const id = pendingCircuit; mode = "move"; pendingCircuit = null; setModeButtons();
            await change(() => api("POST", "/api/circuits", {id: id.id, name: id.name || null, territories: [code]}), id.id);
            return;
          }
          if (!selected) { const c = circuitOf()[code]; if (c) select(c); return; }
          if (circuitOf()[code] === selected) return;
          await change(() => api("POST", "/api/move", {territories: [code], circuit: selected}));
        }

        // Shift-drag: a box; the territories whose centre it holds move to the selected circuit.
        let box = null;
        map.getContainer().addEventListener("mousedown", event => {
          if (!event.shiftKey || !selected || mode !== "move") return;
          event.preventDefault(); event.stopPropagation();
          map.dragging.disable();
          const origin = map.mouseEventToContainerPoint(event);
          box = {origin: origin, element: L.DomUtil.create("div", "box", map.getContainer())};
          const moveBox = e => {
            const point = map.mouseEventToContainerPoint(e);
            const min = L.point(Math.min(origin.x, point.x), Math.min(origin.y, point.y)), max = L.point(Math.max(origin.x, point.x), Math.max(origin.y, point.y));
            Object.assign(box.element.style, {left: min.x + "px", top: min.y + "px", width: (max.x - min.x) + "px", height: (max.y - min.y) + "px"});
            box.bounds = L.latLngBounds(map.containerPointToLatLng(min), map.containerPointToLatLng(max));
          };
          const endBox = async () => {
            document.removeEventListener("mousemove", moveBox); document.removeEventListener("mouseup", endBox);
            map.dragging.enable();
            const bounds = box.bounds; box.element.remove(); box = null;
            if (!bounds) return;
            const of = circuitOf();
            const codes = Object.keys(layers).filter(code => of[code] !== selected && bounds.contains(layers[code].getBounds().getCenter()));
            if (codes.length) await change(() => api("POST", "/api/move", {territories: codes, circuit: selected}));
          };
          document.addEventListener("mousemove", moveBox); document.addEventListener("mouseup", endBox);
        }, true);

        map.on("click", event => { if (mode === "facility") openFacility(event.latlng); });

        // Every change answers the new metrics; the distribution follows.
        async function change(call, select_) {
          say(T.computing, true);
          try {
            const answer = await call();
            if (answer && answer.coverage) metrics = answer;
            else if (answer && answer.metrics) metrics = answer.metrics;
            if (select_) selected = select_;
            if (selected && !metrics.coverage.circuits.some(c => c.circuit_id === selected)) selected = metrics.coverage.circuits.length ? metrics.coverage.circuits[0].circuit_id : null;
            render();
            say("");
            return answer;
          } catch (error) {
            say(error.message);
            return null;
          }
        }

        function select(circuit) { selected = circuit; render(); }

        function render() {
          recolour();
          renderCircuits();
          renderSelected();
          renderWhole();
          document.getElementById("undo").disabled = !metrics.can_undo;
          document.getElementById("redo").disabled = !metrics.can_redo;
          document.body.dataset.version = String(metrics.version);
          pollDistribution();
        }

        function renderCircuits() {
          const rows = metrics.coverage.circuits.map(c =>
            '<tr data-circuit="' + escapeHTML(c.circuit_id) + '" class="' + (c.circuit_id === selected ? "selected" : "") + '">' +
            '<td><span class="swatch" style="background:' + colour(c.circuit_id) + '"></span>' + escapeHTML(circuitLabel(c.circuit_id)) + "</td>" +
            '<td class="n" data-figure="population" data-value="' + c.population + '">' + number(c.population, 0) + "</td></tr>");
          const none = metrics.coverage.no_circuit.length;
          if (none) rows.push('<tr><td><span class="swatch" style="background:#fff"></span>' + escapeHTML(T.noCircuit) + '</td><td class="n">' +
                              number(metrics.coverage.no_circuit.reduce((s, t) => s + t.population, 0), 0) + "</td></tr>");
          const table = document.getElementById("circuits");
          table.innerHTML = "<tr><th>" + escapeHTML(T.circuit) + '</th><th class="n">' + escapeHTML(T.population) + "</th></tr>" + rows.join("");
          for (const row of table.querySelectorAll("tr[data-circuit]")) row.addEventListener("click", () => select(row.dataset.circuit));
        }

        function intermediatedOf(circuitID, product) {
          if (!distribution) { document.body.dataset.computingShown = "true"; return '<span class="computing">' + escapeHTML(T.computing) + "</span>"; }
          const circuit = distribution.distribution.circuits.find(c => c.circuit_id === circuitID);
          const entry = circuit && circuit.products.find(p => p.product === product);
          if (!entry) return "–";
          let start = null;
          if (distribution.start) {
            const before = distribution.start.circuits.find(c => c.circuit_id === circuitID);
            const p = before && before.products.find(q => q.product === product);
            if (p) start = p.intermediated;
          }
          return number(entry.intermediated) + (start === null ? "" : delta(entry.intermediated - start));
        }

        function renderSelected() {
          const section = document.getElementById("selected");
          const c = metrics.coverage.circuits.find(x => x.circuit_id === selected);
          if (!c) { section.innerHTML = '<p class="hint">' + escapeHTML(T.moveHint) + "</p>"; return; }
          const evaluation = metrics.evaluation.circuits.find(x => x.circuit_id === selected);
          const change = metrics.change.circuits.find(x => x.circuit_id === selected);
          const parts = evaluation ? evaluation.components : [];
          const cut = parts.slice(1).map(part => part.map(code => {
            const f = study.territories.features.find(x => x.id === code);
            return f && f.properties.name ? f.properties.name : code;
          }).join(", "));
          let html = '<h3 data-circuit="' + escapeHTML(c.circuit_id) + '"><span class="swatch" style="background:' + colour(c.circuit_id) + '"></span>' + escapeHTML(circuitLabel(c.circuit_id)) + "</h3>";
          html += "<table>";
          html += '<tr><td>' + escapeHTML(T.population) + '</td><td class="n" id="selected-population" data-value="' + c.population + '">' + number(c.population, 0) + delta(change && change.population.delta, 0) + "</td></tr>";
          html += '<tr><td>' + escapeHTML(T.families) + '</td><td class="n">' + number(c.families, 0) + delta(change && change.families.delta, 0) + "</td></tr>";
          html += '<tr><td>' + escapeHTML(T.contiguous) + '</td><td class="n" data-value="' + parts.length + '">' + (parts.length <= 1 ? "✓" : parts.length - 1 + " " + escapeHTML(T.cutOff) + ": " + escapeHTML(cut.join("; "))) + "</td></tr>";
          html += '<tr><td>' + escapeHTML(T.compactness) + '</td><td class="n">' + number(evaluation ? evaluation.compactness : null, 3) + delta(change && change.compactness.delta, 3) + "</td></tr>";
          html += "</table>";
          html += '<table id="selected-products"><tr><th>' + escapeHTML(T.product) + '</th><th class="n">' + escapeHTML(T.selfSupply) + '</th><th class="n">' + escapeHTML(T.exportableSurplus) +
                  "</th><th>" + escapeHTML(T.bottleneck) + " / " + escapeHTML(T.toAdd) + '</th><th class="n">' + escapeHTML(T.intermediated) + "</th></tr>";
          for (const p of c.products) {
            const pc = change ? change.products.find(x => x.product === p.product) : null;
            const toAdd = p.stages.filter(s => s.to_add > 0).map(s => escapeHTML(s.stage) + " " + number(s.to_add) + " " + escapeHTML(s.unit)).join("; ");
            html += '<tr data-product="' + escapeHTML(p.product) + '"><td>' + escapeHTML(p.product) + " <small>" + escapeHTML(p.unit) + "</small></td>" +
                    '<td class="n" data-figure="self_supply" data-value="' + p.self_supply + '">' + number(p.self_supply) + delta(pc && pc.self_supply.delta) + "</td>" +
                    '<td class="n" data-figure="exportable_surplus" data-value="' + p.exportable_surplus + '">' + number(p.exportable_surplus) + delta(pc && pc.exportable_surplus.delta) + "</td>" +
                    "<td>" + escapeHTML(p.bottleneck || "–") + (toAdd ? "<br><small>" + toAdd + "</small>" : "") + "</td>" +
                    '<td class="n" data-figure="intermediated">' + intermediatedOf(c.circuit_id, p.product) + "</td></tr>";
          }
          html += "</table>";
          section.innerHTML = html;
        }

        function renderWhole() {
          const e = metrics.evaluation, ch = metrics.change;
          let html = "<table>";
          html += '<tr><td>' + escapeHTML(T.circuits) + '</td><td class="n">' + number(metrics.coverage.circuits.length, 0) + delta(ch.circuit_count.delta, 0) + "</td></tr>";
          html += '<tr><td>' + escapeHTML(T.contiguousShare) + '</td><td class="n">' + number(100 * e.contiguous_share, 0) + " %" + delta(ch.contiguous_share.delta === null ? null : 100 * ch.contiguous_share.delta, 0) + "</td></tr>";
          html += '<tr><td>' + escapeHTML(T.meanCompactness) + '</td><td class="n">' + number(e.mean_compactness, 3) + delta(ch.mean_compactness.delta, 3) + "</td></tr>";
          html += '<tr><td>' + escapeHTML(T.populationVariation) + '</td><td class="n">' + number(e.population_variation, 3) + delta(ch.population_variation.delta, 3) + "</td></tr>";
          html += '<tr><td>' + escapeHTML(T.territoriesMoved) + '</td><td class="n">' + number(ch.territories_moved, 0) + "</td></tr>";
          html += "</table>";
          html += '<table id="whole-products"><tr><th>' + escapeHTML(T.product) + '</th><th class="n">' + escapeHTML(T.selfSupply) + '</th><th class="n">' + escapeHTML(T.exportableSurplus) + '</th><th class="n">' + escapeHTML(T.intermediated) + "</th></tr>";
          for (const p of ch.products) {
            let through = '<span class="computing">' + escapeHTML(T.computing) + "</span>";
            if (distribution) {
              const chain = distribution.distribution.chains.find(x => x.product === p.product);
              const before = distribution.start ? distribution.start.chains.find(x => x.product === p.product) : null;
              through = chain ? number(chain.intermediated) + (before ? delta(chain.intermediated - before.intermediated) : "") : "–";
            }
            html += '<tr data-product="' + escapeHTML(p.product) + '"><td>' + escapeHTML(p.product) + '</td><td class="n">' + number(p.self_supply.now) + delta(p.self_supply.delta) +
                    '</td><td class="n">' + number(p.exportable_surplus.now) + delta(p.exportable_surplus.delta) + '</td><td class="n" data-figure="intermediated">' + through + "</td></tr>";
          }
          html += "</table>";
          document.getElementById("whole").innerHTML = html;
        }

        // The exact distribution: asked after each change, shown as "computing…" until it answers.
        function pollDistribution() {
          if (distribution && distribution.version === metrics.version) return;
          distribution = null;
          if (polling) clearTimeout(polling);
          const version = metrics.version;
          const ask = async () => {
            polling = null;
            try {
              const answer = await api("GET", "/api/distribution");
              if (metrics.version !== version) return;
              if (answer.status === "ready" && answer.version === version) { distribution = answer; renderSelected(); renderWhole(); return; }
            } catch (error) { say(error.message); return; }
            polling = setTimeout(ask, 600);
          };
          ask();
        }

        // Circuits: create (then click its first territory), rename, merge, delete.
        function setModeButtons() {
          document.getElementById("new-circuit").classList.toggle("active", mode === "create");
          document.getElementById("facility").classList.toggle("active", mode === "facility");
          document.getElementById("hint").textContent = mode === "create" ? T.newCircuitHint : mode === "facility" ? T.addFacilityHint : T.moveHint;
        }
        document.getElementById("new-circuit").onclick = () => {
          if (mode === "create") { mode = "move"; setModeButtons(); return; }
          const id = prompt(T.newCircuitPrompt);
          if (!id) return;
          pendingCircuit = {id: id.trim(), name: null}; mode = "create"; setModeButtons();
        };
        document.getElementById("rename").onclick = () => {
          if (!selected) return;
          const name = prompt(T.renamePrompt, metrics.circuit_names[selected] || "");
          if (name !== null) change(() => api("POST", "/api/circuits/rename", {id: selected, name: name}));
        };
        document.getElementById("merge").onclick = () => {
          if (!selected) return;
          const other = prompt(T.mergePrompt);
          if (other) change(() => api("POST", "/api/circuits/merge", {circuits: [selected, other.trim()], into: selected}));
        };
        document.getElementById("delete").onclick = () => {
          if (selected && confirm(T.deleteConfirm)) change(() => api("POST", "/api/circuits/delete", {id: selected}));
        };
        document.getElementById("undo").onclick = () => change(() => api("POST", "/api/undo"));
        document.getElementById("redo").onclick = () => change(() => api("POST", "/api/redo"));
        document.getElementById("suggest").onclick = () => change(() => api("POST", "/api/suggest", {}));
        document.getElementById("save-csv").onclick = () => { window.location.href = withToken("/api/grouping.csv"); };
        document.getElementById("report").onclick = () => { window.open(withToken("/api/report.html"), "_blank"); };
        document.getElementById("save-scenario").onclick = async () => {
          const name = prompt(T.scenarioPrompt);
          if (!name) return;
          try { showScenarios(await api("POST", "/api/scenarios", {name: name})); } catch (error) { say(error.message); }
        };
        document.getElementById("compare").onclick = async () => {
          try { showScenarios(await api("GET", "/api/scenarios")); } catch (error) { say(error.message); }
        };

        function showScenarios(answer) {
          const columns = [answer.start, answer.current].concat(answer.scenarios);
          const label = c => c === answer.start ? T.start : c === answer.current ? T.current : c.name;
          let html = "<h2>" + escapeHTML(T.scenarios) + '</h2><table id="scenario-table"><tr><th></th>' + columns.map(c => '<th class="n">' + escapeHTML(label(c)) + "</th>").join("") + "</tr>";
          const row = (title, value) => html += "<tr><td>" + escapeHTML(title) + "</td>" + columns.map(c => '<td class="n">' + value(c) + "</td>").join("") + "</tr>";
          row(T.circuits, c => number(c.circuits, 0));
          row(T.noCircuit, c => number(c.no_circuit, 0));
          row(T.contiguousShare, c => number(100 * c.contiguous_share, 0) + " %");
          row(T.meanCompactness, c => number(c.mean_compactness, 3));
          row(T.populationVariation, c => number(c.population_variation, 3));
          row(T.territoriesMoved, c => number(c.territories_moved, 0));
          for (const p of answer.current.products) {
            row(p.product + ": " + T.selfSupply, c => number((c.products.find(x => x.product === p.product) || {}).self_supply));
            row(p.product + ": " + T.exportableSurplus, c => number((c.products.find(x => x.product === p.product) || {}).exportable_surplus));
          }
          html += "</table>";
          const buttons = answer.scenarios.map(s => '<button data-open="' + escapeHTML(s.name) + '">' + escapeHTML(s.name) + "</button>").join(" ");
          html += '<div class="toolbar">' + buttons + '</div><div class="toolbar"><button id="close-modal">' + escapeHTML(T.close) + "</button></div>";
          openModal(html);
          for (const b of document.querySelectorAll("[data-open]")) b.onclick = () => { closeModal(); change(() => api("POST", "/api/scenarios/open", {name: b.dataset.open})); };
        }

        // A facility where the map is clicked, through the scenario engine; its deltas shown.
        document.getElementById("facility").onclick = () => { mode = mode === "facility" ? "move" : "facility"; setModeButtons(); };
        function openFacility(latlng) {
          const stages = [];
          for (const chain of study.products) for (const stage of chain.stages) for (const link of stage.links)
            stages.push({chain: chain.product, stage: stage.stage, product: link.product, unit: link.unit});
          const options = stages.map((s, i) => '<option value="' + i + '">' + escapeHTML(s.chain + " · " + s.stage + " · " + s.product + " (" + s.unit + ")") + "</option>").join("");
          openModal("<h2>" + escapeHTML(T.addFacility) + "</h2><p class=\"hint\">" + latlng.lat.toFixed(5) + ", " + latlng.lng.toFixed(5) + "</p>" +
                    "<label>" + escapeHTML(T.stage) + " / " + escapeHTML(T.product) + '<select id="facility-link">' + options + "</select></label>" +
                    "<label>" + escapeHTML(T.capacity) + '<input id="facility-capacity" type="number" min="0" step="any" value="10"></label>' +
                    '<div class="toolbar"><button id="facility-add">' + escapeHTML(T.add) + '</button><button id="close-modal">' + escapeHTML(T.cancel) + "</button></div>");
          document.getElementById("facility-add").onclick = async () => {
            const link = stages[Number(document.getElementById("facility-link").value)];
            const capacity = Number(document.getElementById("facility-capacity").value);
            const edits = {version: 1, name: T.addFacility, edits: [{edit: "add_site", id: "WB-" + Date.now(), point: [latlng.lng, latlng.lat],
                           product: link.product, stage: link.stage, capacity: capacity, unit: link.unit, owner: "circuit"}]};
            const answer = await change(() => api("POST", "/api/scenario", JSON.stringify(edits)));
            if (!answer) { closeModal(); return; }
            mode = "move"; setModeButtons();
            showDeltas(answer);
          };
        }

        function showDeltas(answer) {
          const run = answer.scenarios[0];
          let html = "<h2>" + escapeHTML(T.deltas) + "</h2><table><tr><th>" + escapeHTML(T.circuit) + "</th><th>" + escapeHTML(T.product) + '</th><th class="n">' +
                     escapeHTML(T.selfSupply) + '</th><th class="n">' + escapeHTML(T.exportableSurplus) + '</th><th class="n">' + escapeHTML(T.intermediated) + "</th></tr>";
          let rows = 0;
          for (const c of run.deltas.circuits) for (const p of c.products) {
            const changed = ["self_supply", "exportable_surplus", "intermediated"].some(k => p[k].delta !== null && Math.abs(p[k].delta) > 1e-6);
            if (!changed) continue;
            rows++;
            const cell = f => number(f.base) + " → " + number(f.scenario) + delta(f.delta);
            html += "<tr><td>" + escapeHTML(circuitLabel(c.circuit_id)) + "</td><td>" + escapeHTML(p.product) + '</td><td class="n">' + cell(p.self_supply) +
                    '</td><td class="n">' + cell(p.exportable_surplus) + '</td><td class="n">' + cell(p.intermediated) + "</td></tr>";
          }
          if (!rows) html += '<tr><td colspan="5">' + escapeHTML(T.none) + "</td></tr>";
          html += '</table><div class="toolbar"><button id="close-modal">' + escapeHTML(T.close) + "</button></div>";
          openModal(html);
        }

        function openModal(html) {
          const modal = document.getElementById("modal");
          modal.firstElementChild.innerHTML = html;
          modal.classList.add("open");
          for (const b of modal.querySelectorAll("#close-modal")) b.onclick = closeModal;
        }
        function closeModal() { document.getElementById("modal").classList.remove("open"); }

        document.addEventListener("keydown", event => {
          if (event.target.tagName === "INPUT") return;
          if ((event.ctrlKey || event.metaKey) && event.key === "z") { event.preventDefault(); if (metrics.can_undo) change(() => api("POST", "/api/undo")); }
          if ((event.ctrlKey || event.metaKey) && event.key === "y") { event.preventDefault(); if (metrics.can_redo) change(() => api("POST", "/api/redo")); }
          if (event.key === "Escape") { mode = "move"; setModeButtons(); closeModal(); }
        });

        (async function start() {
          try {
            study = await api("GET", "/api/study");
            metrics = await api("GET", "/api/metrics");
            for (const c of study.circuits) colour(c.circuit_id);
            drawTerritories();
            selected = metrics.coverage.circuits.length ? metrics.coverage.circuits[0].circuit_id : null;
            setModeButtons();
            render();
            document.body.dataset.ready = "true";
          } catch (error) {
            say(error.message);
          }
        })();
        """#
}

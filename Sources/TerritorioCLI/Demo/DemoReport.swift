import Foundation
import Geo

/// `report.md` of the guided demo: each figure in two lines, read back
/// from the files the steps wrote, with links to them.
struct DemoReport {
    let steps: DemoSteps

    var markdown: String {
        get throws {
            var text = "# Territorio demo: the sample territory\n\n"
            text += "Every figure below comes from a file in this folder, written by an ordinary `territorio` command; "
            text += "the commands are listed at the end. The territory is fictional (see `geodata/README.md`).\n\n"
            text += try boundaries() + actors() + catchments() + coverage() + distribution() + groupings() + maps() + commands()
            return text
        }
    }

    private func json(_ name: String) throws -> Any {
        let path = steps.out(name)
        guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure(message: "\(path): missing") }
        return try JSONSerialization.jsonObject(with: data)
    }

    private func layer(_ name: String) throws -> Layer { try Layer.readGeoJSON(path: steps.out(name)) }

    /// 1,234.5: thousands grouped, a fixed number of decimals.
    private func number(_ value: Double, digits: Int = 0) -> String {
        let text = String(format: "%.\(digits)f", abs(value))
        let parts = text.split(separator: ".", maxSplits: 1)
        var whole = String(parts[0])
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole.removeLast(3)
        }
        let sign = value < 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "-" : ""
        return sign + whole + grouped + (parts.count > 1 ? "." + parts[1] : "")
    }

    private func boundaries() throws -> String {
        let validation = (try json("validation.json") as? [String: Any])?["problems"] as? [Any] ?? []
        let hierarchy = (try json("hierarchy.json") as? [String: Any])?["problems"] as? [Any] ?? []
        let parishes = try Layer.readGeoJSON(path: steps.input("parishes.geojson")).count
        return """
            ## 1. Boundaries

            **\(parishes) parishes, \(validation.count) geometry problems; \(hierarchy.count) problems in the state > municipality > parish hierarchy.**
            Geometry problems are GEOS's validity checks ([validation.json](validation.json)); the hierarchy check looks for parishes outside their municipality, gaps and overlaps ([hierarchy.json](hierarchy.json)).


            """
    }

    private func actors() throws -> String {
        let sites = try layer("sites_joined.geojson")
        let located = sites.features.filter { $0.properties["territory_code"].map { $0 != .null } ?? false }.count
        let outside = sites.features.filter { $0.properties["owner"]?.stringValue == "outside" }.count
        return """
            ## 2. Actors in their parishes

            **\(number(Double(sites.count))) actors, \(number(Double(located))) located in a parish; \(number(Double(outside))) of them are outside intermediaries.**
            Each actor's parish is in [sites_joined.geojson](sites_joined.geojson) (`territory_code`); count and capacity per parish, product and stage in [sites_per_parish.csv](sites_per_parish.csv).


            """
    }

    private func catchments() throws -> String {
        let cells = try layer("milk_collection_catchments.geojson").features.filter { $0.properties["kind"]?.stringValue == "catchment" }
        let overloaded = cells.filter { ($0.properties["utilisation"]?.doubleValue ?? 0) > 1 }.count
        let people = cells.compactMap { $0.properties["population"]?.doubleValue }.reduce(0, +)
        return """
            ## 3. Milk collection catchments

            **\(cells.count) collection centres serve \(number(people)) people; \(overloaded) would need more milk than they can collect to meet their catchment's cheese demand.**
            Each catchment is the Voronoi cell of its centre clipped to the territory, its population interpolated by area from the parishes ([milk_collection_catchments.geojson](milk_collection_catchments.geojson), `utilisation` = demand / capacity).


            """
    }

    private func coverage() throws -> String {
        let report = try json("coverage.json") as? [String: Any] ?? [:]
        let circuits = report["circuits"] as? [[String: Any]] ?? []
        var demand: [String: Double] = [:], supply: [String: Double] = [:], covered: [String: Int] = [:], units: [String: String] = [:]
        var exportable: [String: Double] = [:]
        // The state as one chain: each stage summed over the circuits, then
        // the weakest stage that cannot be skipped.
        var stateStages: [String: [String: Double]] = [:], skippable: [String: Set<String>] = [:]
        for circuit in circuits {
            for product in circuit["products"] as? [[String: Any]] ?? [] {
                guard let name = product["product"] as? String else { continue }
                demand[name, default: 0] += product["demand"] as? Double ?? 0
                supply[name, default: 0] += product["self_supply"] as? Double ?? 0
                exportable[name, default: 0] += product["exportable_surplus"] as? Double ?? 0
                units[name] = product["unit"] as? String
                if (product["self_sufficiency"] as? Double ?? 0) >= 1 { covered[name, default: 0] += 1 }
                for stage in product["stages"] as? [[String: Any]] ?? [] {
                    guard let stageName = stage["stage"] as? String else { continue }
                    stateStages[name, default: [:]][stageName, default: 0] += stage["final_equivalent"] as? Double ?? 0
                    if stage["skippable"] as? Bool ?? false { skippable[name, default: []].insert(stageName) }
                }
            }
        }
        var lines = ""
        for name in demand.keys.sorted() {
            let state = (stateStages[name] ?? [:]).filter { !(skippable[name]?.contains($0.key) ?? false) }.values.min() ?? 0
            let share = demand[name]! > 0 ? number(100 * state / demand[name]!) + " %" : "–"
            lines += "| \(name) | \(number(demand[name]!, digits: 1)) | \(number(supply[name]!, digits: 1)) | \(number(exportable[name] ?? 0, digits: 1)) | \(number(state, digits: 1)) (\(share)) | \(units[name] ?? "") | \(covered[name] ?? 0) of \(circuits.count) |\n"
        }
        let population = report["total_population"] as? Double ?? 0
        return """
            ## 4. How well each circuit covers its people

            **\(circuits.count) circuits (one per municipality) for \(number(population)) people; per product, the demand of all of them, what each circuit's chain delivers to its own people (self-supply, added up), what the circuits can send out after feeding themselves (exportable surplus), what the state's chain as a whole could supply, and how many circuits cover their own demand:**
            Self-supply is limited by the chain's bottleneck stage; the exportable surplus only by what the first stage produces (produce can leave unprocessed); demand is population × the chain's per-capita demand ([coverage.md](coverage.md), [coverage.json](coverage.json), map layer [circuits.geojson](circuits.geojson)). The circuits' own supply is far below the state's: the towns grow little, and what the countryside grows beyond its own needs leaves it.

            | product | demand | circuits' self-supply | exportable surplus | the state as one chain | unit | self-sufficient circuits |
            |---|---:|---:|---:|---:|---|---:|
            \(lines)
            \(story(circuits))

            """
    }

    /// The two municipalities the sample is built around (geodata/README.md,
    /// "The story"): a vegetable valley and a dairy plain, each short of shops.
    private func story(_ circuits: [[String: Any]]) -> String {
        func stages(_ id: String, _ product: String) -> (demand: Double, exportable: Double, capacity: [String: Double], balance: [String: Double], toAdd: [String: Double])? {
            guard let circuit = circuits.first(where: { $0["circuit_id"] as? String == id }),
                  let product = (circuit["products"] as? [[String: Any]])?.first(where: { $0["product"] as? String == product })
            else { return nil }
            var capacity: [String: Double] = [:], balance: [String: Double] = [:], toAdd: [String: Double] = [:]
            for stage in product["stages"] as? [[String: Any]] ?? [] {
                guard let name = stage["stage"] as? String else { continue }
                capacity[name] = stage["capacity"] as? Double ?? 0
                balance[name] = stage["balance"] as? Double ?? 0
                toAdd[name] = stage["to_add"] as? Double
            }
            return (product["demand"] as? Double ?? 0, product["exportable_surplus"] as? Double ?? 0, capacity, balance, toAdd)
        }
        var lines: [String] = []
        if let valley = stages("C-EM09", "vegetables") {
            lines.append("- **C-EM09 (Tovar), a vegetable valley:** \(number(valley.capacity["primary"] ?? 0)) t/month of vegetables grown against a demand of \(number(valley.demand)) t: a primary balance of +\(number(valley.balance["primary"] ?? 0)) t and an exportable surplus of \(number(valley.exportable)) t to place elsewhere; apart from it, its shops sell \(number(valley.capacity["retail"] ?? 0)) t, and \(number(valley.toAdd["retail"] ?? 0, digits: 1)) t/month of retail are to add.")
        }
        if let dairy = stages("C-EM04", "cheese") {
            lines.append("- **C-EM04 (Colina), a dairy plain:** plants making \(number(dairy.capacity["processing"] ?? 0)) t/month of cheese against a demand of \(number(dairy.demand, digits: 1)) t (processing balance +\(number(dairy.balance["processing"] ?? 0, digits: 1)) t), from \(number(dairy.capacity["primary"] ?? 0)) l/month of milk; its shops sell \(number(dairy.capacity["retail"] ?? 0)) t: \(number(dairy.toAdd["retail"] ?? 0, digits: 1)) t/month of retail to add. It lacks shops, not cheese.")
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    private func distribution() throws -> String {
        let report = try json("cheese_distribution.json") as? [String: Any] ?? [:]
        let value = { (key: String) in report[key] as? Double ?? 0 }
        return """
            ## 5. Cheese with the fewest intermediaries

            **\(number(value("delivered"), digits: 1)) of \(number(value("demand"), digits: 1)) t/month delivered (\(number(100 * value("share_met"), digits: 1)) %), \(number(value("intermediated"), digits: 1)) t through outside intermediaries against \(number(value("baseline_intermediated"), digits: 1)) t in the baseline, where each actor sells to its nearest actor of the next stage; \(number(value("tonne_km"))) tonne-km.**
            The routes minimise intermediated tonnes first, then tonne-km, within the sites' capacities, and the flow is certified optimal over every possible link ([cheese_distribution.md](cheese_distribution.md), lines in [cheese_routes.geojson](cheese_routes.geojson)).
            \(try betweenCircuits())

            """
    }

    /// The largest flows of cheese from one circuit's surplus to another
    /// circuit's people, from the distribution's matrix.
    private func betweenCircuits() throws -> String {
        let path = steps.out("cheese_between_circuits.csv")
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw CommandFailure(message: "\(path): missing") }
        let flows = text.split(separator: "\n").dropFirst().compactMap { line -> (from: String, to: String, tonnes: Double)? in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3, fields[0] != fields[1], let tonnes = Double(fields[2]) else { return nil }
            return (fields[0], fields[1], tonnes)
        }.sorted { $0.tonnes > $1.tonnes }
        guard !flows.isEmpty else { return "No cheese moves between circuits.\n" }
        let total = flows.reduce(0) { $0 + $1.tonnes }
        let largest = flows.prefix(3).map { "\($0.from) → \($0.to) \(number($0.tonnes, digits: 1)) t" }.joined(separator: "; ")
        return "Surplus feeding other circuits: \(number(total, digits: 1)) t/month of cheese move between circuits, the largest \(largest) ([cheese_between_circuits.csv](cheese_between_circuits.csv), lines in [cheese_between_circuits.geojson](cheese_between_circuits.geojson)).\n"
    }

    private func groupings() throws -> String {
        let compared = try json("groupings_compared.json") as? [[String: Any]] ?? []
        var rows = ""
        for entry in compared {
            let circuits = (entry["evaluation"] as? [String: Any])?["circuits"] as? [[String: Any]] ?? []
            rows += summaryRow(entry["grouping"] as? String ?? "?", circuits)
        }
        let suggested = (try json("suggested_circuits.json") as? [String: Any])?["circuits"] as? [[String: Any]] ?? []
        rows += summaryRow("suggested (≥ 100,000 people)", suggested)
        return """
            ## 6. Groupings of parishes into circuits

            **Two groupings compared and one suggested; each circuit should be contiguous, compact (1 for a disc) and short to cross.**
            The suggestion is a max-p regionalisation: as many contiguous circuits as possible, each of at least 100,000 people ([groupings_compared.md](groupings_compared.md), [suggested_circuits.csv](suggested_circuits.csv)).

            | grouping | circuits | contiguous | people, smallest to largest | mean compactness |
            |---|---:|---:|---|---:|
            \(rows)

            """
    }

    private func summaryRow(_ name: String, _ circuits: [[String: Any]]) -> String {
        let contiguous = circuits.filter { $0["contiguous"] as? Bool ?? false }.count
        let people = circuits.compactMap { $0["population"] as? Double }
        let compactness = circuits.compactMap { $0["compactness"] as? Double }
        let mean = compactness.isEmpty ? 0 : compactness.reduce(0, +) / Double(compactness.count)
        return "| \(name) | \(circuits.count) | \(contiguous) | \(number(people.min() ?? 0)) – \(number(people.max() ?? 0)) | \(number(mean, digits: 2)) |\n"
    }

    private func maps() -> String {
        """
        ## 7. Maps

        **The circuits coloured by the share of their cheese demand they can supply, with the routes drawn by tonnes a month; the catchments coloured by demand over capacity.**
        Open [map.html](map.html) in any browser for the parishes, routes and actors: it zooms with the wheel, pans by dragging and shows a feature's properties under the pointer.

        ![Cheese coverage and routes](coverage_map.png)

        ![Milk collection catchments](catchments_map.png)


        """
    }

    private func commands() -> String {
        "## The commands\n\n"
            + "The study's inputs (parishes with their codes and population, actors, the four chains, the circuits by municipality) are named once in [study.json](study.json), "
            + "with paths relative to it; the coverage and distribution steps read it with `--study`, and a flag given beside it overrides it (`--chain` picks the cheese chain for the routes). "
            + "Rerun any analysis on the same study with `territorio coverage --study \(steps.study) ...`.\n\n"
            + "```sh\n" + steps.all.map(\.commandLine).joined(separator: "\n") + "\n```\n"
    }
}

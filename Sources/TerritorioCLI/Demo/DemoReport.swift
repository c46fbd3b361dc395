import Foundation
import Geo
import Territory

/// `report.md` of the guided demo: each figure in two lines, read back
/// from the files the steps wrote, with links to them, in `language`
/// (its strings in the Territory catalogue).
struct DemoReport {
    let steps: DemoSteps
    var language: Language = .en

    private func t(_ key: Catalogue.Key) -> String { language.text(key) }

    /// A unit from the JSON (English, `t/month`) in the report's language.
    private func unit(_ name: String?) -> String {
        name.flatMap(CapacityUnit.init(named:)).map(language.name(of:)) ?? name ?? ""
    }

    var markdown: String {
        get throws {
            var text = t(.demoIntro)
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

    /// 1,234.5 (1.234,5 in Spanish): thousands grouped, a fixed number of decimals.
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
        let (comma, point) = language == .es ? (".", ",") : (",", ".")
        return sign + whole + grouped.replacingOccurrences(of: ",", with: comma) + (parts.count > 1 ? point + parts[1] : "")
    }

    private func boundaries() throws -> String {
        let validation = (try json("validation.json") as? [String: Any])?["problems"] as? [Any] ?? []
        let hierarchy = (try json("hierarchy.json") as? [String: Any])?["problems"] as? [Any] ?? []
        let parishes = try Layer.readGeoJSON(path: steps.input("parishes.geojson")).count
        return t(.demoBoundaries(parishes: parishes, problems: validation.count, hierarchyProblems: hierarchy.count))
    }

    private func actors() throws -> String {
        let sites = try layer("sites_joined.geojson")
        let located = sites.features.filter { $0.properties["territory_code"].map { $0 != .null } ?? false }.count
        let outside = sites.features.filter { $0.properties["owner"]?.stringValue == "outside" }.count
        return t(.demoActors(actors: number(Double(sites.count)), located: number(Double(located)), outside: number(Double(outside))))
    }

    private func catchments() throws -> String {
        let cells = try layer("milk_collection_catchments.geojson").features.filter { $0.properties["kind"]?.stringValue == "catchment" }
        let overloaded = cells.filter { ($0.properties["utilisation"]?.doubleValue ?? 0) > 1 }.count
        let people = cells.compactMap { $0.properties["population"]?.doubleValue }.reduce(0, +)
        return t(.demoCatchments(centres: cells.count, people: number(people), overloaded: overloaded))
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
            lines += "| \(name) | \(number(demand[name]!, digits: 1)) | \(number(supply[name]!, digits: 1)) | \(number(exportable[name] ?? 0, digits: 1)) | \(number(state, digits: 1)) (\(share)) | \(unit(units[name])) | \(t(.demoCoveredCircuits(covered: covered[name] ?? 0, of: circuits.count))) |\n"
        }
        let population = report["total_population"] as? Double ?? 0
        return t(.demoCoverage(circuits: circuits.count, people: number(population), rows: lines, story: story(circuits)))
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
            lines.append(t(.demoValley(grown: number(valley.capacity["primary"] ?? 0), demand: number(valley.demand),
                                       balance: number(valley.balance["primary"] ?? 0), exportable: number(valley.exportable),
                                       shops: number(valley.capacity["retail"] ?? 0), toAdd: number(valley.toAdd["retail"] ?? 0, digits: 1))))
        }
        if let dairy = stages("C-EM04", "cheese") {
            lines.append(t(.demoDairy(processing: number(dairy.capacity["processing"] ?? 0), demand: number(dairy.demand, digits: 1),
                                      balance: number(dairy.balance["processing"] ?? 0, digits: 1), milk: number(dairy.capacity["primary"] ?? 0),
                                      shops: number(dairy.capacity["retail"] ?? 0), toAdd: number(dairy.toAdd["retail"] ?? 0, digits: 1))))
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    private func distribution() throws -> String {
        let report = try json("cheese_distribution.json") as? [String: Any] ?? [:]
        let value = { (key: String) in report[key] as? Double ?? 0 }
        return t(.demoDistribution(delivered: number(value("delivered"), digits: 1), demand: number(value("demand"), digits: 1),
                                   share: number(100 * value("share_met"), digits: 1), intermediated: number(value("intermediated"), digits: 1),
                                   baseline: number(value("baseline_intermediated"), digits: 1), tonneKm: number(value("tonne_km")),
                                   betweenCircuits: try betweenCircuits()))
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
        guard !flows.isEmpty else { return t(.demoNoCheeseBetweenCircuits) }
        let total = flows.reduce(0) { $0 + $1.tonnes }
        let largest = flows.prefix(3).map { "\($0.from) → \($0.to) \(number($0.tonnes, digits: 1)) t" }.joined(separator: "; ")
        return t(.demoBetweenCircuits(total: number(total, digits: 1), largest: largest))
    }

    private func groupings() throws -> String {
        let compared = try json("groupings_compared.json") as? [[String: Any]] ?? []
        var rows = ""
        for entry in compared {
            let circuits = (entry["evaluation"] as? [String: Any])?["circuits"] as? [[String: Any]] ?? []
            rows += summaryRow(entry["grouping"] as? String ?? "?", circuits)
        }
        let suggested = (try json("suggested_circuits.json") as? [String: Any])?["circuits"] as? [[String: Any]] ?? []
        rows += summaryRow(t(.demoSuggestedGrouping), suggested)
        return t(.demoGroupings(rows: rows))
    }

    private func summaryRow(_ name: String, _ circuits: [[String: Any]]) -> String {
        let contiguous = circuits.filter { $0["contiguous"] as? Bool ?? false }.count
        let people = circuits.compactMap { $0["population"] as? Double }
        let compactness = circuits.compactMap { $0["compactness"] as? Double }
        let mean = compactness.isEmpty ? 0 : compactness.reduce(0, +) / Double(compactness.count)
        return "| \(name) | \(circuits.count) | \(contiguous) | \(number(people.min() ?? 0)) – \(number(people.max() ?? 0)) | \(number(mean, digits: 2)) |\n"
    }

    private func maps() -> String { t(.demoMaps) }

    private func commands() -> String {
        t(.demoCommands(study: steps.study, commands: steps.all.map(\.commandLine).joined(separator: "\n")))
    }
}

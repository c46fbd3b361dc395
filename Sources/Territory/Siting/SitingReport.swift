import Geo

/// A siting result as the `site` command writes it: the chosen (and
/// existing) facilities as points, the JSON with the objective, the
/// proof and every demand unit's assignment, and a short Markdown.
public struct SitingReport: Sendable {
    public var result: SitingResult
    public var problem: SitingProblem
    /// Candidate positions in `crs`.
    public var candidatePositions: [Position?]
    public var crs: CRS
    /// "m" or "min".
    public var costUnit: String
    /// Per candidate, for the layer and the JSON (capacitated, or a circuit's plant).
    public var capacities: [Int: Double] = [:]
    /// Extra top-level JSON keys (the circuit tie-in's).
    public var extra: JSONObject = JSONObject()

    public init(result: SitingResult, problem: SitingProblem, candidatePositions: [Position?], crs: CRS, costUnit: String) {
        self.result = result
        self.problem = problem
        self.candidatePositions = candidatePositions
        self.crs = crs
        self.costUnit = costUnit
        if let given = problem.capacities {
            for j in result.chosen + result.existing { capacities[j] = given[j] }
        }
    }

    /// Demand served and units assigned per open candidate.
    public var served: [Int: (demand: Double, units: Int)] {
        var served: [Int: (demand: Double, units: Int)] = [:]
        for assignment in result.assignment {
            if let amounts = assignment.amounts {
                for (j, amount) in amounts { served[j, default: (0, 0)].demand += amount }
                if let j = assignment.candidate { served[j, default: (0, 0)].units += 1 }
            } else if let j = assignment.candidate, assignment.covered != false {
                served[j, default: (0, 0)].demand += problem.weights[assignment.demand]
                served[j, default: (0, 0)].units += 1
            }
        }
        return served
    }

    /// The open facilities, chosen then existing, in `crs`.
    public func layer() -> Layer {
        let served = self.served
        let open = result.chosen.map { ($0, false) } + result.existing.map { ($0, true) }
        let features = open.map { j, existing -> Feature in
            var properties: JSONObject = [
                "id": .string(problem.candidateIDs[j]),
                "existing": .bool(existing),
                "demand_served": .number(Self.round(served[j]?.demand ?? 0)),
                "assigned": .number(served[j]?.units ?? 0),
            ]
            if let capacity = capacities[j] { properties["capacity"] = .number(Self.round(capacity)) }
            return Feature(id: .string(problem.candidateIDs[j]), geometry: candidatePositions[j].map { .point($0) }, properties: properties)
        }
        return Layer(features: features, crs: crs)
    }

    public var json: JSONValue {
        var object = extra
        object["method"] = .string(result.method.name)
        object["objective"] = .number(result.objective)
        object["cost_unit"] = .string(costUnit)
        object["chosen"] = .array(result.chosen.map { .string(problem.candidateIDs[$0]) })
        object["existing"] = .array(result.existing.map { .string(problem.candidateIDs[$0]) })
        object["optimal"] = .bool(result.optimal)
        object["bound"] = result.bound.map { .number($0) } ?? .null
        object["gap"] = result.gap.map { .number($0) } ?? .null
        object["nodes"] = .number(result.nodes)
        if let cost = result.assignmentCost { object["assignment_cost"] = .number(Self.round(cost)) }
        if !capacities.isEmpty {
            object["capacities"] = .object(JSONObject(capacities.sorted { $0.key < $1.key }.map {
                .init(key: problem.candidateIDs[$0.key], value: .number(Self.round($0.value)))
            }))
        }
        object["assignment"] = .object(JSONObject(result.assignment.map { a in
            var entry: JSONObject = [
                "candidate": a.candidate.map { .string(problem.candidateIDs[$0]) } ?? .null,
                "distance": a.cost.map { .number(Self.round($0)) } ?? .null,
                "weight": .number(Self.round(problem.weights[a.demand])),
            ]
            if let covered = a.covered { entry["covered"] = .bool(covered) }
            if let amounts = a.amounts, amounts.count > 1 {
                entry["split"] = .object(JSONObject(amounts.map { .init(key: problem.candidateIDs[$0.candidate], value: .number(Self.round($0.amount))) }))
            }
            return .init(key: problem.demandIDs[a.demand], value: .object(entry))
        }))
        object["unreachable"] = .object(JSONObject(result.unreachable.sorted { $0.key < $1.key }.map { reason, units in
            .init(key: reason, value: .object(["count": .number(units.count), "demand": .array(units.map { .string(problem.demandIDs[$0]) })]))
        }))
        if !result.notes.isEmpty { object["notes"] = .array(result.notes.map(JSONValue.string)) }
        return .object(object)
    }

    public var markdown: String {
        var lines = ["# Where to build: \(result.method.name)", ""]
        lines.append("- objective: \(Self.round(result.objective)) (\(objectiveMeaning))")
        lines.append("- chosen: \(result.chosen.map { problem.candidateIDs[$0] }.joined(separator: ", "))")
        if !result.existing.isEmpty { lines.append("- existing, kept open: \(result.existing.map { problem.candidateIDs[$0] }.joined(separator: ", "))") }
        if result.optimal {
            lines.append("- proved optimal (branch and bound over Lagrangian bounds, \(result.nodes) nodes)")
        } else if let bound = result.bound, let gap = result.gap {
            lines.append("- not proved optimal: bound \(Self.round(bound)), gap \(Self.round(gap * 100))% after \(result.nodes) nodes")
        }
        for (reason, units) in result.unreachable.sorted(by: { $0.key < $1.key }) {
            lines.append("- \(units.count) demand units left out: \(reason)")
        }
        for note in result.notes { lines.append("- \(note)") }
        return lines.joined(separator: "\n") + "\n"
    }

    private var objectiveMeaning: String {
        switch result.method {
        case .pMedian: "demand-weighted \(costUnit == "min" ? "minutes" : "metres") to the nearest open facility"
        case .maximalCovering: "demand within the radius of an open facility"
        case .setCovering: "new facilities to cover every demand unit within the radius"
        case .capacitated: "new facilities whose capacity serves all the demand"
        }
    }

    public static func round(_ value: Double) -> Double {
        guard value.isFinite else { return value }
        return (value * 1000).rounded() / 1000
    }
}

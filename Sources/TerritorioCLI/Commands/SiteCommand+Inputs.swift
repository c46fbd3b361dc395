import ArgumentParser
import Foundation
import Geo
import GeoFormats
import Territory

/// The `site` command's files made into a `SitingProblem`: the demand
/// layer and its metric CRS, candidates read or generated, existing
/// facilities appended as candidates kept open, costs in metres or
/// minutes. Every field named is checked; a weight or capacity that is not
/// a number is an error naming the file and the feature.
struct SiteInputs {
    let command: SiteCommand

    struct Prepared {
        var problem: SitingProblem
        var candidatePositions: [Position?]
        var crs: CRS
        var costUnit: String
        var demandFile: String
        /// Demand features left out before the problem, by reason (indices in the file).
        var leftOut: [String: [Int]]
        var capacityToAdd: Double? = nil
        var extra: JSONObject = JSONObject()
    }

    func read(travel: TravelTimes?) throws -> Prepared {
        let demandFile = command.demand!
        let demandLayer = try command.input.read(demandFile).layer
        try FieldCheck.require([command.demandID, command.weightField].compactMap { $0 }, in: demandLayer, file: demandFile, flag: "--demand-id-field/--weight-field")
        guard let crs = try demandLayer.metricCRS(file: demandFile) else {
            throw CommandFailure(message: "\(demandFile): no coordinates; the demand needs points or polygons")
        }
        let projected = try demandLayer.projected(to: crs, file: demandFile)
        var leftOut: [String: [Int]] = [:]
        var kept: [Int] = []
        var positions: [Position] = []
        for (index, feature) in projected.features.enumerated() {
            guard let shape = feature.geometry, let position = try Self.place(of: shape) else {
                leftOut["no geometry", default: []].append(index)
                continue
            }
            kept.append(index)
            positions.append(position)
        }
        let demandIDs = kept.map { Self.id(of: projected.features[$0], index: $0, field: command.demandID) }
        let weights = try kept.map { index -> Double in
            guard let field = command.weightField else { return 1 }
            return try Self.number(projected.features[index], index: index, field: field, file: demandFile, what: "a weight")
        }
        try Self.checkUnique(demandIDs, file: demandFile, flag: "--demand-id-field")

        var candidateIDs: [String] = [], candidatePositions: [Position?] = [], capacities: [Double] = []
        let spec = command.candidates!
        if spec.hasPrefix("generate:") {
            guard command.method != .capacitated else {
                throw ValidationError("--method capacitated needs candidates from a file, with --capacity-field")
            }
            let generated = try generate(spec, demand: projected, positions: positions, travel: travel, crs: crs)
            candidateIDs = generated.indices.map { "g\($0 + 1)" }
            candidatePositions = generated
            if spec == "generate:points" { candidateIDs = demandIDs }
        } else {
            let read = try points(spec, crs: crs, flag: "--candidates")
            (candidateIDs, candidatePositions, capacities) = (read.ids, read.positions, read.capacities)
        }
        var existing = Set<Int>()
        if let file = command.existing {
            let read = try points(file, crs: crs, flag: "--existing")
            existing = Set(candidateIDs.count..<(candidateIDs.count + read.ids.count))
            candidateIDs += read.ids
            candidatePositions += read.positions
            capacities += read.capacities
        }
        try Self.checkUnique(candidateIDs, file: spec + (command.existing.map { " and \($0)" } ?? ""), flag: "--candidate-id-field")
        guard !candidateIDs.isEmpty else { throw CommandFailure(message: "\(spec): no candidates") }

        var cost: [[Double]]
        var costUnit = "m"
        if let travel {
            let minutes = try SitingCosts.minutes(travel, from: positions, to: candidatePositions, crs: crs)
            cost = minutes.cost
            costUnit = "min"
            if !minutes.candidatesOffRoad.isEmpty {
                Diagnostics.warn("\(spec): \(minutes.candidatesOffRoad.count) of \(candidateIDs.count) candidates are beyond --max-snap of the roads: never chosen")
            }
        } else {
            cost = SitingCosts.metres(from: positions, to: candidatePositions)
        }
        let problem = SitingProblem(demandIDs: demandIDs, weights: weights, candidateIDs: candidateIDs, cost: cost,
                                    existing: existing, capacities: command.capacityField == nil ? nil : capacities)
        return Prepared(problem: problem, candidatePositions: candidatePositions, crs: crs, costUnit: costUnit,
                        demandFile: demandFile, leftOut: leftOut)
    }

    private func generate(_ spec: String, demand: Layer, positions: [Position], travel: TravelTimes?, crs: CRS) throws -> [Position?] {
        let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        switch parts.count >= 2 ? parts[1] : "" {
        case "points" where parts.count == 2:
            return positions
        case "grid" where parts.count == 3:
            guard let spacing = Length(parts[2]), spacing.metres > 0 else {
                throw ValidationError("--candidates \(spec): the grid spacing must be a distance with its unit, as generate:grid:5km")
            }
            guard let envelope = demand.envelope else { return [] }
            let areas = try demand.features.compactMap { feature -> Geometry? in
                switch feature.geometry {
                case .polygon?, .multiPolygon?: return try Geometry(feature.geometry!)
                default: return nil
                }
            }
            return try GeneratedCandidates.grid(spacing: spacing.metres, over: envelope, within: areas.isEmpty ? nil : areas)
        case "nodes" where parts.count == 2:
            guard let travel else { throw ValidationError(Diagnostics.text(.usage(.needs(flag: "--candidates generate:nodes", other: "--roads")))) }
            let nodes = GeneratedCandidates.roadNodes(travel.graph)
            let transformer = try Transformer(from: travel.graph.crs, to: crs)
            return try nodes.map { node -> Position? in
                guard case .point(let position?) = try transformer.transform(.point(node)) else { return nil }
                return position
            }
        default:
            throw ValidationError("--candidates \(spec): give a file, or generate:grid:5km, generate:points or generate:nodes")
        }
    }

    /// Points of a candidates or existing file, in `crs`, with ids and capacities.
    private func points(_ file: String, crs: CRS, flag: String) throws -> (ids: [String], positions: [Position?], capacities: [Double]) {
        let layer = try command.input.read(file).layer
        try FieldCheck.require([command.candidateID, command.capacityField].compactMap { $0 }, in: layer, file: file, flag: "--candidate-id-field/--capacity-field")
        let projected = try layer.projected(to: crs, file: file)
        var ids: [String] = [], positions: [Position?] = [], capacities: [Double] = []
        for (index, feature) in projected.features.enumerated() {
            guard let shape = feature.geometry, let position = try Self.place(of: shape) else {
                throw CommandFailure(message: "\(FeatureLocation(file: file, index: index, id: feature.id)): no geometry; a \(flag) site needs a place")
            }
            ids.append(Self.id(of: feature, index: index, field: command.candidateID))
            positions.append(position)
            if let field = command.capacityField {
                capacities.append(try Self.number(feature, index: index, field: field, file: file, what: "a capacity"))
            }
        }
        return (ids, positions, capacities)
    }

    /// A point's own place, a line's or polygon's representative point.
    static func place(of shape: Shape) throws -> Position? {
        if case .point(let position?) = shape { return position }
        return try Geometry(shape).pointOnSurface().position
    }

    static func id(of feature: Feature, index: Int, field: String?) -> String {
        if let field, let value = feature.properties[field], value != .null { return value.text }
        if let id = feature.id { return id.description }
        return String(index)
    }

    static func number(_ feature: Feature, index: Int, field: String, file: String, what: String) throws -> Double {
        let value = feature.properties[field]
        guard let number = value?.doubleValue, number.isFinite, number >= 0 else {
            throw CommandFailure(message: "\(FeatureLocation(file: file, index: index, id: feature.id)): '\(field)' is \(value.map { $0.text.isEmpty ? "empty" : "'\($0.text)'" } ?? "missing"), not \(what); give it a number of 0 or more, or leave the feature out")
        }
        return number
    }

    static func checkUnique(_ ids: [String], file: String, flag: String) throws {
        var seen = Set<String>()
        for id in ids where !seen.insert(id).inserted {
            throw CommandFailure(message: "\(file): the id '\(id)' is given twice; name a field of unique values with \(flag)")
        }
    }
}

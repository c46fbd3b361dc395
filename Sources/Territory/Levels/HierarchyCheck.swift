import Foundation
import Geo

/// Checks that a hierarchy holds together: codes present and unique,
/// parents present, every unit inside its parent (its representative
/// point, and at least `minimumShareInParent` of its area), parent names
/// consistent, and no overlaps within a level nor gaps inside a parent
/// larger than `minimumArea` m². Holes in the top level (lakes, salt flats
/// outside every unit) are not gaps: nothing says they belong to a unit.
public struct HierarchyCheck {
    public var minimumShareInParent = 0.99
    public var minimumArea = 1.0
    /// How a level's file is read; GeoJSON and CSV by default (the command
    /// line passes a reader of every format).
    public var readLayer: (String) throws -> Layer = { try LayerFile.read($0).layer }

    public init() {}

    /// A loaded level: its units' codes, names and geometries in metres.
    struct Level {
        let spec: HierarchySpec.Level
        let codes: [String]
        let names: [String?]
        let parentCodes: [String?]
        let parentNames: [String?]
        let geometries: [Geometry]
    }

    public func check(_ spec: HierarchySpec) throws -> (problems: [HierarchyProblem], metric: CRS) {
        let layers = try spec.levels.map { level in try load(level, spec) }
        // The top level spans the whole hierarchy.
        guard let metric = try layers.first?.metricCRS() else { return ([], .wgs84) }
        let context = GEOSContext.current
        var problems: [HierarchyProblem] = []
        let levels = try zip(spec.levels, layers).map { level, layer in
            try prepare(level, layer, metric: metric, context: context, problems: &problems)
        }
        for (depth, level) in levels.enumerated() {
            problems += codeProblems(level)
            problems += try overlaps(level, context: context)
            if depth > 0 { problems += try nesting(level, in: levels[depth - 1], context: context) }
        }
        return (problems, metric)
    }

    private func load(_ level: HierarchySpec.Level, _ spec: HierarchySpec) throws -> Layer {
        let path = spec.path(of: level)
        let layer = try readLayer(path)
        guard level.dissolve == true else { return layer }
        guard let id = level.id else {
            throw ReadError(file: path, message: "level \(level.name) dissolves the file but names no \"id\" field to dissolve by")
        }
        let fields = [level.nameField, level.parent, level.parentNameField].compactMap { $0 }
        return try Dissolve(options: .init(by: id, sum: level.population.map { [$0] } ?? [], first: fields)).dissolve(layer, file: path).layer
    }

    /// The level in metres; invalid geometries are made valid (GEOS
    /// MakeValid) for the checks, and reported.
    private func prepare(_ spec: HierarchySpec.Level, _ layer: Layer, metric: CRS, context: GEOSContext,
                         problems: inout [HierarchyProblem]) throws -> Level {
        let toMetric = try Transformer(from: layer.crs, to: metric)
        func text(_ feature: Feature, _ field: String?) -> String? {
            guard let field, let value = feature.properties[field], value != .null else { return nil }
            return value.text
        }
        let codes = layer.features.enumerated().map { index, feature in
            spec.id.map { text(feature, $0) ?? "" } ?? feature.id?.description ?? ""
        }
        // Repair in the file's own CRS, as dissolve does, so a level built
        // from this one by dissolving has exactly the same edges.
        var repaired = layer
        for (index, feature) in layer.features.enumerated() {
            guard let shape = feature.geometry else { continue }
            let geometry = try Geometry(shape, context: context)
            guard let invalid = try geometry.validityProblem() else { continue }
            let unit = codes[index].isEmpty ? "#\(index)" : codes[index]
            problems.append(HierarchyProblem(kind: .invalidGeometry, level: spec.name, unit: unit,
                                             message: "\(spec.name) \(unit) is invalid (\(invalid.reason)); checked as made valid",
                                             geometry: try invalid.location.map { try toMetric.transform(.point($0)) }))
            repaired.features[index].geometry = try geometry.makeValid().shape
        }
        let geometries = try repaired.projected(to: metric).features.map { try Geometry($0.geometry ?? .polygon([]), context: context) }
        return Level(spec: spec, codes: codes,
                     names: layer.features.map { text($0, spec.nameField) },
                     parentCodes: layer.features.map { text($0, spec.parent) },
                     parentNames: layer.features.map { text($0, spec.parentNameField) },
                     geometries: geometries)
    }

    private func label(_ level: Level, _ index: Int) -> String {
        level.codes[index].isEmpty ? "#\(index)" : level.codes[index]
    }

    private func codeProblems(_ level: Level) -> [HierarchyProblem] {
        var problems: [HierarchyProblem] = []
        var first: [String: Int] = [:]
        for (index, code) in level.codes.enumerated() {
            if code.isEmpty {
                problems.append(HierarchyProblem(kind: .missingCode, level: level.spec.name, unit: label(level, index),
                                                 message: "\(level.spec.name) #\(index)\(level.names[index].map { " (\($0))" } ?? "") has no code"))
            } else if let earlier = first[code] {
                problems.append(HierarchyProblem(kind: .duplicateCode, level: level.spec.name, unit: code, other: "#\(earlier)",
                                                 message: "\(level.spec.name) #\(index) has code \(code), as #\(earlier) does"))
            } else {
                first[code] = index
            }
        }
        return problems
    }

    private func overlaps(_ level: Level, context: GEOSContext) throws -> [HierarchyProblem] {
        let index = try SpatialIndex(level.geometries, context: context)
        var problems: [HierarchyProblem] = []
        for (position, geometry) in level.geometries.enumerated() where !geometry.isEmpty {
            for other in index.query(geometry) where other > position {
                guard try geometry.relate(level.geometries[other], pattern: "2********") else { continue }
                let shared = try geometry.intersection(level.geometries[other])
                let area = try shared.area()
                guard area > minimumArea else { continue }
                problems.append(HierarchyProblem(kind: .overlap, level: level.spec.name, unit: label(level, position),
                                                 other: label(level, other),
                                                 message: "\(level.spec.name) \(label(level, position)) and \(label(level, other)) overlap by \(Self.format(area)) m²",
                                                 area: area, geometry: shared.shape))
            }
        }
        return problems
    }

    private func nesting(_ level: Level, in parents: Level, context: GEOSContext) throws -> [HierarchyProblem] {
        var problems: [HierarchyProblem] = []
        var parentIndex: [String: Int] = [:]
        for (index, code) in parents.codes.enumerated() where !code.isEmpty && parentIndex[code] == nil { parentIndex[code] = index }
        let prepared = try parents.geometries.map { try PreparedGeometry($0) }
        let locator = try PolygonLocator(parents.geometries, context: context)
        var children: [Int: [Geometry]] = [:]
        let name = level.spec.name
        for (index, geometry) in level.geometries.enumerated() where !geometry.isEmpty {
            let unit = label(level, index)
            guard let parentCode = level.parentCodes[index], let parent = parentIndex[parentCode] else {
                problems.append(HierarchyProblem(kind: .missingParent, level: name, unit: unit, other: level.parentCodes[index],
                                                 message: "\(name) \(unit) names parent \(level.parentCodes[index] ?? "(none)"), which is not a \(parents.spec.name)"))
                continue
            }
            children[parent, default: []].append(geometry)
            let point = try geometry.pointOnSurface()
            if let position = point.position, try !prepared[parent].covers(point) {
                let found = try locator.locate(x: position.x, y: position.y).map { label(parents, $0) } ?? "no \(parents.spec.name)"
                problems.append(HierarchyProblem(kind: .outsideParent, level: name, unit: unit, other: parentCode,
                                                 message: "\(name) \(unit) lies outside its parent \(parentCode): its representative point is in \(found)",
                                                 geometry: point.shape))
            } else if try !prepared[parent].covers(geometry) {
                let area = try geometry.area()
                let inside = try geometry.intersection(parents.geometries[parent]).area()
                if area > 0, inside / area < minimumShareInParent {
                    problems.append(HierarchyProblem(kind: .partlyOutsideParent, level: name, unit: unit, other: parentCode,
                                                     message: "\(name) \(unit) has only \(String(format: "%.2f", 100 * inside / area)) % of its area in its parent \(parentCode)",
                                                     area: area - inside, geometry: try geometry.difference(parents.geometries[parent]).shape))
                }
            }
            if let given = level.parentNames[index], let actual = parents.names[parent], Self.fold(given) != Self.fold(actual) {
                problems.append(HierarchyProblem(kind: .nameMismatch, level: name, unit: unit, other: parentCode,
                                                 message: "\(name) \(unit) calls its parent \(parentCode) '\(given)', but it is named '\(actual)'"))
            }
        }
        for (parent, members) in children.sorted(by: { $0.key < $1.key }) {
            let covered = try Geometry.union(members, context: context)
            let gap = try parents.geometries[parent].difference(covered)
            for part in gap.parts where try part.area() > minimumArea {
                let area = try part.area()
                problems.append(HierarchyProblem(kind: .gap, level: name, unit: "-", other: label(parents, parent),
                                                 message: "a gap of \(Self.format(area)) m² inside \(parents.spec.name) \(label(parents, parent)) belongs to no \(name)",
                                                 area: area, geometry: part.shape))
            }
        }
        return problems
    }

    /// Names compared without case or accents.
    static func fold(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .trimmingCharacters(in: .whitespaces)
    }

    static func format(_ area: Double) -> String {
        String(format: "%.0f", area)
    }
}

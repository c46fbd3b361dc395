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
        problems += try check(levels, context: context)
        return (problems, metric)
    }

    /// The checks of levels already in metres, top first.
    func check(_ levels: [Level], context: GEOSContext) throws -> [HierarchyProblem] {
        var problems: [HierarchyProblem] = []
        for (depth, level) in levels.enumerated() {
            problems += codeProblems(level)
            problems += try overlaps(level, context: context)
            if depth > 0 { problems += try nesting(level, in: levels[depth - 1], context: context) }
        }
        return problems
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
            let named = text(feature, spec.nameField).map { $0 == unit ? unit : "\(unit) (\($0))" } ?? unit
            problems.append(HierarchyProblem(kind: .invalidGeometry, level: spec.name, unit: unit,
                                             message: "\(spec.name) \(named) is invalid (\(invalid.reason)); checked as made valid",
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

    /// The unit's code, or `#index` when it has none: the `unit` and
    /// `other` of a problem.
    func label(_ level: Level, _ index: Int) -> String {
        level.codes[index].isEmpty ? "#\(index)" : level.codes[index]
    }

    /// The unit as messages name it: its code and, when the level has a
    /// `nameField`, its name ("1701 (Quito)", "#4 (San Rafael)").
    func display(_ level: Level, _ index: Int) -> String {
        let code = label(level, index)
        guard let name = level.names[index], !name.isEmpty, name != code else { return code }
        return "\(code) (\(name))"
    }

    /// A parent named by code, with its name when the level has one.
    func display(_ level: Level, code: String) -> String {
        guard let index = level.codes.firstIndex(of: code) else { return code }
        return display(level, index)
    }

    private func codeProblems(_ level: Level) -> [HierarchyProblem] {
        var problems: [HierarchyProblem] = []
        var first: [String: Int] = [:]
        for (index, code) in level.codes.enumerated() {
            if code.isEmpty {
                problems.append(HierarchyProblem(kind: .missingCode, level: level.spec.name, unit: label(level, index),
                                                 message: "\(level.spec.name) \(display(level, index)) has no code"))
            } else if let earlier = first[code] {
                // The code is the same: the feature's position tells them apart.
                let named = { (index: Int) in "#\(index)" + (level.names[index].map { " (\($0))" } ?? "") }
                problems.append(HierarchyProblem(kind: .duplicateCode, level: level.spec.name, unit: code, other: "#\(earlier)",
                                                 message: "\(level.spec.name) \(named(index)) has code \(code), as \(named(earlier)) does"))
            } else {
                first[code] = index
            }
        }
        return problems
    }

    private func overlaps(_ level: Level, context: GEOSContext) throws -> [HierarchyProblem] {
        let index = try SpatialIndex(level.geometries, context: context)
        var problems: [HierarchyProblem] = []
        let name = level.spec.name
        for (position, geometry) in level.geometries.enumerated() where !geometry.isEmpty {
            for other in index.query(geometry) where other > position {
                let pair = "\(name) \(display(level, position)) and \(display(level, other))"
                let overlap = retrying([geometry, level.geometries[other]], failure: { error in
                    HierarchyProblem(kind: .checkFailed, level: name, unit: label(level, position), other: label(level, other),
                                     message: "\(pair) could not be checked for overlap, even repaired (GEOS: \(error.message)); repair them (validate --repair)")
                }) { pair throws(GEOSError) -> Geometry? in
                    guard try pair[0].relate(pair[1], pattern: "2********") else { return nil }
                    return try pair[0].intersection(pair[1])
                }
                switch overlap {
                case .failure(let problem): problems.append(problem)
                case .success(nil): continue
                case .success(let shared?):
                    let area = try shared.area()
                    guard area > minimumArea else { continue }
                    problems.append(HierarchyProblem(kind: .overlap, level: name, unit: label(level, position),
                                                     other: label(level, other),
                                                     message: "\(pair) overlap by \(Self.format(area)) m²",
                                                     area: area, geometry: shared.shape))
                }
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
        var children: [Int: [Int]] = [:]
        let name = level.spec.name
        for (index, geometry) in level.geometries.enumerated() where !geometry.isEmpty {
            let unit = label(level, index)
            guard let parentCode = level.parentCodes[index], let parent = parentIndex[parentCode] else {
                problems.append(HierarchyProblem(kind: .missingParent, level: name, unit: unit, other: level.parentCodes[index],
                                                 message: "\(name) \(display(level, index)) names parent \(level.parentCodes[index] ?? "(none)"), which is not a \(parents.spec.name)"))
                continue
            }
            children[parent, default: []].append(index)
            let placed = retrying([geometry, parents.geometries[parent]], failure: { error in
                HierarchyProblem(kind: .checkFailed, level: name, unit: unit, other: parentCode,
                                 message: "\(name) \(display(level, index)) could not be checked against its parent \(display(parents, parent)), even repaired (GEOS: \(error.message)); repair it (validate --repair)")
            }) { pair throws(GEOSError) -> HierarchyProblem? in
                // The prepared parent serves the first try; a repaired one is new.
                let parentGeometry = pair[1]
                func covers(_ other: Geometry) throws(GEOSError) -> Bool {
                    parentGeometry === parents.geometries[parent] ? try prepared[parent].covers(other) : try parentGeometry.covers(other)
                }
                return try placement(level, index, pair[0], in: parents, parent, parentGeometry, covers: covers, locator: locator)
            }
            switch placed {
            case .success(let problem?), .failure(let problem): problems.append(problem)
            case .success(nil): break
            }
            if let given = level.parentNames[index], let actual = parents.names[parent], Self.fold(given) != Self.fold(actual) {
                problems.append(HierarchyProblem(kind: .nameMismatch, level: name, unit: unit, other: parentCode,
                                                 message: "\(name) \(display(level, index)) calls its parent \(parentCode) '\(given)', but it is named '\(actual)'"))
            }
        }
        let index = try SpatialIndex(level.geometries, context: context)
        for (parent, members) in children.sorted(by: { $0.key < $1.key }) {
            problems += gaps(in: parent, of: parents, members: members, level: level, index: index, context: context)
        }
        return problems
    }

    /// Whether the unit lies in its parent: its representative point, and
    /// at least `minimumShareInParent` of its area.
    private func placement(_ level: Level, _ index: Int, _ geometry: Geometry, in parents: Level, _ parent: Int,
                           _ parentGeometry: Geometry, covers: (Geometry) throws(GEOSError) -> Bool,
                           locator: PolygonLocator) throws(GEOSError) -> HierarchyProblem? {
        let name = level.spec.name
        let unit = label(level, index)
        let parentCode = parents.codes[parent]
        let point = try geometry.pointOnSurface()
        if let position = point.position, try !covers(point) {
            let found = try locator.locate(x: position.x, y: position.y).map { display(parents, $0) } ?? "no \(parents.spec.name)"
            return HierarchyProblem(kind: .outsideParent, level: name, unit: unit, other: parentCode,
                                    message: "\(name) \(display(level, index)) lies outside its parent \(display(parents, parent)): its representative point is in \(found)",
                                    geometry: point.shape)
        }
        guard try !covers(geometry) else { return nil }
        let area = try geometry.area()
        let inside = try geometry.intersection(parentGeometry).area()
        guard area > 0, inside / area < minimumShareInParent else { return nil }
        return HierarchyProblem(kind: .partlyOutsideParent, level: name, unit: unit, other: parentCode,
                                message: "\(name) \(display(level, index)) has only \(String(format: "%.2f", 100 * inside / area)) % of its area in its parent \(display(parents, parent))",
                                area: area - inside, geometry: try geometry.difference(parentGeometry).shape)
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

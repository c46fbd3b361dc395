import Geo

/// The territories of a study, prepared once: projected into the metric
/// CRS chosen for them, with their codes (a property, or the feature id),
/// names, populations and GEOS geometries, and found by code. Every
/// analysis over territories starts from here instead of repeating the
/// preamble.
public struct StudyTerritories: @unchecked Sendable {
    /// Where they were read from, for messages.
    public let file: String
    /// As read, less those a `skip` policy left out.
    public let layer: Layer
    /// The CRS every measure is made in (metres).
    public let metric: CRS
    /// `layer` in `metric`.
    public let projected: Layer
    public let codes: [String]
    /// From the name field; nil where there is none.
    public let names: [String?]
    /// People per territory: 0 where the policy zeroed a missing value
    /// (see `populationCheck`), never silently.
    public let populations: [Double]
    /// What the population check found: zeroed and skipped features.
    public let populationCheck: CheckedValues
    /// In `metric`, one per territory (an empty polygon for a feature
    /// without geometry).
    public let geometries: [Geometry]
    public let idField: String?
    public let nameField: String?
    public let populationField: String
    private let unitOfCode: [String: Int]

    /// Prepares `layer` (read from `file`): codes from `idField` (the
    /// feature id when nil) must be unique; populations from
    /// `populationField` follow `missingPopulation` (an error by default).
    /// Pass `populationField: nil` when no analysis will count people.
    public init(_ layer: Layer, file: String, idField: String? = nil, nameField: String? = nil,
                populationField: String? = "population", missingPopulation: MissingValuePolicy = .error,
                metric: CRS? = nil, context: GEOSContext = .current) throws {
        let checked = try populationField.map {
            try MissingValues.check(layer, fields: [$0], file: file, policy: missingPopulation,
                                    flag: "--missing-population", what: "population")
        } ?? CheckedValues(layer: layer, original: layer, what: "population")
        let kept = checked.layer
        guard let chosen = try metric ?? kept.metricCRS() else {
            throw ReadError(file: file, reason: .noGeometry)
        }
        self.file = file
        self.layer = kept
        self.metric = chosen
        self.projected = try kept.projected(to: chosen, file: file)
        let join = SpatialJoin(options: .init(idField: idField))
        codes = kept.features.enumerated().map { join.code(of: $1, index: checked.originalIndex($0)).text }
        unitOfCode = try TerritoryCodes.units(of: codes, file: file, idField: idField)
        names = kept.features.map { feature in
            nameField.flatMap { feature.properties[$0] }.flatMap { $0 == .null ? nil : $0.text }
        }
        populations = kept.features.map { feature in populationField.flatMap { feature.properties[$0]?.doubleValue } ?? 0 }
        populationCheck = checked
        geometries = try projected.features.map { try Geometry($0.geometry ?? .polygon([]), context: context) }
        self.idField = idField
        self.nameField = nameField
        self.populationField = populationField ?? "population"
    }

    public var count: Int { codes.count }
    public var totalPopulation: Double { populations.reduce(0, +) }

    /// The territory of a code, nil when none has it.
    public func unit(ofCode code: String) -> Int? { unitOfCode[code] }

    /// "code (name)", or the code alone, for reports and messages.
    public func label(_ unit: Int) -> String {
        guard let name = names[unit], name != codes[unit] else { return codes[unit] }
        return "\(codes[unit]) (\(name))"
    }

    /// Each grouping row's territory must be one of these: an error naming
    /// the grouping file's line otherwise.
    public func check(_ grouping: Grouping, file groupingFile: String) throws {
        for row in grouping.rows where unitOfCode[row.territory] == nil {
            throw ReadError(file: groupingFile, line: row.line, reason: .territoryNotInTerritories(row.territory))
        }
    }
}

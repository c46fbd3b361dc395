import Geo

/// Any point layer (community priorities, schools, health posts) counted
/// and summed by a category field per territory, circuit and zone, as
/// `join --summary --by` does per territory.
public struct PointTallies: Sendable {
    /// The points to tally, as read.
    public struct Input: Sendable {
        public var layer: Layer
        public var file: String
        public var by: String?
        public var sum: String?

        public init(layer: Layer, file: String, by: String?, sum: String?) {
            self.layer = layer
            self.file = file
            self.by = by
            self.sum = sum
        }
    }

    public struct Row: Sendable, Hashable {
        public var place: String
        public var category: String
        public var points: Int
        public var sum: Double
    }

    public var file: String
    public var by: String?
    public var sumField: String?
    public var territories: [Row]
    public var circuits: [Row]
    public var zones: [Row]
    public var points: Int
    /// Points outside every territory, and in a territory of no circuit.
    public var outside: Int
    public var inNoCircuit: Int
    /// Points with no value to sum.
    public var withoutValue: Int

    init(_ input: Input, study: Study, circuitsOfUnit: [Int: [String]]) throws {
        let territories = study.territories
        let join = try SpatialJoin(options: .init(idField: territories.idField))
            .join(points: input.layer, polygons: territories.layer, pointsFile: input.file)
        let units = join.polygonOfPoint
        let summary = try CategorySummary(points: input.layer, territories: units.map { $0.map { territories.codes[$0] } },
                                          by: input.by, sum: input.sum, file: input.file)
        file = input.file
        by = input.by
        sumField = input.sum
        points = input.layer.count
        outside = units.filter { $0 == nil }.count
        inNoCircuit = units.filter { $0.map { circuitsOfUnit[$0] == nil } ?? false }.count
        withoutValue = summary.withoutValue
        self.territories = summary.rows.filter { !$0.territory.isEmpty }
            .map { Row(place: $0.territory, category: $0.category, points: $0.points, sum: $0.sum) }
        // A territory in two circuits counts in both, as its people do.
        var byCircuit: [String: [String: (Int, Double)]] = [:]
        for row in summary.rows where !row.territory.isEmpty {
            guard let unit = territories.unit(ofCode: row.territory) else { continue }
            for circuit in circuitsOfUnit[unit] ?? [] {
                let (count, total) = byCircuit[circuit]?[row.category] ?? (0, 0)
                byCircuit[circuit, default: [:]][row.category] = (count + row.points, total + row.sum)
            }
        }
        circuits = Self.rows(byCircuit)
        var byZone: [String: [String: (Int, Double)]] = [:]
        if let zoning = study.zoning {
            for (circuit, categories) in byCircuit {
                guard let zone = zoning.zone(of: circuit) else { continue }
                for (category, (count, total)) in categories {
                    let (c, t) = byZone[zone]?[category] ?? (0, 0)
                    byZone[zone, default: [:]][category] = (c + count, t + total)
                }
            }
        }
        zones = Self.rows(byZone)
    }

    private static func rows(_ totals: [String: [String: (Int, Double)]]) -> [Row] {
        totals.keys.sorted().flatMap { place in
            totals[place]!.keys.sorted().map { category in
                let (count, total) = totals[place]![category]!
                return Row(place: place, category: category, points: count, sum: total)
            }
        }
    }
}

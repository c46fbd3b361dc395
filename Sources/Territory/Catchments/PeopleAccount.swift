import Foundation
import Geo

/// Every person of the territories counted once. For every method: in a
/// catchment, or outside every catchment. For `capacity`, those in a
/// catchment are split into fed (by some facility's capacity, wherever it
/// is) and unfed (in a catchment, beyond what the capacity reaches), and
/// the capacity itself is turned into people and families, the
/// programmes' arithmetic: 2,510 t/month at 30 kg a person feeds 83,667
/// people, 20,917 families of 4.
///
/// The parts are exact sums (a unit fed in part counts the people its
/// share feeds); `whole` rounds them to whole people so that they add up
/// to the rounded population exactly (see `WholeParts`).
public struct PeopleAccount: Sendable, Equatable {
    public var method: CatchmentAnalysis.Method
    public var populationTotal: Double
    /// People in no catchment: in the uncovered pieces (areal
    /// interpolation) or, for `capacity`, in the units no facility reaches.
    public var outside: Double
    public var feeding: Feeding?

    /// Who the capacity feeds (`capacity` method only).
    public struct Feeding: Sendable, Equatable {
        public var fed: Double
        public var unfed: Double
        public var familySize: Double
        public var product: String
        /// The final product's unit, `t/month`.
        public var unit: String
        public var demandKgPerPersonMonth: Double
        /// The facilities' capacity in final product; what the flow
        /// delivers of it; and the people the whole capacity could feed.
        public var capacity: Double
        public var capacityUsed: Double
        public var capacityPeople: Double
        /// Metres, when a facility feeds no unit farther than this.
        public var maxDistance: Double?
    }

    /// Whole people: each part rounded so the parts add up to `total`.
    public struct Whole: Sendable, Equatable {
        public var total: Double
        public var inCatchments: Double
        public var outside: Double
        /// `capacity` only; `fed + unfed == inCatchments`.
        public var fed: Double?
        public var unfed: Double?
    }

    public var inCatchments: Double { populationTotal - outside }

    public var whole: Whole {
        if let feeding {
            let parts = WholeParts.round([feeding.fed, feeding.unfed, outside], total: populationTotal)
            return Whole(total: parts.total, inCatchments: parts.parts[0] + parts.parts[1], outside: parts.parts[2],
                         fed: parts.parts[0], unfed: parts.parts[1])
        }
        let parts = WholeParts.round([max(0, inCatchments), outside], total: populationTotal)
        return Whole(total: parts.total, inCatchments: parts.parts[0], outside: parts.parts[1])
    }

    /// Families of `familySize`, rounded: of the people fed, and of the
    /// people the capacity could feed.
    public var familiesFed: Double? { feeding.map { ($0.fed / $0.familySize).rounded() } }
    public var capacityFamilies: Double? { feeding.map { ($0.capacityPeople / $0.familySize).rounded() } }

    private var unitKey: String { (feeding?.unit ?? "").replacingOccurrences(of: "/", with: "_") }

    /// The `--json` report's fields (the README's catchment section defines each).
    public var json: JSONObject {
        let whole = self.whole
        var object: JSONObject = [
            "method": .string(method.rawValue),
            "population_total": .number((whole.total)),
            "people_in_catchments": .number((whole.inCatchments)),
            "people_outside": .number((whole.outside)),
        ]
        guard let feeding, let fed = whole.fed, let unfed = whole.unfed else { return object }
        object["people_fed"] = .number(fed)
        object["families_fed"] = .number(familiesFed ?? 0)
        object["people_unfed"] = .number(unfed)
        object["family_size"] = .number(feeding.familySize)
        object["product"] = .string(feeding.product)
        object["demand_kg_person_month"] = .number(feeding.demandKgPerPersonMonth)
        object["capacity_\(unitKey)"] = .number(CatchmentAnalysis.round(feeding.capacity))
        object["capacity_used_\(unitKey)"] = .number(CatchmentAnalysis.round(feeding.capacityUsed))
        object["capacity_people"] = .number(feeding.capacityPeople.rounded())
        object["capacity_families"] = .number(capacityFamilies ?? 0)
        object["max_distance_m"] = feeding.maxDistance.map { .number($0) } ?? .null
        return object
    }

    /// One line for stderr with the same accounting.
    public var line: String {
        let whole = self.whole
        guard let feeding, let fed = whole.fed, let unfed = whole.unfed else {
            return "\(Self.people(whole.total)) people in the territories: \(Self.people(whole.inCatchments)) in a catchment, \(Self.people(whole.outside)) outside every catchment"
        }
        let size = Self.number(feeding.familySize)
        return "\(Self.number(feeding.capacity)) \(feeding.unit) of \(feeding.product) at \(Self.number(feeding.demandKgPerPersonMonth)) kg a person feeds "
            + "\(Self.people(feeding.capacityPeople.rounded())) people (\(Self.people(capacityFamilies ?? 0)) families of \(size)); "
            + "of \(Self.people(whole.total)) people in the territories: \(Self.people(fed)) fed (\(Self.people(familiesFed ?? 0)) families), "
            + "\(Self.people(unfed)) unfed (in a catchment, beyond capacity), \(Self.people(whole.outside)) outside every catchment"
    }

    /// The `--report` Markdown.
    public var markdown: String {
        let whole = self.whole
        var text = "# Catchments (\(method.rawValue)): every person counted once\n\n"
        guard let feeding, let fed = whole.fed, let unfed = whole.unfed else {
            text += "| | people |\n|---|---:|\n"
            text += "| in the territories | \(Self.people(whole.total)) |\n| in a catchment | \(Self.people(whole.inCatchments)) |\n"
            text += "| outside every catchment | \(Self.people(whole.outside)) |\n\n"
            text += "In a catchment + outside = the territories' population, exactly (each rounded to a whole person so that they add up).\n"
            return text
        }
        let size = Self.number(feeding.familySize)
        text += "**\(Self.number(feeding.capacity)) \(feeding.unit) of \(feeding.product) at \(Self.number(feeding.demandKgPerPersonMonth)) kg a person a month "
        text += "feeds \(Self.people(feeding.capacityPeople.rounded())) people, \(Self.people(capacityFamilies ?? 0)) families of \(size).**\n\n"
        text += "| | people | families of \(size) |\n|---|---:|---:|\n"
        text += "| in the territories | \(Self.people(whole.total)) | |\n"
        text += "| fed | \(Self.people(fed)) | \(Self.people(familiesFed ?? 0)) |\n"
        text += "| unfed: in a catchment, beyond capacity | \(Self.people(unfed)) | |\n"
        text += "| outside every catchment | \(Self.people(whole.outside)) | |\n\n"
        text += "Fed + unfed + outside = the territories' population, exactly: each part is rounded to a whole person so that the three add up. "
        text += "Capacity used: \(Self.number(feeding.capacityUsed)) of \(Self.number(feeding.capacity)) \(feeding.unit)"
        if let limit = feeding.maxDistance {
            text += "; a facility feeds no territory farther than \(Self.number(limit)) m from it (straight line to the territory's representative point)"
        }
        text += ".\n"
        return text
    }

    static func people(_ value: Double) -> String { number(value.rounded()) }

    /// Thousands with commas, at most one decimal.
    static func number(_ value: Double) -> String { ReportNumber.grouped(value, maximumFractionDigits: 1) }
}

/// Parts of a whole rounded to integers that add up to the rounded
/// whole (the largest-remainder method): each part goes down to its
/// integer, and the people left over go one each to the parts with the
/// largest fractions (the first part on a tie). A part already whole
/// stays as it is; each part moves by less than 1.
enum WholeParts {
    /// In Double: populations past Int's range (1e19) are still counted,
    /// not trapped on; past 2^53 whole numbers are as exact as Doubles are.
    static func round(_ parts: [Double], total: Double) -> (total: Double, parts: [Double]) {
        let target = total.rounded()
        var whole = parts.map { max(0, $0).rounded(.down) }
        // Infinite or NaN values have no whole people to share out.
        guard target.isFinite, whole.allSatisfy(\.isFinite) else { return (target, whole) }
        var left = Int(max(-Double(parts.count), min(Double(parts.count), target - whole.reduce(0, +))))
        let byFraction = parts.indices.sorted { a, b in
            let (fa, fb) = (parts[a] - parts[a].rounded(.down), parts[b] - parts[b].rounded(.down))
            return fa != fb ? fa > fb : a < b
        }
        // `left` is 0...parts.count for parts that add up to `total`; a
        // float's last bit can make it one more or one less.
        var position = 0
        while left > 0 {
            whole[byFraction[position % parts.count]] += 1
            left -= 1
            position += 1
        }
        while left < 0, let largest = whole.indices.max(by: { whole[$0] < whole[$1] }), whole[largest] > 0 {
            whole[largest] -= 1
            left += 1
        }
        return (target, whole)
    }
}

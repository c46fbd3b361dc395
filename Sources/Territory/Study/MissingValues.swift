import Geo

/// What to do with a feature whose number (population, a summed field) is
/// null, missing, text or not a number: by default an error naming the
/// first features; `zero` counts it as 0 and `skip` leaves the feature
/// out, each counted in the tallies. Never 0 without saying so.
public enum MissingValuePolicy: String, CaseIterable, Sendable {
    case error, zero, skip
}

/// The layer a command works on once the values it reads are checked.
public struct CheckedValues: Sendable {
    /// The features kept, zeroed values set to 0.
    public var layer: Layer
    /// The layer as read.
    public var original: Layer
    /// Indices (in the file) of the features whose values were taken as 0, or left out.
    public var zeroed: [Int] = []
    public var skipped: [Int] = []
    /// What the values are, for the tallies: "population".
    public var what: String

    public init(layer: Layer, original: Layer, zeroed: [Int] = [], skipped: [Int] = [], what: String) {
        self.layer = layer
        self.original = original
        self.zeroed = zeroed
        self.skipped = skipped
        self.what = what
    }

    /// The index in the file of the feature at `index` in `layer`.
    public func originalIndex(_ index: Int) -> Int {
        var result = index
        for skip in skipped.sorted() where skip <= result { result += 1 }
        return result
    }

    /// The grouping without the territories left out (their codes as
    /// `idField` gives them), so that skipping one does not break it.
    public func filter(_ grouping: Grouping, idField: String?) -> Grouping {
        guard !skipped.isEmpty else { return grouping }
        let join = SpatialJoin(options: .init(idField: idField))
        let codes = Set(skipped.map { join.code(of: original.features[$0], index: $0).text })
        return Grouping(rows: grouping.rows.filter { !codes.contains($0.territory) }, names: grouping.names)
    }
}

public enum MissingValues {
    /// Checks that every feature of `layer` holds a number in each of
    /// `fields` (whose presence the caller has checked), applying `policy`
    /// to those that do not; `flag` names the choice in the error.
    /// `negativeAllowed` is false for counts of people.
    public static func check(_ layer: Layer, fields: [String], file: String, policy: MissingValuePolicy, flag: String,
                             what: String, negativeAllowed: Bool = false) throws -> CheckedValues {
        var problems: [(index: Int, reason: String)] = []
        for (index, feature) in layer.features.enumerated() {
            for field in fields {
                if let reason = problem(feature.properties[field], negativeAllowed: negativeAllowed) {
                    problems.append((index, "\(reason) in '\(field)'"))
                    break
                }
            }
        }
        var checked = CheckedValues(layer: layer, original: layer, what: what)
        guard !problems.isEmpty else { return checked }
        switch policy {
        case .error:
            let first = problems.prefix(5).map { "feature \($0.index)" + (layer.features[$0.index].id.map { " (id \($0))" } ?? "") + ": \($0.reason)" }
            throw ReadError(file: file, message: "\(problems.count) of \(layer.count) features have no usable \(what) (\(first.joined(separator: "; "))\(problems.count > 5 ? "; ..." : "")); fix the data, or pass \(flag) zero to count them as 0, or \(flag) skip to leave them out")
        case .zero:
            for (index, _) in problems {
                for field in fields where problem(checked.layer.features[index].properties[field], negativeAllowed: negativeAllowed) != nil {
                    checked.layer.features[index].properties[field] = .number(0)
                }
            }
            checked.zeroed = problems.map(\.index)
        case .skip:
            let left = Set(problems.map(\.index))
            checked.layer.features = layer.features.enumerated().filter { !left.contains($0.offset) }.map(\.element)
            checked.skipped = problems.map(\.index)
        }
        return checked
    }

    /// Why a value is not a usable number, or nil when it is one.
    public static func problem(_ value: JSONValue?, negativeAllowed: Bool) -> String? {
        switch value {
        case nil: return "missing"
        case .null?: return "null"
        case .string(let text)?: return "text \"\(text.prefix(20))\" (not a number)"
        case .number(let number)?:
            let double = number.value
            if !double.isFinite { return "not a finite number" }
            if double < 0 && !negativeAllowed { return "negative (\(double))" }
            return nil
        case let other?: return "\(other.jsonText.prefix(20)) (not a number)"
        }
    }
}

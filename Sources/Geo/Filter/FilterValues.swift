/// How two property values compare in a filter, as OGR SQL compares them:
///
/// - strings compare without regard to case (`stage = 'Processing'` keeps
///   `processing`); OGR folds ASCII letters only, Territorio every letter,
///   so `'BÁRBARA' = 'Bárbara'` holds here and not in OGR;
/// - two numbers compare as numbers, and so do a number and a string that
///   reads as one (`code = 12` keeps `"12"`), or a number and a boolean
///   (true is 1, as in OGR's boolean fields: `urban = 1`);
/// - a null on either side makes every comparison false.
enum FilterValues {
    static func compare(_ left: JSONValue, _ op: FilterNode.ComparisonOperator, _ right: JSONValue) -> Bool {
        if case .null = left { return false }
        if case .null = right { return false }
        if let order = order(left, right) {
            switch op {
            case .equal: return order == 0
            case .notEqual: return order != 0
            case .less: return order < 0
            case .lessOrEqual: return order <= 0
            case .greater: return order > 0
            case .greaterOrEqual: return order >= 0
            }
        }
        switch op {
        case .equal: return left == right
        case .notEqual: return left != right
        default: return false
        }
    }

    /// -1, 0 or 1 for two numbers (or numeric strings or booleans against
    /// numbers) or two strings; nil when they do not order.
    static func order(_ left: JSONValue, _ right: JSONValue) -> Int? {
        switch (left, right) {
        case (.string(let a), .string(let b)):
            let (a, b) = (a.lowercased(), b.lowercased())
            return a == b ? 0 : (a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) ? -1 : 1)
        case (.bool(let a), .bool(let b)):
            return a == b ? 0 : nil
        default:
            guard let a = numeric(left, against: right), let b = numeric(right, against: left) else { return nil }
            return a == b ? 0 : (a < b ? -1 : 1)
        }
    }

    private static func numeric(_ value: JSONValue, against other: JSONValue) -> Double? {
        switch value {
        case .number(let number): number.value
        case .string(let string): Double(string)
        case .bool(let flag):
            // Only against a number: `urban = 1` as OGR's boolean fields read.
            if case .number = other { flag ? 1 : 0 } else { nil }
        default: nil
        }
    }
}

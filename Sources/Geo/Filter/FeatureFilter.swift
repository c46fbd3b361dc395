/// An attribute filter over feature properties, as `--where` takes it:
///
///     stage == 'processing' and capacity >= 10
///     product in ['milk', 'cheese'] or not (owner == "outside")
///     $id != 7
///
/// Names are property names (bare, or in backticks when they hold spaces
/// or punctuation); `$id` is the feature id. A missing property is null.
/// Ordering comparisons hold only between two numbers or two strings;
/// a number and a numeric string compare as numbers.
public struct FeatureFilter: Sendable {
    public let source: String
    let root: FilterNode

    public init(_ source: String) throws(FilterError) {
        self.source = source
        var parser = try FilterParser(source)
        root = try parser.parse()
    }

    public func matches(_ feature: Feature) -> Bool {
        root.evaluate(feature).isTrue
    }
}

/// A malformed expression; `column` counts characters from 1.
public struct FilterError: Error, Sendable, CustomStringConvertible {
    public let source: String
    public let column: Int
    public let message: String

    /// The message, the expression, and a caret under the column.
    public var description: String {
        "\(message) at column \(column)\n  \(source)\n  \(String(repeating: " ", count: max(0, column - 1)))^"
    }
}

indirect enum FilterNode: Sendable {
    case literal(JSONValue)
    case property(String)
    case featureID
    case list([FilterNode])
    case not(FilterNode)
    /// `a and b and c` is one node of three operands, so that a long chain
    /// is evaluated (and freed) without recursing once per operand.
    case and([FilterNode])
    case or([FilterNode])
    case compare(FilterNode, ComparisonOperator, FilterNode)
    case membership(FilterNode, FilterNode, negated: Bool)

    enum ComparisonOperator: String, Sendable {
        case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    }

    func evaluate(_ feature: Feature) -> JSONValue {
        switch self {
        case .literal(let value): return value
        case .property(let name): return feature.properties[name] ?? .null
        case .featureID:
            switch feature.id {
            case .string(let string)?: return .string(string)
            case .number(let number)?: return .number(number)
            case nil: return .null
            }
        case .list(let members): return .array(members.map { $0.evaluate(feature) })
        case .not(let operand): return .bool(!operand.evaluate(feature).isTrue)
        case .and(let operands): return .bool(operands.allSatisfy { $0.evaluate(feature).isTrue })
        case .or(let operands): return .bool(operands.contains { $0.evaluate(feature).isTrue })
        case .compare(let left, let op, let right):
            return .bool(Self.compare(left.evaluate(feature), op, right.evaluate(feature)))
        case .membership(let element, let list, let negated):
            let value = element.evaluate(feature)
            guard case .array(let members) = list.evaluate(feature) else { return .bool(false) }
            let found = members.contains { Self.compare(value, .equal, $0) }
            return .bool(found != negated)
        }
    }

    static func compare(_ left: JSONValue, _ op: ComparisonOperator, _ right: JSONValue) -> Bool {
        if case .null = left, case .null = right { return op == .equal || op == .lessOrEqual || op == .greaterOrEqual }
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

    /// -1, 0 or 1 for two numbers (or numeric strings against numbers) or
    /// two strings; nil when they do not order.
    private static func order(_ left: JSONValue, _ right: JSONValue) -> Int? {
        switch (left, right) {
        case (.string(let a), .string(let b)):
            return a == b ? 0 : (a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) ? -1 : 1)
        case (.bool(let a), .bool(let b)):
            return a == b ? 0 : nil
        default:
            guard let a = numeric(left), let b = numeric(right) else { return nil }
            return a == b ? 0 : (a < b ? -1 : 1)
        }
    }

    private static func numeric(_ value: JSONValue) -> Double? {
        switch value {
        case .number(let number): number.value
        case .string(let string): Double(string)
        default: nil
        }
    }
}

extension JSONValue {
    /// Truth in a filter: true, a non-zero number, a non-empty string.
    var isTrue: Bool {
        switch self {
        case .bool(let flag): flag
        case .number(let number): number.value != 0
        case .string(let string): !string.isEmpty
        case .null: false
        case .array(let values): !values.isEmpty
        case .object(let object): !object.isEmpty
        }
    }
}

extension FeatureFilter {
    /// The property names the expression reads, each once, in order of
    /// appearance (`$id` is not a property).
    public var propertyNames: [String] {
        var names: [String] = []
        var stack = [root]
        while let node = stack.popLast() {
            switch node {
            case .literal, .featureID: break
            case .property(let name): if !names.contains(name) { names.append(name) }
            case .list(let members), .and(let members), .or(let members): stack += members.reversed()
            case .not(let operand): stack.append(operand)
            case .compare(let left, _, let right): stack += [right, left]
            case .membership(let element, let list, _): stack += [list, element]
            }
        }
        return names
    }
}

/// A parsed filter. Evaluation follows OGR SQL (GDAL 3.x) so that an
/// expression selects the features `ogr2ogr -where` selects:
///
/// - a comparison with a null (or missing) value is false, whatever the
///   operator: `owner <> 'outside'` does not keep a site without owner;
/// - `NOT`, `NOT IN`, `NOT LIKE` and `NOT BETWEEN` are the plain negation
///   of the positive test, so they do keep it (OGR does the same);
/// - comparing with the literal `null` is a null test (`x = null` is
///   `x IS NULL`), where OGR would select nothing; see `FilterParser`.
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
    case isNull(FilterNode, negated: Bool)
    case like(FilterNode, LikePattern, negated: Bool)
    case between(FilterNode, FilterNode, FilterNode, negated: Bool)

    enum ComparisonOperator: String, Sendable {
        case equal = "=", notEqual = "<>", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
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
            return .bool(FilterValues.compare(left.evaluate(feature), op, right.evaluate(feature)))
        case .membership(let element, let list, let negated):
            return .bool(Self.isMember(element.evaluate(feature), of: list, feature) != negated)
        case .isNull(let operand, let negated):
            let isNull = if case .null = operand.evaluate(feature) { true } else { false }
            return .bool(isNull != negated)
        case .like(let operand, let pattern, let negated):
            return .bool(pattern.matches(operand.evaluate(feature)) != negated)
        case .between(let operand, let low, let high, let negated):
            let value = operand.evaluate(feature)
            let inside = FilterValues.compare(value, .greaterOrEqual, low.evaluate(feature))
                && FilterValues.compare(value, .lessOrEqual, high.evaluate(feature))
            return .bool(inside != negated)
        }
    }

    /// A literal `null` in the list matches a null value (as `= null`
    /// does); any other member matches as `=` does.
    private static func isMember(_ value: JSONValue, of list: FilterNode, _ feature: Feature) -> Bool {
        guard case .list(let members) = list else {
            guard case .array(let values) = list.evaluate(feature) else { return false }
            return values.contains { FilterValues.compare(value, .equal, $0) }
        }
        return members.contains { member in
            if case .literal(.null) = member {
                if case .null = value { return true }
                return false
            }
            return FilterValues.compare(value, .equal, member.evaluate(feature))
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

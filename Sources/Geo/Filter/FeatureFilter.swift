/// An attribute filter over feature properties, as `--where` takes it.
/// It reads OGR SQL, as `ogr2ogr -where` does, and Territorio's older
/// spelling:
///
///     stage = 'processing' AND capacity >= 10
///     product IN ('milk', 'cheese') OR NOT ("owner" = 'outside')
///     name LIKE 'San %' AND owner IS NOT NULL
///     stage == 'processing' and product in ['milk', 'cheese']
///     $id != 7
///
/// Names are property names: bare, in double quotes (as in SQL) or in
/// backticks; `$id` is the feature id. A missing property is null. The
/// meaning of each operator follows OGR's (see `FilterNode` and
/// `FilterValues`), so a filter selects what `ogr2ogr -where` selects.
public struct FeatureFilter: Sendable {
    public let source: String
    let root: FilterNode
    /// Names written in double quotes: in OGR SQL those are field names,
    /// where an older expression may have meant a string.
    public let doubleQuotedNames: Set<String>

    public init(_ source: String) throws(FilterError) {
        self.source = source
        var parser = try FilterParser(source)
        root = try parser.parse()
        doubleQuotedNames = parser.doubleQuotedNames
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
            case .not(let operand), .isNull(let operand, _), .like(let operand, _, _): stack.append(operand)
            case .compare(let left, _, let right): stack += [right, left]
            case .membership(let element, let list, _): stack += [list, element]
            case .between(let value, let low, let high, _): stack += [high, low, value]
            }
        }
        return names
    }
}

/// Recursive descent over the filter grammar (keywords in any case):
///
///     or        := and ("or" and)*
///     and       := not ("and" not)*
///     not       := "not" not | predicate
///     predicate := operand ( ("=" | "==" | "<>" | "!=" | "<" | "<=" | ">" | ">=") operand
///                          | "is" "not"? "null"
///                          | "not"? "in" list
///                          | "not"? ("like" | "ilike") string ("escape" string)?
///                          | "not"? "between" operand "and" operand )?
///     operand   := literal | name | "double-quoted name" | `name` | "$id" | list | "(" or ")"
///     list      := "(" operand ("," operand)* ")" | "[" (operand ("," operand)*)? "]"
///
/// `=` and `==` are one operator, as are `<>` and `!=`. Comparing with the
/// literal `null` is a null test (`x = null` is `x IS NULL`, `x <> null` is
/// `x IS NOT NULL`): OGR would select nothing, which nobody means.
///
/// Parentheses, `not`s and lists nest at most `maximumDepth` deep, so a
/// hostile expression cannot exhaust the stack; `and` and `or` chains of
/// any length are flat lists.
struct FilterParser {
    static let maximumDepth = 100

    let source: String
    let characters: [Character]
    var index = 0
    private var depth = 0
    private(set) var doubleQuotedNames: Set<String> = []

    init(_ source: String) throws(FilterError) {
        self.source = source
        characters = Array(source)
    }

    mutating func parse() throws(FilterError) -> FilterNode {
        skipSpaces()
        guard index < characters.count else { throw error("the expression is empty") }
        let node = try parseOr()
        skipSpaces()
        guard index == characters.count else {
            throw error("expected an operator, AND, OR or the end of the expression, found \(nextToken())")
        }
        return node
    }

    /// Counts one level of nesting around `body`; `start` is where the
    /// level opens, for the message.
    private mutating func nested<T>(at start: Int, _ body: (inout FilterParser) throws(FilterError) -> T) throws(FilterError) -> T {
        guard depth < Self.maximumDepth else {
            index = start
            throw error("the expression nests deeper than \(Self.maximumDepth) levels")
        }
        depth += 1
        defer { depth -= 1 }
        return try body(&self)
    }

    private mutating func parseOr() throws(FilterError) -> FilterNode {
        var operands = [try parseAnd()]
        while keyword("or") { operands.append(try parseAnd()) }
        return operands.count == 1 ? operands[0] : .or(operands)
    }

    private mutating func parseAnd() throws(FilterError) -> FilterNode {
        var operands = [try parseNot()]
        while keyword("and") { operands.append(try parseNot()) }
        return operands.count == 1 ? operands[0] : .and(operands)
    }

    private mutating func parseNot() throws(FilterError) -> FilterNode {
        skipSpaces()
        let start = index
        if keyword("not") { return try nested(at: start) { parser throws(FilterError) in .not(try parser.parseNot()) } }
        return try parsePredicate()
    }

    private static let comparisons: [(StaticString, FilterNode.ComparisonOperator)] = [
        ("==", .equal), ("!=", .notEqual), ("<>", .notEqual), ("<=", .lessOrEqual), (">=", .greaterOrEqual),
        ("=", .equal), ("<", .less), (">", .greater),
    ]

    private mutating func parsePredicate() throws(FilterError) -> FilterNode {
        skipSpaces()
        let leftStart = index
        let left = try parseOperand()
        for (symbol, op) in Self.comparisons where self.symbol(symbol) {
            skipSpaces()
            let rightStart = index
            return try comparison(left, op, try parseOperand(), at: (leftStart, rightStart))
        }
        if keyword("is") {
            let negated = keyword("not")
            guard keyword("null") else { throw error("expected NULL or NOT NULL after IS, found \(nextToken())") }
            return .isNull(left, negated: negated)
        }
        let mark = index
        let negated = keyword("not")
        if keyword("in") { return .membership(left, try parseList(), negated: negated) }
        if keyword("like") { return .like(left, try parsePattern(ignoringCase: false), negated: negated) }
        if keyword("ilike") { return .like(left, try parsePattern(ignoringCase: true), negated: negated) }
        if keyword("between") {
            let low = try parseOperand()
            guard keyword("and") else { throw error("expected AND in BETWEEN ... AND ..., found \(nextToken())") }
            return .between(left, low, try parseOperand(), negated: negated)
        }
        if negated {
            skipSpaces()
            throw error("expected IN, LIKE, ILIKE or BETWEEN after NOT, found \(nextToken())")
        }
        index = mark
        return left
    }

    /// A comparison, or a null test when one side is the literal `null`.
    private func comparison(_ left: FilterNode, _ op: FilterNode.ComparisonOperator, _ right: FilterNode,
                            at starts: (left: Int, right: Int)) throws(FilterError) -> FilterNode {
        let leftIsNull = if case .literal(.null) = left { true } else { false }
        let rightIsNull = if case .literal(.null) = right { true } else { false }
        guard leftIsNull || rightIsNull else { return .compare(left, op, right) }
        let other = rightIsNull ? left : right
        switch op {
        case .equal: return .isNull(other, negated: false)
        case .notEqual: return .isNull(other, negated: true)
        default:
            throw FilterError(source: source, column: (rightIsNull ? starts.right : starts.left) + 1,
                              message: "null has no order; use IS NULL or IS NOT NULL")
        }
    }

    /// `(a, b)` as in SQL, or `[a, b]` as Territorio wrote it before.
    private mutating func parseList() throws(FilterError) -> FilterNode {
        skipSpaces()
        let start = index
        let bracketed: Bool
        if symbol("(") { bracketed = false } else if symbol("[") { bracketed = true } else {
            throw error("expected '(' after IN, found \(nextToken())")
        }
        return try nested(at: start) { parser throws(FilterError) in
            var members: [FilterNode] = []
            if bracketed, parser.symbol("]") { return .list(members) }
            repeat {
                members.append(try parser.parseOperand())
            } while parser.symbol(",")
            guard bracketed ? parser.symbol("]") : parser.symbol(")") else {
                throw parser.error("expected ',' or '\(bracketed ? "]" : ")")' in the list, found \(parser.nextToken())")
            }
            return .list(members)
        }
    }

    private mutating func parsePattern(ignoringCase: Bool) throws(FilterError) -> LikePattern {
        skipSpaces()
        guard index < characters.count, characters[index] == "'" else {
            throw error("expected a pattern in single quotes after LIKE, found \(nextToken())")
        }
        let pattern = try parseString(quote: "'")
        var escape: Character?
        if keyword("escape") {
            skipSpaces()
            let start = index
            guard index < characters.count, characters[index] == "'" else {
                throw error("expected one character in single quotes after ESCAPE, found \(nextToken())")
            }
            let text = try parseString(quote: "'")
            guard text.count == 1 else {
                index = start
                throw error("expected one character in single quotes after ESCAPE, found '\(text)'")
            }
            escape = text.first
        }
        return LikePattern(pattern, escape: escape, ignoresCase: ignoringCase)
    }

    private static let reserved: Set<String> = ["and", "or", "not", "in", "is", "like", "ilike", "between"]

    private mutating func parseOperand() throws(FilterError) -> FilterNode {
        skipSpaces()
        guard index < characters.count else { throw error("expected a value at the end of the expression") }
        let character = characters[index]
        if symbol("(") {
            return try nested(at: index - 1) { parser throws(FilterError) in
                let node = try parser.parseOr()
                guard parser.symbol(")") else { throw parser.error("expected ')', found \(parser.nextToken())") }
                return node
            }
        }
        if character == "[" { return try parseList() }
        if character == "'" { return .literal(.string(try parseString(quote: "'"))) }
        if character == "\"" {
            // A field name, as in SQL; a string takes single quotes.
            let name = try parseString(quote: "\"")
            doubleQuotedNames.insert(name)
            return .property(name)
        }
        if character == "`" {
            index += 1
            let start = index
            while index < characters.count, characters[index] != "`" { index += 1 }
            guard index < characters.count else {
                index = start - 1
                throw error("unclosed '`' in a name")
            }
            index += 1
            return .property(String(characters[start..<(index - 1)]))
        }
        if character.isNumber || character == "-" || character == "." { return .literal(try parseNumber()) }
        if character == "$" {
            guard keyword("$id") else { throw error("unknown name; '$id' is the feature id") }
            return .featureID
        }
        if character.isLetter || character == "_" {
            let start = index
            let name = parseBareName()
            switch name.lowercased() {
            case "null": return .literal(.null)
            case "true": return .literal(.bool(true))
            case "false": return .literal(.bool(false))
            case let word where Self.reserved.contains(word):
                index = start
                throw error("expected a value before '\(name)' (a field of that name goes in double quotes)")
            default: return .property(name)
            }
        }
        throw error("expected a value, found \(nextToken())")
    }
}

/// Recursive descent over the filter grammar:
///
///     or         := and ("or" and)*
///     and        := not ("and" not)*
///     not        := "not" not | comparison
///     comparison := operand (("==" | "!=" | "<" | "<=" | ">" | ">=") operand
///                   | "not"? "in" list)?
///     operand    := literal | name | "$id" | list | "(" or ")"
///
/// Parentheses, `not`s and lists nest at most `maximumDepth` deep, so a
/// hostile expression cannot exhaust the stack; `and` and `or` chains of
/// any length are flat lists.
struct FilterParser {
    static let maximumDepth = 100

    private let source: String
    private let characters: [Character]
    private var index = 0
    private var depth = 0

    init(_ source: String) throws(FilterError) {
        self.source = source
        characters = Array(source)
    }

    mutating func parse() throws(FilterError) -> FilterNode {
        skipSpaces()
        guard index < characters.count else { throw error("the expression is empty") }
        let node = try parseOr()
        skipSpaces()
        guard index == characters.count else { throw error("unexpected '\(characters[index])'") }
        return node
    }

    private func error(_ message: String) -> FilterError {
        FilterError(source: source, column: index + 1, message: message)
    }

    private mutating func skipSpaces() {
        while index < characters.count, characters[index].isWhitespace { index += 1 }
    }

    /// Consumes `word` when it stands next as a whole word.
    private mutating func keyword(_ word: String) -> Bool {
        skipSpaces()
        let end = index + word.count
        guard end <= characters.count, String(characters[index..<end]).lowercased() == word else { return false }
        if end < characters.count, characters[end].isLetter || characters[end].isNumber || characters[end] == "_" { return false }
        index = end
        return true
    }

    private mutating func symbol(_ text: String) -> Bool {
        skipSpaces()
        let end = index + text.count
        guard end <= characters.count, String(characters[index..<end]) == text else { return false }
        index = end
        return true
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
        return try parseComparison()
    }

    private mutating func parseComparison() throws(FilterError) -> FilterNode {
        let left = try parseOperand()
        for op in ["==", "!=", "<=", ">=", "<", ">"] where symbol(op) {
            return .compare(left, FilterNode.ComparisonOperator(rawValue: op)!, try parseOperand())
        }
        let mark = index
        if keyword("not") {
            if keyword("in") { return .membership(left, try parseList(), negated: true) }
            index = mark
        }
        if keyword("in") { return .membership(left, try parseList(), negated: false) }
        skipSpaces()
        if index < characters.count, characters[index] == "=" { throw error("use '==' to compare") }
        return left
    }

    private mutating func parseList() throws(FilterError) -> FilterNode {
        skipSpaces()
        let start = index
        guard symbol("[") else { throw error("expected '[' after 'in'") }
        return try nested(at: start) { parser throws(FilterError) in
            var members: [FilterNode] = []
            if parser.symbol("]") { return .list(members) }
            repeat {
                members.append(try parser.parseOperand())
            } while parser.symbol(",")
            guard parser.symbol("]") else { throw parser.error("expected ',' or ']' in the list") }
            return .list(members)
        }
    }

    private mutating func parseOperand() throws(FilterError) -> FilterNode {
        skipSpaces()
        guard index < characters.count else { throw error("expected a value at the end of the expression") }
        let character = characters[index]
        if symbol("(") {
            return try nested(at: index - 1) { parser throws(FilterError) in
                let node = try parser.parseOr()
                guard parser.symbol(")") else { throw parser.error("expected ')'") }
                return node
            }
        }
        if character == "[" { return try parseList() }
        if character == "'" || character == "\"" { return .literal(.string(try parseString(quote: character))) }
        if character == "`" {
            index += 1
            let start = index
            while index < characters.count, characters[index] != "`" { index += 1 }
            guard index < characters.count else { throw error("unclosed '`' in a name") }
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
            while index < characters.count,
                  characters[index].isLetter || characters[index].isNumber || "_.:".contains(characters[index]) {
                index += 1
            }
            let name = String(characters[start..<index])
            switch name.lowercased() {
            case "null": return .literal(.null)
            case "true": return .literal(.bool(true))
            case "false": return .literal(.bool(false))
            case "and", "or", "not", "in":
                index = start
                throw error("expected a value before '\(name)'")
            default: return .property(name)
            }
        }
        throw error("expected a value, found '\(character)'")
    }

    private mutating func parseString(quote: Character) throws(FilterError) -> String {
        let start = index
        index += 1
        var text = ""
        while index < characters.count {
            let character = characters[index]
            index += 1
            if character == quote {
                // A doubled quote stands for itself, as in SQL.
                if index < characters.count, characters[index] == quote {
                    text.append(quote)
                    index += 1
                    continue
                }
                return text
            }
            text.append(character)
        }
        index = start
        throw error("unclosed string")
    }

    private mutating func parseNumber() throws(FilterError) -> JSONValue {
        let start = index
        while index < characters.count, characters[index].isNumber || "-+.eE".contains(characters[index]) { index += 1 }
        let text = String(characters[start..<index])
        guard let value = Double(text), value.isFinite else {
            index = start
            throw error("'\(text)' is not a number")
        }
        return .number(JSONNumber(literal: text, value: value))
    }
}

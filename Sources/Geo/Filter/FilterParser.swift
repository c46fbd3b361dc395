/// Recursive descent over the filter grammar:
///
///     or         := and ("or" and)*
///     and        := not ("and" not)*
///     not        := "not" not | comparison
///     comparison := operand (("==" | "!=" | "<" | "<=" | ">" | ">=") operand
///                   | "not"? "in" list)?
///     operand    := literal | name | "$id" | list | "(" or ")"
struct FilterParser {
    private let source: String
    private let characters: [Character]
    private var index = 0

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

    private mutating func parseOr() throws(FilterError) -> FilterNode {
        var node = try parseAnd()
        while keyword("or") { node = .or(node, try parseAnd()) }
        return node
    }

    private mutating func parseAnd() throws(FilterError) -> FilterNode {
        var node = try parseNot()
        while keyword("and") { node = .and(node, try parseNot()) }
        return node
    }

    private mutating func parseNot() throws(FilterError) -> FilterNode {
        if keyword("not") { return .not(try parseNot()) }
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
        guard symbol("[") else { throw error("expected '[' after 'in'") }
        var members: [FilterNode] = []
        if symbol("]") { return .list(members) }
        repeat {
            members.append(try parseOperand())
        } while symbol(",")
        guard symbol("]") else { throw error("expected ',' or ']' in the list") }
        return .list(members)
    }

    private mutating func parseOperand() throws(FilterError) -> FilterNode {
        skipSpaces()
        guard index < characters.count else { throw error("expected a value at the end of the expression") }
        let character = characters[index]
        if symbol("(") {
            let node = try parseOr()
            guard symbol(")") else { throw error("expected ')'") }
            return node
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

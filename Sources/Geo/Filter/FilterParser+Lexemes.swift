/// The words, symbols, strings and numbers of a filter expression.
extension FilterParser {
    func error(_ message: String) -> FilterError {
        FilterError(source: source, column: index + 1, message: message)
    }

    mutating func skipSpaces() {
        while index < characters.count, characters[index].isWhitespace { index += 1 }
    }

    /// Consumes `word` (lowercase) when it stands next as a whole word, in
    /// any case.
    mutating func keyword(_ word: String) -> Bool {
        skipSpaces()
        let end = index + word.count
        guard end <= characters.count, String(characters[index..<end]).lowercased() == word else { return false }
        if end < characters.count, isNameCharacter(characters[end]) { return false }
        index = end
        return true
    }

    mutating func symbol(_ text: String) -> Bool {
        skipSpaces()
        let end = index + text.count
        guard end <= characters.count, String(characters[index..<end]) == text else { return false }
        index = end
        return true
    }

    func isNameCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || "_.:".contains(character)
    }

    mutating func parseBareName() -> String {
        let start = index
        while index < characters.count, isNameCharacter(characters[index]) { index += 1 }
        return String(characters[start..<index])
    }

    /// What stands at the current position, for a message: a word, a
    /// quoted text, one character, or "the end".
    func nextToken() -> String {
        var position = index
        while position < characters.count, characters[position].isWhitespace { position += 1 }
        guard position < characters.count else { return "the end of the expression" }
        var end = position + 1
        if isNameCharacter(characters[position]) {
            while end < characters.count, isNameCharacter(characters[end]) { end += 1 }
        } else if "'\"`".contains(characters[position]) {
            while end < characters.count, characters[end] != characters[position] { end += 1 }
            end = min(end + 1, characters.count)
        }
        let text = String(characters[position..<min(end, position + 30)])
        return "'\(text)\(end > position + 30 ? "..." : "")'"
    }

    /// A quoted text from the quote at `index`; a doubled quote stands for
    /// itself, as in SQL (`'O''Brien'`).
    mutating func parseString(quote: Character) throws(FilterError) -> String {
        let start = index
        index += 1
        var text = ""
        while index < characters.count {
            let character = characters[index]
            index += 1
            if character == quote {
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
        throw error(quote == "'" ? "unclosed string" : "unclosed '\"' in a name")
    }

    mutating func parseNumber() throws(FilterError) -> JSONValue {
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

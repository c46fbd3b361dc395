/// The words, symbols, strings and numbers of a filter expression.
extension FilterParser {
    func error(_ message: String) -> FilterError {
        FilterError(source: source, column: index + 1, message: message)
    }

    mutating func skipSpaces() {
        while index < characters.count, Self.isSpace(characters[index]) { index += 1 }
    }

    // ASCII first, Unicode's properties only past it: a 100,000-term chain
    // asks these millions of times.
    static func isSpace(_ character: Character) -> Bool {
        if let ascii = character.asciiValue { return ascii == 32 || (9...13).contains(ascii) }
        return character.isWhitespace
    }

    /// Consumes `word` (lowercase ASCII) when it stands next as a whole
    /// word, in any case. Compares in place: a 100,000-term chain asks this
    /// a million times.
    mutating func keyword(_ word: String) -> Bool {
        skipSpaces()
        var end = index
        for letter in word.utf8 {
            guard end < characters.count, let ascii = characters[end].asciiValue,
                  ascii == letter || (ascii >= 65 && ascii <= 90 && ascii + 32 == letter) else { return false }
            end += 1
        }
        if end < characters.count, isNameCharacter(characters[end]) { return false }
        index = end
        return true
    }

    /// Consumes the ASCII `text` when it stands next.
    mutating func symbol(_ text: StaticString) -> Bool {
        skipSpaces()
        var end = index
        for byte in UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount) {
            guard end < characters.count, characters[end].asciiValue == byte else { return false }
            end += 1
        }
        index = end
        return true
    }

    func isNameCharacter(_ character: Character) -> Bool {
        if let ascii = character.asciiValue {
            return (97...122).contains(ascii | 0x20) || (48...57).contains(ascii) || ascii == 95 || ascii == 46 || ascii == 58
        }
        return character.isLetter || character.isNumber
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

/// A `LIKE` pattern: `%` stands for any run of characters, `_` for one
/// character, and the `ESCAPE` character makes the next one literal. As
/// in OGR (GDAL 3.1 and later), `LIKE` tells case apart and `ILIKE` does
/// not. `_` is one character, where OGR takes one byte (so OGR needs `__`
/// for an `á`).
struct LikePattern: Sendable {
    enum Element: Sendable, Equatable {
        case anyRun
        case anyOne
        case character(Character)
    }

    let elements: [Element]
    let ignoresCase: Bool

    init(_ pattern: String, escape: Character?, ignoresCase: Bool) {
        self.ignoresCase = ignoresCase
        var elements: [Element] = []
        var escaping = false
        for character in ignoresCase ? pattern.lowercased() : pattern {
            if escaping {
                elements.append(.character(character))
                escaping = false
            } else if character == escape {
                escaping = true
            } else if character == "%" {
                // `%%` is one `%`: fewer steps when matching.
                if elements.last != .anyRun { elements.append(.anyRun) }
            } else if character == "_" {
                elements.append(.anyOne)
            } else {
                elements.append(.character(character))
            }
        }
        // A trailing escape character escapes nothing: it stands for itself.
        if escaping, let escape { elements.append(.character(escape)) }
        self.elements = elements
    }

    /// Strings match by their text, numbers by their written form
    /// (`12.5 LIKE '12%'`); booleans and nulls never match.
    func matches(_ value: JSONValue) -> Bool {
        switch value {
        case .string(let string): matches(text: string)
        case .number(let number): matches(text: number.literal)
        default: false
        }
    }

    /// The usual greedy matcher with one backtracking point (the last
    /// `%`): linear in practice, and no recursion on hostile patterns.
    func matches(text: String) -> Bool {
        let text = Array(ignoresCase ? text.lowercased() : text)
        var t = 0, p = 0
        var lastRun: (pattern: Int, text: Int)?
        while t < text.count {
            if p < elements.count {
                switch elements[p] {
                case .anyRun:
                    lastRun = (p, t)
                    p += 1
                    continue
                case .anyOne:
                    t += 1; p += 1
                    continue
                case .character(let character) where character == text[t]:
                    t += 1; p += 1
                    continue
                case .character:
                    break
                }
            }
            guard let run = lastRun else { return false }
            // Let the last `%` take one more character and try again.
            lastRun = (run.pattern, run.text + 1)
            p = run.pattern + 1
            t = run.text + 1
        }
        while p < elements.count, elements[p] == .anyRun { p += 1 }
        return p == elements.count
    }
}

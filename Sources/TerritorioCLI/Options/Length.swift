import ArgumentParser
import Geo

/// A length flag's value, in metres, as it was written (`500m`, `5km`):
/// parsed and checked here, once, for every distance flag. A bare number
/// other than 0 is refused (`Distance.metres`), with a message naming the
/// flag: "--radius needs a unit: write 5m or 5km, not '5'".
struct Length: Hashable, CustomStringConvertible {
    let metres: Double
    /// The text as given, so help shows defaults as written (`5km`).
    let text: String

    /// `text` read as a distance; nil when it is not one.
    init?(_ text: String) {
        guard let metres = Distance.metres(text) else { return nil }
        self.metres = metres
        self.text = text
    }

    var description: String { text }

    /// The `transform:` of an option named `flag`: a usage error naming the
    /// flag, the text and an `example` when the text is not a distance, or
    /// when `positive` and it is 0.
    static func parser(flag: String, example: String, positive: Bool = false) -> @Sendable (String) throws -> Length {
        { text in
            guard let length = Length(text), !positive || length.metres > 0 else {
                throw ValidationError(Distance.complaint(about: text, flag: flag, example: example))
            }
            return length
        }
    }

    /// The help of an option with a `transform:` and a default: the
    /// parser shows no default for those, so it is written as it shows
    /// one for a plain option, "ABSTRACT (default: 5km)".
    static func help(_ abstract: String, default value: Length? = nil, valueName: String = "distance") -> ArgumentHelp {
        ArgumentHelp(value.map { "\(abstract) (default: \($0.text))" } ?? abstract, valueName: valueName)
    }

    /// For defaults: a text known to be a distance.
    static func given(_ text: String) -> Length {
        guard let length = Length(text) else { preconditionFailure("'\(text)' is not a distance") }
        return length
    }
}

/// A list of durations in minutes, `15,30,60`: positive, finite, sorted.
/// Parsed and checked here, once, for every flag that takes thresholds.
struct Minutes: Hashable, CustomStringConvertible {
    /// Ascending.
    let values: [Double]
    let text: String

    var description: String { text }

    /// The `transform:` of an option named `flag` (`--minutes`).
    static func parser(flag: String = "--minutes") -> @Sendable (String) throws -> Minutes {
        { text in try Minutes(text, flag: flag) }
    }

    init(_ text: String, flag: String = "--minutes") throws {
        let pieces = text.split(separator: ",", omittingEmptySubsequences: false).map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard !pieces.contains(nil) else { throw ValidationError("\(flag) takes positive numbers: 15,30,60, not '\(text)'") }
        let values = pieces.compactMap { $0 }.sorted()
        guard !values.isEmpty, values.allSatisfy({ $0 > 0 }) else { throw ValidationError("\(flag) takes positive numbers: 15,30,60") }
        guard values.allSatisfy(\.isFinite) else { throw ValidationError("\(flag) takes finite numbers: 15,30,60, not '\(text)'") }
        self.values = values
        self.text = text
    }
}

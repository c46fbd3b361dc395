import Geo

/// One JSON object of a spec file (a chain, a hierarchy), read member by
/// member: a missing member, or one of the wrong type, is an error naming
/// the file and the place (`stages[1]`, `levels[0].id`). A member that is
/// `null` counts as absent. Members a spec does not know are left alone,
/// unless it calls `rejectUnknown` (a study file, where a typo must not be
/// ignored). Public so the CLI reads its own small files (a study) the same way.
public struct SpecObject {
    public let object: JSONObject
    /// Where the object is, for messages: "the chain", "stages[1]".
    public let place: String
    public let file: String

    /// `value` as an object; `kind` says what was expected ("a chain spec").
    public init(_ value: JSONValue, place: String, file: String, kind: String) throws(ReadError) {
        guard case .object(let object) = value else {
            throw ReadError(file: file, message: "\(place.hasPrefix("the ") ? "" : "\(place): ")expected \(kind) (a JSON object), found \(value.typeName)")
        }
        self.object = object
        self.place = place
        self.file = file
    }

    public func fail(_ message: String) -> ReadError { ReadError(file: file, message: message) }

    private func member(_ key: String) -> JSONValue? {
        switch object[key] {
        case nil, .null?: nil
        case let value?: value
        }
    }

    private func mismatch(_ key: String, expected: String, found value: JSONValue) -> ReadError {
        let path = place.hasPrefix("the ") ? key : "\(place).\(key)"
        return fail("\(path): expected \(expected), found \(value.typeName)")
    }

    /// The member `key`, which must be there.
    public func required<T>(_ key: String, _ read: (String) throws(ReadError) -> T?) throws(ReadError) -> T {
        guard let value = try read(key) else { throw fail("\(place) has no \"\(key)\"") }
        return value
    }

    public func string(_ key: String) throws(ReadError) -> String? {
        guard let value = member(key) else { return nil }
        guard case .string(let string) = value else { throw mismatch(key, expected: "a string", found: value) }
        return string
    }

    public func number(_ key: String) throws(ReadError) -> Double? {
        guard let value = member(key) else { return nil }
        guard case .number(let number) = value else { throw mismatch(key, expected: "a number", found: value) }
        return number.value
    }

    public func bool(_ key: String) throws(ReadError) -> Bool? {
        guard let value = member(key) else { return nil }
        guard case .bool(let bool) = value else { throw mismatch(key, expected: "true or false", found: value) }
        return bool
    }

    public func array(_ key: String) throws(ReadError) -> [JSONValue]? {
        guard let value = member(key) else { return nil }
        guard case .array(let array) = value else { throw mismatch(key, expected: "an array", found: value) }
        return array
    }

    /// The member `key` as an array of strings.
    public func strings(_ key: String) throws(ReadError) -> [String]? {
        guard let values = try array(key) else { return nil }
        var strings: [String] = []
        for (index, value) in values.enumerated() {
            guard case .string(let string) = value else {
                throw mismatch("\(key)[\(index)]", expected: "a string", found: value)
            }
            strings.append(string)
        }
        return strings
    }

    /// The member `key` as an object of numbers (`{"cow milk": 0.0001}`),
    /// in the file's order.
    public func numbers(_ key: String) throws(ReadError) -> [(key: String, value: Double)]? {
        guard let value = member(key) else { return nil }
        guard case .object(let members) = value else { throw mismatch(key, expected: "an object of numbers", found: value) }
        var numbers: [(key: String, value: Double)] = []
        for member in members.members {
            guard case .number(let number) = member.value else {
                throw mismatch("\(key).\(member.key)", expected: "a number", found: member.value)
            }
            numbers.append((member.key, number.value))
        }
        return numbers
    }

    /// The member `key` as an object of its own, `kind` saying what it
    /// should be ("the territories (an object with \"file\")").
    public func object(_ key: String, kind: String) throws(ReadError) -> SpecObject? {
        guard let value = member(key) else { return nil }
        let path = place.hasPrefix("the ") ? key : "\(place).\(key)"
        return try SpecObject(value, place: path, file: file, kind: kind)
    }

    /// An error for the first member not in `known`, listing them: a
    /// misspelt key would otherwise be ignored, silently.
    public func rejectUnknown(_ known: [String]) throws(ReadError) {
        for member in object.members where !known.contains(member.key) {
            let path = place.hasPrefix("the ") ? member.key : "\(place).\(member.key)"
            throw fail("\(path) is not a known key; the known keys\(place.hasPrefix("the ") ? "" : " of \(place)") are \(known.joined(separator: ", "))")
        }
    }
}

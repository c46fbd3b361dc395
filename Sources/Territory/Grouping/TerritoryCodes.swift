import Geo

/// The code of each territory, and the territory of each code: a code two
/// territories share would put the second in no circuit, so it is an error
/// that names every duplicate.
public enum TerritoryCodes {
    /// The unit of each code; throws when codes repeat.
    public static func units(of codes: [String], file: String, idField: String?) throws -> [String: Int] {
        var unitOfCode: [String: Int] = [:]
        var repeated: [String: [Int]] = [:]
        for (index, code) in codes.enumerated() {
            if let first = unitOfCode[code] {
                repeated[code, default: [first]].append(index)
            } else {
                unitOfCode[code] = index
            }
        }
        guard repeated.isEmpty else {
            let listed = repeated.sorted { $0.value[0] < $1.value[0] }.prefix(10).map { code, units in
                "\(code) (features \(units.map(String.init).joined(separator: ", ")))"
            }
            let field = idField.map { "--id-field \($0)" } ?? "the feature id"
            throw ReadError(file: file, message: "\(repeated.count) territory code(s) held by more than one territory: "
                + listed.joined(separator: "; ") + (repeated.count > 10 ? "; ..." : "")
                + ". Each territory needs its own code: give --id-field a property that is unique (today \(field)), or dissolve the duplicates first")
        }
        return unitOfCode
    }
}

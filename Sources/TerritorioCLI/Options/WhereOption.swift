import ArgumentParser
import Geo

/// `--where EXPR`: an attribute filter; a malformed one is a usage error
/// pointing at its column.
enum WhereOption {
    static func filter(_ expression: String?) throws -> FeatureFilter? {
        guard let expression else { return nil }
        do {
            return try FeatureFilter(expression)
        } catch {
            throw ValidationError("--where: \(error.description)")
        }
    }
}

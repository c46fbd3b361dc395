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

    /// Every property the expression reads must be a field of the layer
    /// (a misspelt name would keep nothing, silently).
    static func check(_ filter: FeatureFilter?, against layer: Layer, file: String) throws {
        guard let filter else { return }
        for name in filter.propertyNames {
            do {
                try FieldCheck.require(name, in: layer, file: file, flag: "--where")
            } catch let error as ValidationError {
                throw ValidationError(error.message + hint(for: name, in: filter))
            }
        }
    }

    /// Why a name that is no field may have been written: the feature id
    /// under another tool's name, or a string in double quotes (which OGR
    /// SQL, and so Territorio, reads as a field name).
    private static func hint(for name: String, in filter: FeatureFilter) -> String {
        if filter.doubleQuotedNames.contains(name) {
            let string = "'" + String(name.flatMap { $0 == "'" ? ["'", "'"] : [$0] }) + "'"
            return "; \"\(name)\" in double quotes is a field name, as in OGR SQL: a string takes single quotes, \(string)"
        }
        if ["id", "fid"].contains(name.lowercased()) { return "; the feature id is $id" }
        return ""
    }

    /// The features of `layer` that match, and the position of each in
    /// the file, so messages and ids name the feature the file has.
    static func select(_ layer: Layer, _ expression: String?, file: String) throws -> (layer: Layer, indices: [Int]) {
        let filter = try filter(expression)
        try check(filter, against: layer, file: file)
        let indices = layer.features.indices.filter { filter?.matches(layer.features[$0]) ?? true }
        return (Layer(features: indices.map { layer.features[$0] }, crs: layer.crs), indices)
    }
}

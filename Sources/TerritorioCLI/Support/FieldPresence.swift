import ArgumentParser
import Geo

/// A flag that names a property no feature has would fall back on
/// something else without a word: a usage error listing what is there.
enum FieldPresence {
    static func require(_ field: String?, flag: String, in layer: Layer, file: String) throws {
        guard let field, !layer.features.isEmpty, !layer.features.contains(where: { $0.properties[field] != nil }) else { return }
        var names: [String] = []
        for feature in layer.features.prefix(1000) {
            for key in feature.properties.keys where !names.contains(key) { names.append(key) }
        }
        throw ValidationError("\(flag) \(field): no feature of \(file) has that property; it has \(names.prefix(30).joined(separator: ", "))")
    }
}

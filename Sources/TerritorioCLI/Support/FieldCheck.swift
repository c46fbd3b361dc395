import ArgumentParser
import Geo
import Territory

/// Every flag that names a field goes through here: a name no feature has
/// is a usage error that lists the fields present and suggests the nearest
/// by edit distance, never an empty column taken as null, 0 or one group.
enum FieldCheck {
    /// The property names of the layer, in the order first seen.
    static func fields(of layer: Layer) -> [String] {
        var seen: Set<String> = []
        var names: [String] = []
        for feature in layer.features {
            for name in feature.properties.keys where !seen.contains(name) {
                seen.insert(name)
                names.append(name)
            }
        }
        return names
    }

    /// Fails unless some feature of `layer` has `field`. An empty layer
    /// passes: it has nothing to say about its fields.
    static func require(_ field: String, in layer: Layer, file: String, flag: String) throws {
        try require([field], in: layer, file: file, flag: flag)
    }

    static func require(_ names: [String], in layer: Layer, file: String, flag: String) throws {
        guard !names.isEmpty, layer.count > 0 else { return }
        // Usually the first feature has it: the full list is made only to report.
        for name in names where !layer.features.contains(where: { $0.properties[name] != nil }) {
            throw ValidationError(message(missing: name, present: fields(of: layer), file: file, flag: flag))
        }
    }

    /// Checks CSV-like column names (a header) the same way.
    static func require(_ name: String, amongColumns columns: [String], file: String, flag: String) throws {
        guard !columns.contains(name) else { return }
        throw ValidationError(message(missing: name, present: columns, file: file, flag: flag))
    }

    /// In the messages' language (`Catalogue.Key.noField`).
    static func message(missing name: String, present: [String], file: String, flag: String) -> String {
        Diagnostics.text(.noField(flag: flag, name: name, file: file, present: present, suggestion: nearest(to: name, among: present)))
    }

    /// The name closest to `name` by edit distance (case-insensitive), when
    /// it is close enough to be a plausible misspelling.
    static func nearest(to name: String, among candidates: [String]) -> String? {
        let target = Array(name.lowercased())
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased()))
            if distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        guard let best else { return nil }
        let limit = max(2, (max(target.count, best.name.count) + 1) / 2)
        return best.distance <= limit ? best.name : nil
    }

    /// Levenshtein distance: insertions, deletions and substitutions.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

extension FieldCheck {
    /// A map's field flag (`FIELD`, or `LAYER:FIELD` for one layer): some
    /// layer drawn, or the layer named, must have the field.
    static func requireInAny(_ text: String?, layers: [(name: String, file: String, layer: Layer)], flag: String) throws {
        guard let text else { return }
        var field = text
        var candidates = layers
        if !layers.contains(where: { fields(of: $0.layer).contains(text) }), let colon = text.firstIndex(of: ":"),
           layers.contains(where: { $0.name == text[..<colon] }) {
            field = String(text[text.index(after: colon)...])
            candidates = layers.filter { $0.name == text[..<colon] }
        }
        guard !candidates.contains(where: { fields(of: $0.layer).contains(field) }) else { return }
        var present: [String] = []
        for candidate in candidates { for name in fields(of: candidate.layer) where !present.contains(name) { present.append(name) } }
        throw ValidationError(message(missing: field, present: present, file: candidates.map(\.file).joined(separator: ", "), flag: flag))
    }
}

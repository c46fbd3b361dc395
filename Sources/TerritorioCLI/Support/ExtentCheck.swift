import Territory
import Geo

/// Points far from everything else a command reads are usually a mistake
/// (latitude and longitude swapped, a point in the wrong country): they
/// are counted and named in a warning rather than quietly left out of
/// every territory.
enum ExtentCheck {
    /// Warns about the points of `points` farther outside the envelope of
    /// `reference` than the envelope's own size; returns how many.
    @discardableResult
    static func warnFarPoints(_ points: Layer, file: String, against reference: Layer, referenceFile: String) -> Int {
        guard let area = reference.envelope else { return 0 }
        guard let inReference = points.crs == reference.crs ? points : try? points.projected(to: reference.crs, file: file) else { return 0 }
        let margin = max(area.maxX - area.minX, area.maxY - area.minY)
        var far: [Int] = []
        for (index, feature) in inReference.features.enumerated() {
            guard let box = feature.geometry?.envelope else { continue }
            if box.maxX < area.minX - margin || box.minX > area.maxX + margin || box.maxY < area.minY - margin || box.minY > area.maxY + margin {
                far.append(index)
            }
        }
        guard !far.isEmpty else { return 0 }
        let named = far.prefix(5).map { index -> String in
            let feature = points.features[index]
            let at = feature.geometry?.envelope.map { " at (\($0.minX), \($0.minY))" } ?? ""
            return Diagnostics.text(.feature(index: index, id: feature.id.map { "\($0)" })) + at
        }
        Diagnostics.warn(Diagnostics.text(.farOutside(file: file, count: far.count, of: points.count, reference: referenceFile,
                                                      first: named.joined(separator: "; ") + (far.count > 5 ? "; ..." : ""))))
        return far.count
    }
}

/// Which features to keep: all the given conditions must hold.
public struct Selection: Sendable {
    /// Attribute condition on the properties.
    public var filter: FeatureFilter?
    /// Keep features whose geometry intersects this rectangle (layer CRS).
    public var bbox: Envelope?
    /// Keep features whose geometry intersects this shape (layer CRS).
    public var mask: Shape?

    public init(filter: FeatureFilter? = nil, bbox: Envelope? = nil, mask: Shape? = nil) {
        self.filter = filter
        self.bbox = bbox
        self.mask = mask
    }

    public var isEmpty: Bool { filter == nil && bbox == nil && mask == nil }
}

extension Layer {
    /// The features the selection keeps, in input order. The spatial tests
    /// run in GEOS against prepared geometries, in parallel chunks.
    public func selecting(_ selection: Selection) throws -> Layer {
        guard !selection.isEmpty else { return self }
        let features = self.features
        let kept = try parallelChunks(count: features.count, minimumChunk: 4096) { range in
            let context = GEOSContext()
            let spatial = try [selection.bbox?.shape, selection.mask].compactMap { $0 }.map { shape in
                try PreparedGeometry(Geometry(shape, context: context))
            }
            var kept: [Feature] = []
            for feature in features[range] {
                if let filter = selection.filter, !filter.matches(feature) { continue }
                if !spatial.isEmpty {
                    guard let shape = feature.geometry, !shape.isEmpty else { continue }
                    if let bbox = selection.bbox, let envelope = shape.envelope, !bbox.intersects(envelope) { continue }
                    let geometry = try Geometry(shape, context: context)
                    guard try spatial.allSatisfy({ try $0.intersects(geometry) }) else { continue }
                }
                kept.append(feature)
            }
            return kept
        }
        return Layer(features: kept.flatMap { $0 }, crs: crs)
    }
}

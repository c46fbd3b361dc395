/// Features with the CRS their coordinates are in.
public struct Layer: Sendable {
    public var features: [Feature]
    public var crs: CRS

    public init(features: [Feature] = [], crs: CRS = .wgs84) {
        self.features = features
        self.crs = crs
    }

    public var count: Int { features.count }

    /// The envelope of every geometry, nil when there is none.
    public var envelope: Envelope? {
        features.reduce(nil) { envelope, feature in Envelope.union(envelope, feature.geometry?.envelope) }
    }
}

/// One thing wrong with one feature.
public struct Problem: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case invalidGeometry = "invalid-geometry"
        case emptyGeometry = "empty-geometry"
        case duplicateID = "duplicate-id"
        case unclosedRing = "unclosed-ring"
        case outOfRange = "out-of-range"
        case mixedDimensions = "mixed-dimensions"
        /// A property key given twice in one feature (GeoJSON): the last value is kept.
        case duplicateKey = "duplicate-key"
    }

    public let index: Int
    public let id: FeatureID?
    public let kind: Kind
    public let reason: String
    public let location: Position?

    public init(index: Int, id: FeatureID?, kind: Kind, reason: String, location: Position? = nil) {
        self.index = index
        self.id = id
        self.kind = kind
        self.reason = reason
        self.location = location
    }
}

import Geo

/// One way a hierarchy does not hold together, naming both units.
public struct HierarchyProblem: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case invalidGeometry = "invalid-geometry"
        case missingCode = "missing-code"
        case duplicateCode = "duplicate-code"
        case missingParent = "missing-parent"
        case outsideParent = "outside-parent"
        case partlyOutsideParent = "partly-outside-parent"
        case nameMismatch = "name-mismatch"
        case overlap
        case gap
        /// GEOS could not compute an overlay of the unit, even on repaired
        /// copies: the unit is named, the check goes on.
        case checkFailed = "check-failed"
    }

    public var kind: Kind
    public var level: String
    /// The unit's code (or `#index` when it has none).
    public var unit: String
    /// The other unit: the parent, the other of a duplicate or overlap.
    public var other: String?
    public var message: String
    /// Area in m² of an overlap or gap, or of the part outside the parent.
    public var area: Double?
    /// Where: the overlap or gap polygon, or the unit's representative
    /// point, in the metric CRS of the check.
    public var geometry: Shape?
}

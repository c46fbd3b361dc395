/// Keeps every polygon the GeoJSON writer writes valid at the precision it
/// writes. Plain rounding of coordinates to `decimals` places can collapse
/// a hole thinner than the grid into a two-point ring or make two rings
/// cross; such a polygon is snap-rounded instead (GEOS's precision model,
/// `GEOSGeom_setPrecision`), which puts every vertex on the grid of
/// 10^-decimals and nodes the edges so the result is valid there.
///
/// A polygon that plain rounding leaves valid is written as before, byte
/// for byte: snap-rounding rebuilds rings (other start points, repeated
/// points dropped), so it is kept for the polygons that need it. Points
/// and lines cannot become invalid by rounding and are left alone.
///
/// A polygon that was invalid before rounding (an input's, or one that a
/// transformation bent into itself) is made valid (GEOS MakeValid,
/// structure method) and then snap-rounded, unless `keepInvalid`: then it
/// is written as it came (`convert`'s job is to copy) and counted.
public struct ValidRounding {
    public let decimals: Int
    public let keepInvalid: Bool
    private let context: GEOSContext
    /// Polygons that needed snap-rounding.
    public private(set) var snapRounded = 0
    /// Polygons thinner than the grid everywhere: nothing is left of them.
    public private(set) var collapsed = 0
    /// Polygons invalid before any rounding, written as they came (`keepInvalid`).
    public private(set) var invalidInput = 0
    /// Polygons invalid before any rounding, made valid.
    public private(set) var repaired = 0
    /// Polygons GEOS could not snap-round (it threw): written plainly rounded.
    public private(set) var failed = 0

    /// The counts alone, to add up the work of several writers' blocks.
    public struct Counts: Sendable {
        var snapRounded = 0, collapsed = 0, invalidInput = 0, repaired = 0, failed = 0
    }

    var counts: Counts {
        Counts(snapRounded: snapRounded, collapsed: collapsed, invalidInput: invalidInput, repaired: repaired, failed: failed)
    }

    mutating func add(_ other: Counts) {
        snapRounded += other.snapRounded
        collapsed += other.collapsed
        invalidInput += other.invalidInput
        repaired += other.repaired
        failed += other.failed
    }

    public init(decimals: Int, keepInvalid: Bool, context: GEOSContext) {
        self.decimals = decimals
        self.keepInvalid = keepInvalid
        self.context = context
    }

    /// The grid the coordinates are written on, in the output's units.
    public var gridSize: Double { 1 / JSONBytes.powersOfTen[decimals] }

    /// The shape to write: itself, its snap-rounded copy, or nil when a
    /// polygon collapses to nothing (the feature is written with a null
    /// geometry). Collection members are treated one by one; a collapsed
    /// member is dropped from its collection.
    public mutating func prepare(_ shape: Shape) -> Shape? {
        switch shape {
        case .polygon, .multiPolygon:
            return preparePolygonal(shape)
        case .geometryCollection(let members):
            return .geometryCollection(members.compactMap { prepare($0) })
        default:
            return shape
        }
    }

    private mutating func preparePolygonal(_ shape: Shape) -> Shape? {
        guard !shape.isEmpty else { return shape }
        let rounded = shape.mapSequences { sequence in
            var sequence = sequence
            for index in sequence.values.indices where !sequence.hasZ || index % 3 != 2 {
                sequence.values[index] = JSONBytes.roundedAsWritten(sequence.values[index], decimals: decimals)
            }
            return sequence
        }
        // Rings GEOS refuses to build (unclosed, too few points) cannot be
        // repaired by rounding either: such input is written as it came.
        if let geometry = try? Geometry(rounded, context: context), (try? geometry.isValid()) == true {
            return shape
        }
        guard let original = try? Geometry(shape, context: context) else {
            invalidInput += 1
            return shape
        }
        var valid = original
        if (try? original.isValid()) != true {
            guard !keepInvalid, let made = try? original.makeValid(method: .structure) else {
                invalidInput += 1
                return shape
            }
            valid = made
        }
        guard let snapped = try? valid.snapRounded(gridSize: gridSize) else {
            failed += 1
            return shape
        }
        if snapped.isEmpty {
            collapsed += 1
            return nil
        }
        if valid === original { snapRounded += 1 } else { repaired += 1 }
        // A MultiPolygon stays one even when a single part is left, so a
        // layer keeps one geometry type.
        if case .multiPolygon = shape, case .polygon(let rings) = snapped.shape {
            return .multiPolygon([rings])
        }
        return snapped.shape
    }

    /// What was done, for people; nil when every polygon was written as it came.
    public func summary(file: String) -> String? {
        var parts: [String] = []
        if snapRounded > 0 {
            parts.append("\(snapRounded) polygon(s) snap-rounded to the \(decimals)-decimal grid to stay valid")
        }
        if collapsed > 0 {
            parts.append("\(collapsed) polygon(s) thinner than the \(decimals)-decimal grid written as null geometries (use a larger --precision)")
        }
        if failed > 0 {
            parts.append("\(failed) polygon(s) GEOS could not snap-round written as rounded, possibly invalid (use a larger --precision)")
        }
        if repaired > 0 {
            parts.append("\(repaired) invalid polygon(s) made valid (GEOS MakeValid) and snap-rounded")
        }
        if invalidInput > 0 {
            parts.append("\(invalidInput) polygon(s) invalid before rounding written as they came (validate --repair makes them valid)")
        }
        return parts.isEmpty ? nil : "\(file): " + parts.joined(separator: "; ")
    }
}

import CPROJ

/// Transforms coordinates between two CRSs, always with longitude (or
/// easting) first, whatever axis order the CRS defines.
public final class Transformer {
    public let source: CRS
    public let target: CRS
    private let operation: PROJObject

    public init(from source: CRS, to target: CRS, context: PROJContext = .current) throws(CRSError) {
        self.source = source
        self.target = target
        let c = context.handle
        _ = context.takeMessage()
        guard let raw = proj_create_crs_to_crs(c, source.definition, target.definition, nil) else {
            throw .noTransformation(from: source.definition, to: target.definition, message: context.takeMessage())
        }
        defer { proj_destroy(raw) }
        guard let normalized = proj_normalize_for_visualization(c, raw) else {
            throw .noTransformation(from: source.definition, to: target.definition, message: context.takeMessage())
        }
        operation = PROJObject(normalized, context: context)
    }

    /// Transforms interleaved positions in place (`dimension` 2 or 3) with
    /// one `proj_trans_generic` call. A position PROJ cannot transform
    /// throws, naming its index.
    public func transform(_ values: UnsafeMutableBufferPointer<Double>, dimension: Int) throws(CRSError) {
        let count = values.count / dimension
        guard count > 0, let base = values.baseAddress else { return }
        let stride = MemoryLayout<Double>.stride * dimension
        proj_errno_reset(operation.handle)
        proj_trans_generic(operation.handle, PJ_FWD,
                           base, stride, count,
                           base + 1, stride, count,
                           dimension == 3 ? base + 2 : nil, dimension == 3 ? stride : 0, dimension == 3 ? count : 0,
                           nil, 0, 0)
        // PROJ counts failed points as done and leaves them infinite.
        for index in 0..<count where !values[index * dimension].isFinite || !values[index * dimension + 1].isFinite {
            throw .pointFailed(index: index, position: Position(x: values[index * dimension], y: values[index * dimension + 1]),
                               message: operation.context.takeMessage())
        }
    }

    public func transform(_ values: inout [Double], dimension: Int) throws(CRSError) {
        try values.withUnsafeMutableBufferPointer { buffer throws(CRSError) in
            try transform(buffer, dimension: dimension)
        }
    }

    public func transform(_ sequence: CoordinateSequence) throws(CRSError) -> CoordinateSequence {
        var values = sequence.values
        try transform(&values, dimension: sequence.dimension)
        return CoordinateSequence(values: values, hasZ: sequence.hasZ)
    }

    public func transform(_ shape: Shape) throws(CRSError) -> Shape {
        if case .point(let position?) = shape, position.z == nil {
            return try withUnsafeTemporaryAllocation(of: Double.self, capacity: 2) { xy throws(CRSError) in
                xy[0] = position.x
                xy[1] = position.y
                try transform(xy, dimension: 2)
                return .point(Position(x: xy[0], y: xy[1]))
            }
        }
        return try shape.mapSequences { sequence throws(CRSError) in try transform(sequence) }
    }
}

extension Transformer {
    /// Transforms a large buffer on every core: each worker makes its own
    /// transformer (PROJ objects are per thread) for a contiguous slice.
    public static func transformInParallel(_ values: inout [Double], dimension: Int, from source: CRS, to target: CRS) throws {
        let positions = values.count / dimension
        try values.withUnsafeMutableBufferPointer { buffer in
            let shared = SharedBuffer(buffer)
            _ = try parallelChunks(count: positions, minimumChunk: 50_000) { range in
                let transformer = try Transformer(from: source, to: target)
                let slice = UnsafeMutableBufferPointer(rebasing: shared.buffer[(range.lowerBound * dimension)..<(range.upperBound * dimension)])
                try transformer.transform(slice, dimension: dimension)
            }
        }
    }
}

/// A buffer whose disjoint slices are written by different workers.
private struct SharedBuffer: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Double>
    init(_ buffer: UnsafeMutableBufferPointer<Double>) { self.buffer = buffer }
}

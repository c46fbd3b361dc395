extension Layer {
    /// The metric CRS PROJ work should use for this layer: its own when it
    /// is already in one (`CRS.isMetric`: projected, in metres), so that a
    /// layer projected once is not projected again; else the one
    /// `CRS.metric(for:)` chooses for its extent. Nil when the layer has no
    /// coordinates. Longitude, latitude far out of range (a projected file
    /// without its CRS, a typo of 1e20) is an error naming the first such
    /// feature.
    public func metricCRS(file: String = "<layer>") throws -> CRS? {
        guard let envelope else { return nil }
        if crs.isMetric { return crs }
        if crs.isWGS84 {
            if !Self.isLongitudeLatitude(envelope) { throw outOfRange(file: file) }
            return CRS.metric(for: envelope)
        }
        let toWGS84 = try Transformer(from: crs, to: .wgs84)
        let corners = try toWGS84.transform(envelope.shape)
        return corners.envelope.map(CRS.metric(for:))
    }

    /// Longitudes a full turn either way (0...360 data) and latitudes to the poles.
    static func isLongitudeLatitude(_ envelope: Envelope) -> Bool {
        envelope.minX >= -360 && envelope.maxX <= 360 && envelope.minY >= -90 && envelope.maxY <= 90
    }

    private func outOfRange(file: String) -> ReadError {
        for (index, feature) in features.enumerated() {
            guard let shape = feature.geometry, let box = shape.envelope, !Self.isLongitudeLatitude(box) else { continue }
            var first: Position?
            shape.forEachPosition { position in
                if first == nil, !(abs(position.x) <= 360 && abs(position.y) <= 90) { first = position }
            }
            return ReadError(file: file, featureIndex: index, featureID: feature.id,
                             reason: .notLongitudeLatitude(x: first?.x, y: first?.y))
        }
        return ReadError(file: file, reason: .notLongitudeLatitude(x: nil, y: nil))
    }

    /// The layer with every coordinate transformed to `target`, in
    /// parallel chunks, each chunk's coordinates through PROJ in one call.
    /// A point PROJ cannot transform stops the work, naming its feature.
    public func projected(to target: CRS, file: String = "<layer>") throws -> Layer {
        if target == crs { return self }
        let source = crs
        let features = self.features
        let chunks = try parallelChunks(count: features.count, minimumChunk: 4096) { range in
            try Self.project(features[range], offset: range.lowerBound, from: source, to: target, file: file)
        }
        return Layer(features: chunks.flatMap { $0 }, crs: target)
    }

    private static func project(_ features: ArraySlice<Feature>, offset: Int, from source: CRS, to target: CRS,
                                file: String) throws -> [Feature] {
        let transformer = try Transformer(from: source, to: target)
        // Gather every 2D coordinate of the chunk, transform once, scatter.
        var xy: [Double] = []
        var starts: [Int] = []
        starts.reserveCapacity(features.count + 1)
        for feature in features {
            starts.append(xy.count / 2)
            feature.geometry?.forEachPosition { xy.append($0.x); xy.append($0.y) }
        }
        starts.append(xy.count / 2)
        do {
            try transformer.transform(&xy, dimension: 2)
        } catch {
            guard case .pointFailed(let index, let position, let message) = error else { throw error }
            let featureOffset = starts.lastIndex { $0 <= index } ?? 0
            let failed = features[features.startIndex + featureOffset]
            // PROJ may have overwritten the point with infinities: name the one read.
            var original = position, seen = 0
            failed.geometry?.forEachPosition { point in
                if seen == index - starts[featureOffset] { original = point }
                seen += 1
            }
            throw ReadError(file: file, featureIndex: offset + featureOffset, featureID: failed.id,
                            reason: .pointNotTransformed(x: original.x, y: original.y, from: "\(source)", to: "\(target)", proj: message))
        }
        var projected: [Feature] = []
        projected.reserveCapacity(features.count)
        var cursor = PositionCursor(xy: xy)
        for var feature in features {
            feature.geometry = feature.geometry?.replacingXY { _ in cursor.next() }
            projected.append(feature)
        }
        return projected
    }
}

/// Hands out transformed positions in the order they were gathered.
private struct PositionCursor {
    let xy: [Double]
    var index = 0

    mutating func next() -> (Double, Double) {
        let position = (xy[index], xy[index + 1])
        index += 2
        return position
    }
}

extension Shape {
    /// Calls `body` with every position, in order.
    public func forEachPosition(_ body: (Position) -> Void) {
        switch self {
        case .point(let position):
            if let position { body(position) }
        default:
            for sequence in sequences {
                for index in 0..<sequence.count { body(sequence[index]) }
            }
        }
    }

    /// The same shape with each position's x and y replaced, in the order
    /// `forEachPosition` visits them; z is kept.
    public func replacingXY(_ next: (Position) -> (Double, Double)) -> Shape {
        if case .point(let position?) = self {
            let (x, y) = next(position)
            return .point(Position(x: x, y: y, z: position.z))
        }
        return mapSequences { sequence in
            var values = sequence.values
            let dimension = sequence.dimension
            for base in stride(from: 0, to: values.count, by: dimension) {
                let (x, y) = next(Position(x: values[base], y: values[base + 1]))
                values[base] = x
                values[base + 1] = y
            }
            return CoordinateSequence(values: values, hasZ: sequence.hasZ)
        }
    }
}

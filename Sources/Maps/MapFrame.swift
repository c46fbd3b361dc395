import Geo

/// Fits an envelope of the metric CRS into a rectangle of the page,
/// keeping the aspect (one scale for x and y, north up) and centring the
/// data in whichever direction has room to spare.
struct MapFrame: Sendable {
    /// The map's rectangle on the page.
    let area: PageRect
    /// Page units per metre of the CRS.
    let scale: Double
    let originX: Double
    let originY: Double
    /// Page units below which consecutive vertices are merged.
    let tolerance: Double

    /// `padding` is a fraction of the envelope kept free on every side.
    init(envelope: Envelope, area: PageRect, padding: Double = 0.02, tolerance: Double) {
        var envelope = envelope
        // A single point, or points in a line, still needs a frame: 1 km across at least.
        let minimum = 1000.0
        if envelope.width < minimum {
            envelope.minX -= (minimum - envelope.width) / 2; envelope.maxX = envelope.minX + minimum
        }
        if envelope.height < minimum {
            envelope.minY -= (minimum - envelope.height) / 2; envelope.maxY = envelope.minY + minimum
        }
        let padX = envelope.width * padding, padY = envelope.height * padding
        let width = envelope.width + 2 * padX, height = envelope.height + 2 * padY
        self.area = area
        scale = min(area.width / width, area.height / height)
        originX = area.x + (area.width - envelope.width * scale) / 2 - envelope.minX * scale
        originY = area.y + (area.height - envelope.height * scale) / 2 + envelope.maxY * scale
        self.tolerance = tolerance
    }

    /// The aspect (height / width) a map area should have for `envelope`,
    /// padding included, kept between `limits`.
    static func aspect(of envelope: Envelope, limits: ClosedRange<Double>) -> Double {
        let width = max(envelope.width, 1000), height = max(envelope.height, 1000)
        return min(max(height / width, limits.lowerBound), limits.upperBound)
    }

    func page(_ x: Double, _ y: Double) -> PagePoint {
        PagePoint(x: originX + x * scale, y: originY - y * scale)
    }

    func page(_ position: Position) -> PagePoint { page(position.x, position.y) }

    /// The polygon rings of a shape on the page, vertices nearer than the
    /// tolerance to the last kept one merged.
    func polygonPath(_ shape: Shape) -> PagePath {
        var path = PagePath(closed: true)
        for ring in shape.rings { append(ring, to: &path, minimumPoints: 3) }
        return path
    }

    /// The line parts of a shape on the page.
    func linePath(_ shape: Shape) -> PagePath {
        var path = PagePath(closed: false)
        for line in Self.lines(of: shape) { append(line, to: &path, minimumPoints: 2) }
        return path
    }

    /// The points of a shape on the page.
    func points(_ shape: Shape) -> [PagePoint] {
        Self.points(of: shape).map(page)
    }

    private func append(_ sequence: CoordinateSequence, to path: inout PagePath, minimumPoints: Int) {
        let count = sequence.count
        guard count >= minimumPoints else { return }
        let start = path.coordinates.count / 2
        let values = sequence.values, dimension = sequence.dimension
        var lastX = 0.0, lastY = 0.0
        for index in 0..<count {
            let point = page(values[index * dimension], values[index * dimension + 1])
            let isEnd = index == 0 || index == count - 1
            if !isEnd && abs(point.x - lastX) < tolerance && abs(point.y - lastY) < tolerance { continue }
            path.coordinates.append(point.x)
            path.coordinates.append(point.y)
            lastX = point.x
            lastY = point.y
        }
        if path.coordinates.count / 2 - start < minimumPoints {
            // Smaller than the tolerance: keep every vertex rather than lose it.
            path.coordinates.removeSubrange((start * 2)...)
            for index in 0..<count {
                let point = page(values[index * dimension], values[index * dimension + 1])
                path.coordinates.append(point.x)
                path.coordinates.append(point.y)
            }
        }
        path.starts.append(start)
    }

    static func lines(of shape: Shape) -> [CoordinateSequence] {
        switch shape {
        case .lineString(let line): [line]
        case .multiLineString(let lines): lines
        case .geometryCollection(let members): members.flatMap(lines(of:))
        default: []
        }
    }

    static func points(of shape: Shape) -> [Position] {
        switch shape {
        case .point(let position): position.map { [$0] } ?? []
        case .multiPoint(let sequence): sequence.positions
        case .geometryCollection(let members): members.flatMap(points(of:))
        default: []
        }
    }
}

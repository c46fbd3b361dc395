import Geo

/// The locator inset: a small map of a wider layer (a country, a region)
/// in the main map's lower right corner, with the main map's extent drawn
/// on it as a rectangle. It is drawn in the metric CRS of its own extent.
struct InsetLayout: Sendable {
    /// The inset's box on the page (inside the main map).
    let box: PageRect
    let polygons: [PagePath]
    let lines: [PagePath]
    let points: [PagePoint]
    /// The main map's data extent, on the inset.
    let extent: PagePath
    let unit: Double

    static func make(locator: MapLayer, mapEnvelope: Envelope, mapCRS: CRS, area: PageRect,
                     unit: Double, tolerance: Double) throws -> InsetLayout {
        guard let geographic = try MapDocument.geographicExtent([locator]) else {
            throw MapError("--inset \(locator.name): the layer has no geometry to draw")
        }
        // The main extent in WGS 84 widens the inset when it reaches past the locator layer.
        let mainGeographic = try Transformer(from: mapCRS, to: .wgs84).transform(mapEnvelope.shape).envelope
        let crs = CRS.metric(for: Envelope.union(geographic, mainGeographic)!)
        let projected = try locator.layer.projected(to: crs, file: locator.name)
        let extentShape = try Transformer(from: mapCRS, to: crs).transform(densified(mapEnvelope))
        guard let envelope = Envelope.union(projected.envelope, extentShape.envelope) else {
            throw MapError("--inset \(locator.name): the layer has no geometry to draw")
        }
        let width = (area.width * 0.26).rounded()
        let height = (width * MapFrame.aspect(of: envelope, limits: 0.5...1.5)).rounded()
        let gap = max(6, 8 * unit)
        let box = PageRect(x: area.maxX - gap - width, y: area.maxY - gap - height, width: width, height: height)
        let frame = MapFrame(envelope: envelope, area: box, padding: 0.05, tolerance: tolerance)
        var polygons: [PagePath] = [], lines: [PagePath] = [], points: [PagePoint] = []
        for feature in projected.features {
            guard let shape = feature.geometry, !shape.isEmpty else { continue }
            let polygon = frame.polygonPath(shape), line = frame.linePath(shape)
            if !polygon.isEmpty { polygons.append(polygon) }
            if !line.isEmpty { lines.append(line) }
            points += frame.points(shape)
        }
        return InsetLayout(box: box, polygons: polygons, lines: lines, points: points, extent: frame.polygonPath(extentShape), unit: unit)
    }

    /// The envelope as a ring with points along its sides, so that it
    /// keeps its shape through a change of projection.
    static func densified(_ envelope: Envelope) -> Shape {
        var values: [Double] = []
        let steps = 16
        let corners = [(envelope.minX, envelope.minY), (envelope.maxX, envelope.minY), (envelope.maxX, envelope.maxY),
                       (envelope.minX, envelope.maxY), (envelope.minX, envelope.minY)]
        for side in 0..<4 {
            let (x0, y0) = corners[side], (x1, y1) = corners[side + 1]
            for step in 0..<steps {
                let t = Double(step) / Double(steps)
                values += [x0 + (x1 - x0) * t, y0 + (y1 - y0) * t]
            }
        }
        values += [envelope.minX, envelope.minY]
        return .polygon([CoordinateSequence(values: values)])
    }
}

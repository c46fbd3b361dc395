import Foundation
import Geo

/// A label placed on the page.
struct PlacedLabel: Sendable, Hashable {
    var text: String
    /// The baseline point `anchor` refers to.
    var position: PagePoint
    var anchor: TextStyle.Anchor
    var box: PageRect
}

/// `--labels FIELD`: a label per feature at a point of its own, kept when
/// its box overlaps no label placed before it and lies inside the map.
///
/// Where: polygons at GEOS's point on surface (inside the polygon, centred
/// on it), lines at the middle of their longest part (centred, just
/// above), points just right of the marker. Which first: layers from the
/// top one down; within a layer, polygons by area and lines by length,
/// largest first, points in input order.
enum LabelPlacer {
    struct Candidate {
        var text: String
        var anchor: Position
        var kind: GeometryKind
        var priority: Double
        var order: Int
    }

    /// The candidates of one projected layer, in the order they are tried.
    static func candidates(layer: Layer, field: String) throws -> [Candidate] {
        var candidates: [Candidate] = []
        let context = GEOSContext.current
        for (index, feature) in layer.features.enumerated() {
            guard let shape = feature.geometry, !shape.isEmpty, let kind = GeometryKind(shape),
                  let value = feature.properties[field], value != .null else { continue }
            let text = value.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { continue }
            switch kind {
            case .polygon:
                let geometry = try Geometry(shape, context: context)
                guard let position = try geometry.pointOnSurface().position else { continue }
                candidates.append(Candidate(text: text, anchor: position, kind: kind, priority: try geometry.area(), order: index))
            case .line:
                guard let (middle, length) = middleOfLongestPart(shape) else { continue }
                candidates.append(Candidate(text: text, anchor: middle, kind: kind, priority: length, order: index))
            case .point:
                guard let position = MapFrame.points(of: shape).first else { continue }
                candidates.append(Candidate(text: text, anchor: position, kind: kind, priority: 0, order: index))
            }
        }
        return candidates.sorted { $0.priority != $1.priority ? $0.priority > $1.priority : $0.order < $1.order }
    }

    /// Places `candidates` (already in order) unless they collide with
    /// `placed` or leave `area`; returns the new labels.
    static func place(_ candidates: [Candidate], frame: MapFrame, size: Double, markerRadius: Double,
                      measure: TextMeasure, placed: inout [PlacedLabel]) {
        let height = size * 1.25
        for candidate in candidates {
            let width = measure.width(candidate.text, size: size)
            let point = frame.page(candidate.anchor)
            var label: PlacedLabel
            switch candidate.kind {
            case .polygon:
                label = PlacedLabel(text: candidate.text, position: PagePoint(x: point.x, y: point.y + size * 0.35), anchor: .middle,
                                    box: PageRect(x: point.x - width / 2, y: point.y - height / 2, width: width, height: height))
            case .line:
                let baseline = point.y - size * 0.45
                label = PlacedLabel(text: candidate.text, position: PagePoint(x: point.x, y: baseline), anchor: .middle,
                                    box: PageRect(x: point.x - width / 2, y: baseline - size * 0.9, width: width, height: height))
            case .point:
                let x = point.x + markerRadius + size * 0.25
                label = PlacedLabel(text: candidate.text, position: PagePoint(x: x, y: point.y + size * 0.35), anchor: .start,
                                    box: PageRect(x: x, y: point.y - height / 2, width: width, height: height))
            }
            guard frame.area.contains(label.box), !placed.contains(where: { $0.box.intersects(label.box) }) else { continue }
            placed.append(label)
        }
    }

    /// The point halfway along the longest part of a line, and that length.
    static func middleOfLongestPart(_ shape: Shape) -> (Position, Double)? {
        var best: (CoordinateSequence, Double)?
        for line in MapFrame.lines(of: shape) where line.count >= 2 {
            var length = 0.0
            for index in 1..<line.count { length += hypot(line[index].x - line[index - 1].x, line[index].y - line[index - 1].y) }
            if best == nil || length > best!.1 { best = (line, length) }
        }
        guard let (line, length) = best else { return nil }
        var remaining = length / 2
        for index in 1..<line.count {
            let a = line[index - 1], b = line[index]
            let step = hypot(b.x - a.x, b.y - a.y)
            if step >= remaining && step > 0 {
                let t = remaining / step
                return (Position(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t), length)
            }
            remaining -= step
        }
        return (line[line.count - 1], length)
    }
}

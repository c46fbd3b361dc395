/// A point on the page: x to the right, y down, in pixels (points in PDF).
public struct PagePoint: Sendable, Hashable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// A rectangle on the page.
public struct PageRect: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var maxX: Double { x + width }
    public var maxY: Double { y + height }

    public func intersects(_ other: PageRect) -> Bool {
        x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
    }

    public func contains(_ other: PageRect) -> Bool {
        other.x >= x && other.maxX <= maxX && other.y >= y && other.maxY <= maxY
    }
}

/// Subpaths of page points: polygon rings (filled even-odd, so holes stay
/// open) or line parts.
public struct PagePath: Sendable, Hashable {
    /// x, y interleaved.
    public var coordinates: [Double] = []
    /// Where each subpath starts, in points.
    public var starts: [Int] = []
    /// Rings are closed when drawn.
    public var closed: Bool

    public init(closed: Bool) {
        self.closed = closed
    }

    public var isEmpty: Bool { starts.isEmpty }

    /// Each subpath as a range of point indices.
    public var subpaths: [Range<Int>] {
        let total = coordinates.count / 2
        return starts.indices.map { index in starts[index]..<(index + 1 < starts.count ? starts[index + 1] : total) }
    }

    public func point(_ index: Int) -> PagePoint {
        PagePoint(x: coordinates[2 * index], y: coordinates[2 * index + 1])
    }

    public static func rectangle(_ rect: PageRect) -> PagePath {
        var path = PagePath(closed: true)
        path.starts = [0]
        path.coordinates = [rect.x, rect.y, rect.maxX, rect.y, rect.maxX, rect.maxY, rect.x, rect.maxY]
        return path
    }

    public static func line(_ points: [PagePoint]) -> PagePath {
        var path = PagePath(closed: false)
        path.starts = [0]
        path.coordinates = points.flatMap { [$0.x, $0.y] }
        return path
    }
}

public struct Stroke: Sendable, Hashable {
    public var color: Color
    public var width: Double

    public init(color: Color, width: Double) {
        self.color = color
        self.width = width
    }
}

public struct TextStyle: Sendable, Hashable {
    public enum Anchor: Sendable, Hashable { case start, middle, end }

    public var size: Double
    public var bold: Bool
    public var color: Color
    /// A light outline behind the letters, so that they read over the map.
    public var halo: Color?
    public var anchor: Anchor

    public init(size: Double, bold: Bool = false, color: Color = Palette.text, halo: Color? = nil, anchor: Anchor = .start) {
        self.size = size
        self.bold = bold
        self.color = color
        self.halo = halo
        self.anchor = anchor
    }
}

/// What a map is drawn on: Cairo (PNG, SVG, PDF) or Territorio's own SVG
/// writer (the interactive HTML). Coordinates are page units; text sits on
/// its baseline. Groups and roles only matter to the HTML writer, which
/// turns them into elements its script can find.
public protocol Canvas: AnyObject {
    /// `role`: `map` (the part that pans and zooms, clipped to `clip`),
    /// `layer`, `labels`, `legend`, `scalebar`, `title`. `attributes` are
    /// data for the script.
    func beginGroup(role: String, clip: PageRect?, attributes: [(String, String)])
    func endGroup()
    /// Everything drawn until `endFeature` is one feature, whose properties
    /// (JSON object text) the HTML shows in its tooltip.
    func beginFeature(properties: String)
    func endFeature()
    func path(_ path: PagePath, fill: Color?, stroke: Stroke?, role: String?)
    func circle(center: PagePoint, radius: Double, fill: Color, stroke: Stroke?, role: String?)
    func text(_ text: String, at point: PagePoint, style: TextStyle, role: String?)
}

import Geo

/// Builds isochrone polygons for one worker, one facility after another:
/// its own GEOS context and search arrays, and polygons of tree nodes kept
/// for the next band and facility.
///
/// A band is the same set as `Isochrones.polygons` gives (every reachable
/// part of a segment, buffered by `width`, merged), assembled over the
/// `IsochroneTree`: a node whose reached segments are all reached whole is
/// a polygon kept under the list of those segments (inside a band, nodes
/// are reached the same way by many bands and facilities); a leaf the edge
/// of the band crosses is its reachable lines, joined end to end, buffered
/// and merged; any other node is the union of its two children. So a band
/// costs the unions along its edge and up the tree, not one union of every
/// buffered line of the band.
///
/// What a node contributes depends only on the node and the band, never on
/// what was kept before, so every band comes out the same whatever the
/// order of facilities and the number of workers.
public final class IsochroneBuilder {
    public let graph: RoadGraph
    public let tree: IsochroneTree
    public let width: Double
    public let context: GEOSContext
    private var paths: ShortestPaths
    private var reach: IsochroneReach
    /// Per tree node, for the band being built: segments reached at all,
    /// and those reached whole; `marked` lists the nodes to reset.
    private var reachedCount: [Int32]
    private var wholeCount: [Int32]
    private var marked: [Int32] = []
    /// Per tree node, polygons of the sets of its segments found reached
    /// whole (and no other segment of it reached), by the set.
    private var whole: [Int32: [WholeNode]] = [:]
    private struct WholeNode {
        let segments: [Int32]
        let polygon: Geometry?
    }
    /// At most this many sets are kept per node: enough for the inside of
    /// bands, which repeat, without keeping every band's edge.
    static let variantsKept = 4
    /// Leaves' polygons are small, and bands reach them in more ways.
    static let leafVariantsKept = 16

    public init(graph: RoadGraph, tree: IsochroneTree, width: Double, context: GEOSContext = GEOSContext()) {
        self.graph = graph
        self.tree = tree
        self.width = width
        self.context = context
        paths = ShortestPaths(nodeCount: graph.nodeCount)
        reach = IsochroneReach(segmentCount: graph.segmentCount)
        reachedCount = [Int32](repeating: 0, count: tree.nodeCount)
        wholeCount = [Int32](repeating: 0, count: tree.nodeCount)
    }

    /// One polygon per threshold (metric CRS of the graph), in the order
    /// given; nil where nothing is reachable. One search, to the largest
    /// threshold, serves every band.
    public func polygons(from snap: Snap, minutes thresholds: [Double]) throws -> [Geometry?] {
        paths.run(graph, from: graph.starts(from: snap), cutoff: thresholds.max() ?? 0)
        return try thresholds.map { threshold in
            reach.gather(within: threshold, from: snap, graph: graph, paths: paths)
            return try band()
        }
    }

    /// The polygon of the reach gathered last.
    private func band() throws -> Geometry? {
        for segment in reach.touched where reach.isReached(Int(segment)) {
            let isWhole = reach.isWhole(Int(segment))
            var node = tree.leafOf[Int(segment)]
            while node >= 0 {
                if reachedCount[Int(node)] == 0 { marked.append(node) }
                reachedCount[Int(node)] += 1
                if isWhole { wholeCount[Int(node)] += 1 }
                node = tree.nodes[Int(node)].parent
            }
        }
        defer {
            for node in marked { reachedCount[Int(node)] = 0; wholeCount[Int(node)] = 0 }
            marked.removeAll(keepingCapacity: true)
        }
        return try polygon(of: 0)
    }

    private func polygon(of index: Int32) throws -> Geometry? {
        let node = tree.nodes[Int(index)]
        if reachedCount[Int(index)] == 0 { return nil }
        if wholeCount[Int(index)] == reachedCount[Int(index)] { return try wholePolygon(of: index) }
        if node.isLeaf { return try linesPolygon(tree.order[Int(node.lower)..<Int(node.upper)].filter { reach.isReached(Int($0)) }) }
        return try union(try polygon(of: node.left), try polygon(of: node.right))
    }

    /// The polygon of a node whose reached segments are all reached whole:
    /// a function of which segments those are, so it is kept under that
    /// list and found again by the next band that reaches the same ones.
    private func wholePolygon(of index: Int32) throws -> Geometry? {
        let node = tree.nodes[Int(index)]
        let segments = tree.order[Int(node.lower)..<Int(node.upper)].filter { reach.isReached(Int($0)) }
        if segments.isEmpty { return nil }
        if let cached = whole[index]?.first(where: { $0.segments == segments }) { return cached.polygon }
        let made = node.isLeaf ? try linesPolygon(segments) : try union(try polygon(of: node.left), try polygon(of: node.right))
        if whole[index, default: []].count < (node.isLeaf ? Self.leafVariantsKept : Self.variantsKept) {
            whole[index, default: []].append(WholeNode(segments: segments, polygon: made))
        }
        return made
    }

    private func union(_ a: Geometry?, _ b: Geometry?) throws -> Geometry? {
        guard let a else { return b }
        guard let b else { return a }
        return try a.union(b)
    }

    /// The reachable lines of these segments, joined end to end, each
    /// buffered, merged: what `Isochrones.polygons` does for a whole band,
    /// on a few segments of a leaf.
    private func linesPolygon(_ segments: [Int32]) throws -> Geometry? {
        var lines: [CoordinateSequence] = []
        for segment in segments.sorted() {
            let (a, b) = (graph.position(of: Int(graph.segmentFrom[Int(segment)])), graph.position(of: Int(graph.segmentTo[Int(segment)])))
            for (start, end) in reach.spans(of: Int(segment)) {
                lines.append(CoordinateSequence([Self.point(a, b, start), Self.point(a, b, end)]))
            }
        }
        guard !lines.isEmpty else { return nil }
        let joined = try Geometry(.multiLineString(lines), context: context).lineMerged()
        let bands = try joined.parts.map { line throws(GEOSError) in try line.buffer(width, style: BufferStyle(quadrantSegments: 4)) }
        return try Geometry.union(bands, context: context)
    }

    /// The point `fraction` of the way from a to b; the ends themselves at
    /// 0 and 1, so lines that share a node join.
    static func point(_ a: Position, _ b: Position, _ fraction: Double) -> Position {
        if fraction <= 0 { return a }
        if fraction >= 1 { return b }
        return Position(x: a.x + (b.x - a.x) * fraction, y: a.y + (b.y - a.y) * fraction)
    }
}

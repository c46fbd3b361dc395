/// The road segments of a graph in a k-d tree by their midpoints: each
/// node is a contiguous range of `order`, split at the median of its wider
/// side, down to leaves of at most `leafSize` segments. An isochrone band
/// is built over it (`IsochroneBuilder`): a node whose segments are all
/// reachable is one polygon computed once and reused, so only the nodes
/// the edge of the band crosses are merged afresh.
public struct IsochroneTree: Sendable {
    struct Node: Sendable {
        /// The node's segments: `order[lower ..< upper]`.
        let lower: Int32
        let upper: Int32
        /// Child nodes; -1 for a leaf.
        var left: Int32 = -1
        var right: Int32 = -1
        let parent: Int32

        var isLeaf: Bool { left < 0 }
        var count: Int32 { upper - lower }
    }

    /// Segments, each node's a contiguous range.
    let order: [Int32]
    /// The root is node 0.
    let nodes: [Node]
    /// The leaf each segment is in.
    let leafOf: [Int32]

    public var nodeCount: Int { nodes.count }

    public init(graph: RoadGraph, leafSize: Int = 32) {
        var order = (0..<graph.segmentCount).map { Int32($0) }
        var middleX = [Double](repeating: 0, count: graph.segmentCount)
        var middleY = [Double](repeating: 0, count: graph.segmentCount)
        for segment in 0..<graph.segmentCount {
            let a = graph.position(of: Int(graph.segmentFrom[segment])), b = graph.position(of: Int(graph.segmentTo[segment]))
            middleX[segment] = (a.x + b.x) / 2
            middleY[segment] = (a.y + b.y) / 2
        }
        var nodes = [Node(lower: 0, upper: Int32(order.count), parent: -1)]
        var pending = [0]
        while let index = pending.popLast() {
            let node = nodes[index]
            guard node.count > Int32(max(1, leafSize)) else { continue }
            let range = Int(node.lower)..<Int(node.upper)
            var (minX, maxX, minY, maxY) = (Double.infinity, -Double.infinity, Double.infinity, -Double.infinity)
            for segment in order[range] {
                minX = min(minX, middleX[Int(segment)]); maxX = max(maxX, middleX[Int(segment)])
                minY = min(minY, middleY[Int(segment)]); maxY = max(maxY, middleY[Int(segment)])
            }
            let key = maxX - minX >= maxY - minY ? middleX : middleY
            // Ties by segment number, so the tree is the same on every run.
            order[range].sort { key[Int($0)] != key[Int($1)] ? key[Int($0)] < key[Int($1)] : $0 < $1 }
            let middle = node.lower + node.count / 2
            let left = Int32(nodes.count)
            nodes.append(Node(lower: node.lower, upper: middle, parent: Int32(index)))
            nodes.append(Node(lower: middle, upper: node.upper, parent: Int32(index)))
            nodes[index].left = left
            nodes[index].right = left + 1
            pending += [Int(left), Int(left) + 1]
        }
        var leafOf = [Int32](repeating: -1, count: graph.segmentCount)
        for (index, node) in nodes.enumerated() where node.isLeaf {
            for segment in order[Int(node.lower)..<Int(node.upper)] { leafOf[Int(segment)] = Int32(index) }
        }
        self.order = order
        self.nodes = nodes
        self.leafOf = leafOf
    }
}

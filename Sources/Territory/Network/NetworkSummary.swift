/// What `network info` reports: size, length, connected components (as
/// if every road were two-way) and dead ends.
public struct NetworkSummary: Sendable {
    public let nodes: Int
    public let segments: Int
    public let arcs: Int
    public let lengthMetres: Double
    /// Component sizes in nodes, largest first.
    public let componentSizes: [Int]
    /// Component of each node, numbered largest first.
    public let componentOfNode: [Int32]
    public let deadEnds: Int
    public let oneWaySegments: Int

    public init(_ graph: RoadGraph) {
        nodes = graph.nodeCount
        segments = graph.segmentCount
        arcs = graph.arcCount
        lengthMetres = graph.segmentLength.reduce(0, +)
        oneWaySegments = graph.segmentFrom.indices.filter { !(graph.segmentForward[$0] && graph.segmentBackward[$0]) }.count
        // Union-find over segments, then components numbered by size.
        var parent = Array(0..<Int32(graph.nodeCount))
        func find(_ node: Int32) -> Int32 {
            var root = node
            while parent[Int(root)] != root { root = parent[Int(root)] }
            var current = node
            while parent[Int(current)] != root {
                let next = parent[Int(current)]
                parent[Int(current)] = root
                current = next
            }
            return root
        }
        var degree = [Int32](repeating: 0, count: graph.nodeCount)
        for segment in graph.segmentFrom.indices {
            let a = graph.segmentFrom[segment], b = graph.segmentTo[segment]
            degree[Int(a)] += 1
            degree[Int(b)] += 1
            let ra = find(a), rb = find(b)
            if ra != rb { parent[Int(max(ra, rb))] = min(ra, rb) }
        }
        deadEnds = degree.filter { $0 == 1 }.count
        var size: [Int32: Int] = [:]
        let roots = (0..<Int32(graph.nodeCount)).map(find)
        for root in roots { size[root, default: 0] += 1 }
        let ranked = size.keys.sorted { (size[$0]!, -$0) > (size[$1]!, -$1) }
        var rank: [Int32: Int32] = [:]
        for (position, root) in ranked.enumerated() { rank[root] = Int32(position) }
        componentSizes = ranked.map { size[$0]! }
        componentOfNode = roots.map { rank[$0]! }
    }
}

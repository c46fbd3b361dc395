/// Dijkstra over a road graph with a binary heap on flat arrays: the
/// travel time in minutes from a set of start nodes (each with the minutes
/// already spent reaching it) to every node, and the arc each was reached by.
public struct ShortestPaths {
    public private(set) var minutes: [Double]
    /// The arc used to reach each node; -1 for starts and unreached nodes.
    public private(set) var arcInto: [Int32]
    /// Which start (by its position in `starts`) each node was reached
    /// from; -1 when unreached.
    public private(set) var origin: [Int32]
    /// The nodes this run reached, in no particular order.
    public private(set) var reached: [Int32] = []
    private var heap = MinHeap<Double>()

    public init(nodeCount: Int) {
        minutes = [Double](repeating: .infinity, count: nodeCount)
        arcInto = [Int32](repeating: -1, count: nodeCount)
        origin = [Int32](repeating: -1, count: nodeCount)
    }

    /// Runs from `starts`, stopping past `cutoff` minutes, or once every
    /// node of `targets` (when given) has its final minutes.
    public mutating func run(_ graph: RoadGraph, from starts: [(node: Int, minutes: Double)], cutoff: Double = .infinity,
                             targets: Set<Int>? = nil) {
        run(graph, from: starts.map { ($0.node, $0.minutes, Int32(0)) }, cutoff: cutoff, targets: targets)
    }

    /// Runs from labelled starts at once: each node ends up with the
    /// minutes to its nearest start and that start's label in `origin`.
    public mutating func run(_ graph: RoadGraph, from starts: [(node: Int, minutes: Double, label: Int32)], cutoff: Double = .infinity,
                             targets: Set<Int>? = nil) {
        var pending = targets
        // Only what the last run touched needs resetting.
        for node in reached {
            minutes[Int(node)] = .infinity
            arcInto[Int(node)] = -1
            origin[Int(node)] = -1
        }
        reached.removeAll(keepingCapacity: true)
        heap.removeAll()
        for start in starts where start.minutes < minutes[start.node] {
            if minutes[start.node] == .infinity { reached.append(Int32(start.node)) }
            minutes[start.node] = start.minutes
            arcInto[start.node] = -1
            origin[start.node] = start.label
            heap.push(start.minutes, Int32(start.node))
        }
        graph.arcStart.withUnsafeBufferPointer { arcStart in
        graph.arcTarget.withUnsafeBufferPointer { arcTarget in
        graph.arcMinutes.withUnsafeBufferPointer { arcMinutes in
            while let (time, node) = heap.pop() {
                guard time <= minutes[Int(node)] else { continue }
                if time > cutoff { break }
                if pending != nil {
                    pending!.remove(Int(node))
                    if pending!.isEmpty { break }
                }
                for arc in Int(arcStart[Int(node)])..<Int(arcStart[Int(node) + 1]) {
                    let target = Int(arcTarget[arc])
                    let candidate = time + arcMinutes[arc]
                    if candidate < minutes[target] {
                        if minutes[target] == .infinity { reached.append(Int32(target)) }
                        minutes[target] = candidate
                        arcInto[target] = Int32(arc)
                        origin[target] = origin[Int(node)]
                        heap.push(candidate, Int32(target))
                    }
                }
            }
        }
        }
        }
    }

    /// The arcs from a start to `node`, in travel order.
    public func arcs(to node: Int, in graph: RoadGraph) -> [Int] {
        var arcs: [Int] = []
        var current = node
        while arcInto[current] >= 0 {
            let arc = Int(arcInto[current])
            arcs.append(arc)
            current = graph.source(of: arc)
        }
        return arcs.reversed()
    }
}

extension RoadGraph {
    /// The node an arc leaves from: the other end of its segment.
    public func source(of arc: Int) -> Int {
        let segment = Int(arcSegment[arc])
        return arcTarget[arc] == segmentTo[segment] ? Int(segmentFrom[segment]) : Int(segmentTo[segment])
    }
}

/// The part of each road segment reachable within a threshold, gathered
/// from one shortest-path search without a dictionary: a segment is
/// reached from its first node (0 up to `fromEnd`), from its second node
/// (`toStart` up to 1), and, on the facility's own segment, around the snap.
/// Kept per worker and reused for every band of every facility: only the
/// segments a band touched are reset.
struct IsochroneReach {
    /// Reach from the first node: [0, fromEnd]; -1 when none.
    private(set) var fromEnd: [Double]
    /// Reach from the second node: [toStart, 1]; 2 when none.
    private(set) var toStart: [Double]
    /// Segments with some reach in this band, in the order first touched.
    private(set) var touched: [Int32] = []
    private var isTouched: [Bool]
    /// The snapped segment and the spans around the snap (empty when the
    /// band was gathered without one).
    private(set) var snapSegment = -1
    private(set) var snapSpans: [(Double, Double)] = []

    init(segmentCount: Int) {
        fromEnd = [Double](repeating: -1, count: segmentCount)
        toStart = [Double](repeating: 2, count: segmentCount)
        isTouched = [Bool](repeating: false, count: segmentCount)
    }

    /// Gathers the reach within `threshold` minutes from `snap`, given
    /// shortest paths already run from it far enough: the same spans as
    /// `Isochrones.reachableLines` (every arc out of a node reached in
    /// time, as far as time allows, and the snap's own segment).
    mutating func gather(within threshold: Double, from snap: Snap, graph: RoadGraph, paths: ShortestPaths) {
        clear()
        let segment = snap.segment
        let reach = graph.segmentMinutes[segment] > 0 ? threshold / graph.segmentMinutes[segment] : 1
        snapSegment = segment
        if graph.segmentForward[segment] { snapSpans.append((snap.fraction, min(1, snap.fraction + reach))) }
        if graph.segmentBackward[segment] { snapSpans.append((max(0, snap.fraction - reach), snap.fraction)) }
        touch(segment)
        graph.arcStart.withUnsafeBufferPointer { arcStart in
        graph.arcMinutes.withUnsafeBufferPointer { arcMinutes in
        graph.arcSegment.withUnsafeBufferPointer { arcSegment in
        graph.segmentFrom.withUnsafeBufferPointer { segmentFrom in
            for node in paths.reached {
                let time = paths.minutes[Int(node)]
                guard time <= threshold else { continue }
                let spare = threshold - time
                for arc in Int(arcStart[Int(node)])..<Int(arcStart[Int(node) + 1]) {
                    let fraction = arcMinutes[arc] > 0 ? min(1, spare / arcMinutes[arc]) : 1
                    guard fraction > 0 else { continue }
                    let segment = Int(arcSegment[arc])
                    if segmentFrom[segment] == node {
                        fromEnd[segment] = max(fromEnd[segment], fraction)
                    } else {
                        toStart[segment] = min(toStart[segment], 1 - fraction)
                    }
                    touch(segment)
                }
            }
        }
        }
        }
        }
    }

    private mutating func touch(_ segment: Int) {
        if !isTouched[segment] {
            isTouched[segment] = true
            touched.append(Int32(segment))
        }
    }

    private mutating func clear() {
        for segment in touched {
            fromEnd[Int(segment)] = -1
            toStart[Int(segment)] = 2
            isTouched[Int(segment)] = false
        }
        touched.removeAll(keepingCapacity: true)
        snapSegment = -1
        snapSpans.removeAll(keepingCapacity: true)
    }

    /// The merged reachable spans of `segment` (fractions from its first
    /// node), in order; empty when it is not reached.
    func spans(of segment: Int) -> [(Double, Double)] {
        var spans: [(Double, Double)] = []
        if fromEnd[segment] > 0 { spans.append((0, fromEnd[segment])) }
        if segment == snapSegment { spans += snapSpans }
        if toStart[segment] < 1 { spans.append((toStart[segment], 1)) }
        if spans.count == 1 { return spans[0].1 > spans[0].0 ? spans : [] }
        var merged: [(Double, Double)] = []
        for span in spans.sorted(by: { $0.0 < $1.0 }) where span.1 > span.0 {
            if let last = merged.last, span.0 <= last.1 { merged[merged.count - 1].1 = max(last.1, span.1) } else { merged.append(span) }
        }
        return merged
    }

    /// Whether some of the segment is reachable.
    func isReached(_ segment: Int) -> Bool {
        isTouched[segment] && (segment != snapSegment || !spans(of: segment).isEmpty)
    }

    /// Whether the whole segment is reachable.
    func isWhole(_ segment: Int) -> Bool {
        if fromEnd[segment] >= toStart[segment] || fromEnd[segment] >= 1 || toStart[segment] <= 0 { return true }
        guard segment == snapSegment else { return false }
        let spans = spans(of: segment)
        return spans.count == 1 && spans[0].0 <= 0 && spans[0].1 >= 1
    }
}

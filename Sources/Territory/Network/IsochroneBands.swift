import Geo

extension Isochrones {
    /// The isochrone polygons of many facilities, facilities in parallel
    /// (each worker with its own GEOS context and shortest paths): one
    /// feature per facility and threshold reached, in facility order, with
    /// `facility_id`, `minutes` and `area_m2` (metric CRS of the graph).
    /// Facilities that did not snap (nil) have none.
    public func bands(of facilities: [Snap?], ids: [String], minutes thresholds: [Double], graph: RoadGraph) throws -> [Feature] {
        try parallelChunks(count: facilities.count) { range in
            let context = GEOSContext()
            var paths = ShortestPaths(nodeCount: graph.nodeCount)
            var features: [Feature] = []
            for index in range {
                guard let snap = facilities[index] else { continue }
                let polygons = try self.polygons(from: snap, minutes: thresholds, graph: graph, paths: &paths, context: context)
                for (threshold, polygon) in zip(thresholds, polygons) {
                    guard let polygon else { continue }
                    features.append(Feature(geometry: polygon, properties: [
                        "facility_id": .string(ids[index]), "minutes": .number(threshold),
                        "area_m2": .number(try Geometry(polygon, context: context).area().rounded()),
                    ]))
                }
            }
            return features
        }.flatMap { $0 }
    }
}

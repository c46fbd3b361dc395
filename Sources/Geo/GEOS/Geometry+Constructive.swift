import CGEOS

extension Geometry {
    /// Douglas-Peucker simplification that keeps the topology: rings stay
    /// simple and holes stay inside their shells.
    public func simplifyPreservingTopology(tolerance: Double) throws(GEOSError) -> Geometry {
        try make(GEOSTopologyPreserveSimplify_r(context.handle, handle, tolerance), "simplify")
    }

    public func convexHull() throws(GEOSError) -> Geometry {
        try make(GEOSConvexHull_r(context.handle, handle), "convex hull")
    }

    /// A concave hull; `ratio` 1 gives the convex hull, smaller values
    /// follow the points more closely.
    public func concaveHull(ratio: Double, allowHoles: Bool = false) throws(GEOSError) -> Geometry {
        try make(GEOSConcaveHull_r(context.handle, handle, ratio, allowHoles ? 1 : 0), "concave hull")
    }

    /// Voronoi cells of the geometry's vertices, as a collection of
    /// polygons covering `clip` (or an envelope a little larger than the
    /// input when nil).
    public func voronoiDiagram(clip: Envelope? = nil, tolerance: Double = 0) throws(GEOSError) -> Geometry {
        let c = context.handle
        let envelope = try clip.map { envelope throws(GEOSError) in try Geometry(envelope.shape, context: context) }
        return try make(GEOSVoronoiDiagram_r(c, handle, envelope?.handle, tolerance, 0), "voronoi")
    }

    /// Lines split at every crossing and shared vertex, duplicates merged.
    public func noded() throws(GEOSError) -> Geometry {
        try make(GEOSNode_r(context.handle, handle), "node")
    }

    /// The boundary of a polygon (its rings) or of a line (its end points).
    public func boundary() throws(GEOSError) -> Geometry {
        try make(GEOSBoundary_r(context.handle, handle), "boundary")
    }
}

extension Geometry {
    /// Lines joined end to end into as few lines as possible.
    public func lineMerged() throws(GEOSError) -> Geometry {
        try make(GEOSLineMerge_r(context.handle, handle), "line merge")
    }
}

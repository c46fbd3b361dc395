import CGEOS

extension Geometry {
    /// The geometry snap-rounded to a grid of `gridSize` (GEOS's precision
    /// model): every vertex on the grid, edges noded where they meet, and
    /// parts thinner than the grid removed, so polygons stay valid at that
    /// precision. Empty when nothing is left.
    public func snapRounded(gridSize: Double) throws(GEOSError) -> Geometry {
        // Flags 0: GEOS_PREC_VALID_OUTPUT, the snap-rounding overlay.
        try make(GEOSGeom_setPrecision_r(context.handle, handle, gridSize, 0), "snap-round")
    }
}

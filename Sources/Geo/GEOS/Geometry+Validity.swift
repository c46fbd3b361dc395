import CGEOS

/// Why GEOS finds a geometry invalid, and where.
public struct ValidityProblem: Sendable, Hashable {
    public let reason: String
    public let location: Position?
}

extension Geometry {
    public func isValid() throws(GEOSError) -> Bool {
        try context.check(predicate: GEOSisValid_r(context.handle, handle), "is valid")
    }

    /// Nil when valid; otherwise GEOS's reason ("Self-intersection") and
    /// the point where it found it.
    public func validityProblem() throws(GEOSError) -> ValidityProblem? {
        let c = context.handle
        var reason: UnsafeMutablePointer<CChar>?
        var location: OpaquePointer?
        let valid = try context.check(predicate: GEOSisValidDetail_r(c, handle, 0, &reason, &location), "validity")
        defer {
            if let reason { GEOSFree_r(c, reason) }
            if let location { GEOSGeom_destroy_r(c, location) }
        }
        if valid { return nil }
        let position = location.flatMap { Geometry(owning: GEOSGeom_clone_r(c, $0)!, context: context).position }
        return ValidityProblem(reason: reason.map { String(cString: $0) } ?? "invalid", location: position)
    }

    /// How `makeValid` rebuilds an invalid geometry.
    public enum RepairMethod: String, Sendable, CaseIterable {
        /// Keeps every vertex and all collapsed parts (lines, points).
        case linework
        /// Rebuilds polygons from their structure; collapsed parts dropped.
        case structure
    }

    /// A valid geometry covering the same points (GEOS MakeValid). A
    /// bow-tie becomes two triangles.
    public func makeValid(method: RepairMethod = .linework, keepCollapsed: Bool = false) throws(GEOSError) -> Geometry {
        let c = context.handle
        guard let parameters = GEOSMakeValidParams_create_r(c) else { throw context.takeError(operation: "make valid parameters") }
        defer { GEOSMakeValidParams_destroy_r(c, parameters) }
        let geosMethod = method == .linework ? GEOS_MAKE_VALID_LINEWORK : GEOS_MAKE_VALID_STRUCTURE
        GEOSMakeValidParams_setMethod_r(c, parameters, geosMethod)
        GEOSMakeValidParams_setKeepCollapsed_r(c, parameters, keepCollapsed ? 1 : 0)
        return try make(GEOSMakeValidWithParams_r(c, handle, parameters), "make valid")
    }
}

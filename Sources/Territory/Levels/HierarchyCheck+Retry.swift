import Geo

/// The outcome of one unit's overlay: its result, or the problem that
/// names the unit when GEOS could not compute it even on repaired copies.
enum HierarchyAttempt<T> {
    case success(T)
    case failure(HierarchyProblem)
}

extension HierarchyCheck {
    /// Runs `body` on `geometries`; when GEOS throws (a TopologyException:
    /// edges a projection bent into each other, nearly coincident edges of
    /// a dissolved level), runs it once more on repaired copies: made valid
    /// (MakeValid, structure method) and snap-rounded to a millimetre (the
    /// check's CRS is metric), on which overlays are robust. When that
    /// fails too, the problem `failure` makes names the unit, and the
    /// check goes on with the next one: one bad unit never stops a check.
    func retrying<T>(_ geometries: [Geometry], failure: (GEOSError) -> HierarchyProblem,
                     _ body: ([Geometry]) throws(GEOSError) -> T) -> HierarchyAttempt<T> {
        let firstError: GEOSError
        do {
            return .success(try body(geometries))
        } catch {
            firstError = error
        }
        do {
            let repaired = try geometries.map { geometry throws(GEOSError) in
                try geometry.makeValid(method: .structure).snapRounded(gridSize: 0.001)
            }
            return .success(try body(repaired))
        } catch {
            return .failure(failure(firstError))
        }
    }
}

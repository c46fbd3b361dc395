import Foundation
import Geo

extension HierarchyCheck {
    /// The gaps inside one parent: its area covered by none of its
    /// children. A gap covered by a unit of another parent says which, so
    /// a unit filed under the wrong parent reads as such.
    func gaps(in parent: Int, of parents: Level, members: [Int], level: Level, index: SpatialIndex,
              context: GEOSContext) -> [HierarchyProblem] {
        let name = level.spec.name
        let parentName = "\(parents.spec.name) \(display(parents, parent))"
        let parts = retrying([parents.geometries[parent]] + members.map { level.geometries[$0] }, failure: { error in
            HierarchyProblem(kind: .checkFailed, level: name, unit: "-", other: label(parents, parent),
                             message: "the gaps inside \(parentName) could not be computed, even repaired (GEOS: \(error.message)); repair its \(name) units (validate --repair)")
        }) { geometries throws(GEOSError) -> [(Geometry, Double)] in
            let covered = try Geometry.union(Array(geometries.dropFirst()), context: context)
            return try geometries[0].difference(covered).parts.map { part throws(GEOSError) in (part, try part.area()) }
        }
        switch parts {
        case .failure(let problem):
            return [problem]
        case .success(let parts):
            return parts.filter { $0.1 > minimumArea }.map { part, area in
                let message = "a gap of \(Self.format(area)) m² inside \(parentName) belongs to no \(name) of \(label(parents, parent))"
                    + coverage(of: part, area: area, outside: Set(members), level: level, parents: parents, index: index)
                return HierarchyProblem(kind: .gap, level: name, unit: "-", other: label(parents, parent),
                                        message: message, area: area, geometry: part.shape)
            }
        }
    }

    /// "; covered by canton 0901 (Guayaquil) of province 09 (Guayas)", or
    /// "; 40 % of it covered by ..." when only partly; empty when no unit
    /// of another parent covers it.
    private func coverage(of gap: Geometry, area: Double, outside members: Set<Int>, level: Level, parents: Level,
                          index: SpatialIndex) -> String {
        var covering: [(unit: Int, area: Double)] = []
        for other in index.query(gap) where !members.contains(other) {
            // A unit whose overlay fails here is reported where it is checked.
            guard let shared = try? gap.intersection(level.geometries[other]).area(), shared > minimumArea else { continue }
            covering.append((other, shared))
        }
        guard !covering.isEmpty else { return "" }
        covering.sort { ($0.area, $1.unit) > ($1.area, $0.unit) }
        let names = covering.prefix(3).map { unit, _ in
            let code = level.parentCodes[unit]
            let parent = code.flatMap { parents.codes.contains($0) ? "\(parents.spec.name) \(display(parents, code: $0))" : nil }
                ?? "no \(parents.spec.name) (it names \(code ?? "none"))"
            return "\(level.spec.name) \(display(level, unit)) of \(parent)"
        }
        let more = covering.count > 3 ? " and \(covering.count - 3) more" : ""
        let share = covering.reduce(0) { $0 + $1.area } / area
        let how = share >= 0.99 ? "covered by" : "\(String(format: "%.0f", min(share, 1) * 100)) % of it covered by"
        return "; \(how) \(names.joined(separator: ", "))\(more)"
    }
}

import Foundation
import Geo

/// Which territory units are neighbours: `rook` when they share an edge of
/// positive length, `queen` when they share any point. A `snap` distance
/// (metres) tolerates the slivers and tiny gaps real boundaries have.
/// Units with no neighbour (islands) are joined to the nearest unit,
/// left on their own, or refused, as the policy says.
public struct Contiguity: Sendable {
    public enum Rule: String, Sendable, CaseIterable { case rook, queen }
    public enum IslandPolicy: String, Sendable, CaseIterable { case joinNearest = "join-nearest", own, error }

    /// Neighbours of each unit, ascending.
    public let neighbours: [[Int]]
    /// Units that had no neighbour before the island policy applied.
    public let islands: [Int]
    /// With `joinNearest`: the unit each island was joined to.
    public let joinedTo: [Int: Int]

    public init(_ geometries: [Geometry], rule: Rule = .rook, snap: Double = 0, islands policy: IslandPolicy = .joinNearest,
                context: GEOSContext = .current) throws {
        let index = try SpatialIndex(geometries, context: context)
        let grown = try geometries.map { snap > 0 ? try $0.buffer(snap, style: BufferStyle(quadrantSegments: 2)) : $0 }
        let boundaries = try geometries.map { try $0.boundary() }
        var neighbours = [[Int]](repeating: [], count: geometries.count)
        for (unit, geometry) in geometries.enumerated() where !geometry.isEmpty {
            for other in index.query(grown[unit]) where other > unit {
                guard try grown[unit].intersects(geometries[other]) else { continue }
                if rule == .rook {
                    // The stretch of the other's boundary along this one: longer than the snap, not a corner.
                    let shared = try boundaries[other].intersection(snap > 0 ? grown[unit] : boundaries[unit]).length()
                    guard shared > max(2 * snap, 1e-9) else { continue }
                }
                neighbours[unit].append(other)
                neighbours[other].append(unit)
            }
        }
        let alone = neighbours.indices.filter { neighbours[$0].isEmpty && !geometries[$0].isEmpty }
        islands = alone
        var joinedTo: [Int: Int] = [:]
        switch policy {
        case .own:
            break
        case .error:
            if !alone.isEmpty { throw ContiguityError.islands(alone) }
        case .joinNearest:
            for island in alone where geometries.count > 1 {
                var best = (unit: -1, metres: Double.infinity)
                for other in geometries.indices where other != island && !geometries[other].isEmpty {
                    let metres = try geometries[island].distance(to: geometries[other])
                    if metres < best.metres { best = (other, metres) }
                }
                if best.unit >= 0, !neighbours[island].contains(best.unit) {
                    neighbours[island].append(best.unit)
                    neighbours[best.unit].append(island)
                }
                if best.unit >= 0 { joinedTo[island] = best.unit }
            }
        }
        self.joinedTo = joinedTo
        self.neighbours = neighbours.map { $0.sorted() }
    }

    /// The connected parts of a set of units, each sorted, largest first.
    public func components(of units: [Int]) -> [[Int]] {
        let members = Set(units)
        var seen = Set<Int>()
        var parts: [[Int]] = []
        for start in units.sorted() where !seen.contains(start) {
            var part: [Int] = []
            var stack = [start]
            seen.insert(start)
            while let unit = stack.popLast() {
                part.append(unit)
                for next in neighbours[unit] where members.contains(next) && seen.insert(next).inserted { stack.append(next) }
            }
            parts.append(part.sorted())
        }
        return parts.sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
    }
}

public enum ContiguityError: Error, CustomStringConvertible {
    case islands([Int])

    public var description: String {
        switch self {
        case .islands(let units): "\(units.count) unit(s) touch no other: \(units.prefix(10).map(String.init).joined(separator: ", ")); use --islands join-nearest or own"
        }
    }
}

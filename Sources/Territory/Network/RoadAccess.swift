import Foundation

/// How points off the roads reach them: on foot (or by whatever moves at
/// `offRoadSpeed`) straight to the nearest road, and not at all from
/// farther than `maxSnap` metres.
public struct RoadAccess: Sendable {
    /// Metres; a point farther from the roads is unreachable.
    public var maxSnap: Double
    /// km/h of the leg between a point and the road.
    public var offRoadSpeed: Double

    public init(maxSnap: Double = 2_000, offRoadSpeed: Double = 5) {
        self.maxSnap = maxSnap
        self.offRoadSpeed = offRoadSpeed
    }

    /// The snap when it is near enough; nil otherwise.
    public func accepts(_ snap: Snap?) -> Snap? {
        guard let snap, snap.metres <= maxSnap else { return nil }
        return snap
    }

    /// Minutes of the leg between the point and where it meets the road.
    public func minutes(_ snap: Snap) -> Double {
        snap.metres / (offRoadSpeed * 1000 / 60)
    }
}

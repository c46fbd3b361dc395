import Geo
import Territory

/// Points of `route` and `isochrone`, read and placed on the roads through
/// the command's `TravelTimes` (none farther than its `access.maxSnap`);
/// each one refused is reported with how far the roads are.
struct RoutePoints {
    let ids: [String]
    let places: [TravelTimes.Place?]
    var snaps: [Snap?] { places.map { $0?.snap } }

    /// `positions`: where each feature of `layer` is in `file` (after a
    /// --where), for ids and messages; by default, where it is in `layer`.
    init(layer: Layer, file: String, positions: [Int]? = nil, travel: TravelTimes) throws {
        let crs = travel.graph.crs
        // Projected here rather than by `places`, so that a feature that is
        // not a point is named, and a refused one's distance measured.
        let projected = try layer.projected(to: crs, file: file)
        let positions = positions ?? Array(layer.features.indices)
        ids = layer.features.enumerated().map { $1.id?.description ?? String(positions[$0]) }
        let points = try projected.features.enumerated().map { offset, feature -> Position in
            guard case .point(let position?)? = feature.geometry else {
                throw ReadError(file: file, featureIndex: positions[offset], featureID: layer.features[offset].id, message: "expected a point")
            }
            return position
        }
        places = try travel.places(points, from: crs)
        for (offset, place) in places.enumerated() where place == nil {
            let snap = try travel.nearestSnap(points[offset])
            let location = FeatureLocation(file: file, index: positions[offset], id: layer.features[offset].id)
            Diagnostics.featureLine(Diagnostics.text(.pointUnreachable(place: Diagnostics.place(location),
                                                                       metres: snap.map { String(format: "%.0f", $0.metres) })))
        }
    }
}

import Geo

/// A CSV, or GeoJSON, declares no CRS and is read as longitude/latitude;
/// coordinates in metres (UTM, a national grid) would then be written as
/// if they were degrees. When most features lie outside -180..180,
/// -90..90, the layer cannot be longitude/latitude: an error that asks
/// for `--s-crs`. A few stray features are left to `validate`.
enum LonLatCheck {
    static func check(_ layer: Layer, file: String) throws(ReadError) {
        guard layer.crs.isWGS84 else { return }
        var withGeometry = 0, outside = 0
        var example: (index: Int, envelope: Envelope)?
        for (index, feature) in layer.features.enumerated() {
            guard let envelope = feature.geometry?.envelope else { continue }
            withGeometry += 1
            if envelope.minX < -180 || envelope.maxX > 180 || envelope.minY < -90 || envelope.maxY > 90 {
                outside += 1
                if example == nil { example = (index, envelope) }
            }
        }
        guard let example, outside * 2 >= withGeometry else { return }
        let id = layer.features[example.index].id.map { "\($0)" }
        throw ReadError(file: file, reason: .projectedWithoutCRS(outside: outside, of: withGeometry, example: example.index, id: id,
                                                               x: example.envelope.minX, y: example.envelope.minY, file: file))
    }
}

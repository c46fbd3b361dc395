import Foundation

extension CRS {
    /// True for a projected CRS in metres whose lengths are near true over
    /// a region (UTM, Lambert, any national grid; not Mercator or Web
    /// Mercator): a layer in one is measured as it is. False for longitude,
    /// latitude, for feet, and for a definition PROJ does not know.
    public var isMetric: Bool {
        if isWGS84 { return false }
        return PROJContext.current.isMetric(self)
    }

    /// A projected CRS in metres suited to data with this longitude,
    /// latitude envelope: the UTM zone of its centre when the data fits in
    /// one zone, else a Lambert azimuthal equal-area centred on it.
    ///
    /// The envelope's centre stands in for the centroid: it needs no
    /// geometry work and is stable under adding interior points.
    public static func metric(for envelope: Envelope) -> CRS {
        let center = envelope.center
        let westZone = utmZone(longitude: envelope.minX)
        let eastZone = utmZone(longitude: envelope.maxX)
        if westZone == eastZone {
            let base = center.y >= 0 ? 32600 : 32700
            return CRS("EPSG:\(base + utmZone(longitude: center.x))")
        }
        return CRS("+proj=laea +lat_0=\(rounded(center.y)) +lon_0=\(rounded(center.x)) +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs +type=crs")
    }

    /// UTM zone 1...60 of a longitude; 180 belongs to zone 60.
    /// Clamped in Double before the conversion: a longitude of 1e20 (a
    /// projected file read as degrees) must not trap; NaN counts as zone 1.
    public static func utmZone(longitude: Double) -> Int {
        let zone = ((longitude + 180) / 6).rounded(.down) + 1
        guard zone >= 1 else { return 1 }
        return zone >= 60 ? 60 : Int(zone)
    }

    /// Centres to 1e-6 degree, so the same data always names the same CRS;
    /// a centre past the poles or the antimeridian is held to the range.
    private static func rounded(_ degrees: Double) -> String {
        String(format: "%.6f", degrees.isFinite ? min(max(degrees, -180), 180) : 0)
    }
}

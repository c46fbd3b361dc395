import CGDAL
import Geo

/// Between GDAL's spatial references and Territorio's `CRS`.
enum SpatialReference {
    /// `EPSG:n` when GDAL can name an EPSG code for it (WGS 84 as
    /// `CRS.wgs84`), else its WKT2. Nil for none.
    static func crs(of reference: OGRSpatialReferenceH?) -> CRS? {
        guard let reference, let copy = OSRClone(reference) else { return nil }
        defer { OSRRelease(copy) }
        _ = OSRAutoIdentifyEPSG(copy)
        if let authority = OSRGetAuthorityName(copy, nil), String(cString: authority).uppercased() == "EPSG",
           let code = OSRGetAuthorityCode(copy, nil) {
            let text = String(cString: code)
            return text == "4326" ? .wgs84 : CRS("EPSG:\(text)")
        }
        var wkt: UnsafeMutablePointer<CChar>?
        let exported = withCStringList(["FORMAT=WKT2_2019"]) { options in
            OSRExportToWktEx(copy, &wkt, constList(options))
        }
        defer { VSIFree(wkt) }
        guard exported == OGRERR_NONE, let wkt else { return nil }
        return CRS(String(cString: wkt))
    }

    /// A new spatial reference for `crs` (release with `OSRRelease`),
    /// axes in longitude, latitude / easting, northing order as Territorio
    /// keeps its coordinates.
    static func make(_ crs: CRS) -> OGRSpatialReferenceH? {
        guard let reference = OSRNewSpatialReference(nil) else { return nil }
        guard OSRSetFromUserInput(reference, crs.isWGS84 ? "EPSG:4326" : crs.definition) == OGRERR_NONE else {
            OSRRelease(reference)
            return nil
        }
        OSRSetAxisMappingStrategy(reference, OAMS_TRADITIONAL_GIS_ORDER)
        return reference
    }
}

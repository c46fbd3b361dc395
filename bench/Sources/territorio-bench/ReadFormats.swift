import Geo
import GeoFormats

/// Reads every feature of a GeoPackage or FlatGeobuf, with its properties,
/// through GDAL (what pyogrio.read_dataframe does on the anchor side).
func readFormat(_ path: String, times: Int) throws -> Outcome {
    var count = 0
    let runs = try timed(times) {
        count = try LayerSource.read(path).layer.count
    }
    return Outcome(runs: runs, counts: ["features": count])
}

// The Territorio side of bench/run's format tasks, apart from
// territorio-bench so that GDAL (about 20 MB and 50 ms at start) is not
// counted in every other task's peak memory. Prints one JSON line as
// territorio-bench and bench/anchors.py do.
//
//   territorio-bench-formats read-gpkg POINTS.gpkg [--repeat N]
//   territorio-bench-formats read-fgb POINTS.fgb [--repeat N]
//   territorio-bench-formats geojson-parts IN OUT [--repeat N]
//
// geojson-parts times the GeoJSON round trip's read and write apart (it
// needs no Territory module, so it builds fast for profiling the reader
// and the writer; bench/run's geojson-roundtrip is territorio-bench's).
import Foundation
import Geo
import GeoFormats

var arguments = Array(CommandLine.arguments.dropFirst())
var repeatCount = 3
if let flag = arguments.firstIndex(of: "--repeat"), flag + 1 < arguments.count {
    repeatCount = Int(arguments[flag + 1]) ?? 3
    arguments.removeSubrange(flag...(flag + 1))
}
if arguments.count == 3, arguments[0] == "geojson-parts" {
    var reads: [Double] = [], writes: [Double] = []
    var count = 0
    for _ in 0..<repeatCount {
        let start = DispatchTime.now().uptimeNanoseconds
        let layer = try Layer.readGeoJSON(path: arguments[1])
        let middle = DispatchTime.now().uptimeNanoseconds
        try layer.writeGeoJSON(path: arguments[2])
        reads.append(Double(middle - start) / 1e9)
        writes.append(Double(DispatchTime.now().uptimeNanoseconds - middle) / 1e9)
        count = layer.count
    }
    print("{\"task\": \"geojson-parts\", \"features\": \(count), \"workers\": \(Parallelism.workers), \"read_seconds\": \(reads), \"write_seconds\": \(writes)}")
    exit(0)
}
guard arguments.count == 2, ["read-gpkg", "read-fgb"].contains(arguments[0]) else {
    FileHandle.standardError.write(Data("usage: territorio-bench-formats read-gpkg|read-fgb FILE [--repeat N]\n".utf8))
    exit(2)
}

// Every feature with its properties into a Layer, through GDAL (what
// pyogrio.read_dataframe does on the anchor side).
var runs: [Double] = []
var count = 0
for _ in 0..<repeatCount {
    let start = DispatchTime.now().uptimeNanoseconds
    count = try LayerSource.read(arguments[1]).layer.count
    runs.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}

var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
let result: [String: Any] = [
    "task": arguments[0],
    "tool": "territorio (GDAL \(GDALReader.gdalVersion))",
    "median_seconds": runs.sorted()[runs.count / 2],
    "runs": runs,
    "peak_rss_bytes": usage.ru_maxrss * 1024,
    "features": count,
]
let json = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
print(String(decoding: json, as: UTF8.self))

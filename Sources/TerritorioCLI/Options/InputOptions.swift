import ArgumentParser
import Geo

/// How to read an input layer: GeoJSON (any file, or - for standard
/// input) or CSV points.
struct InputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("CSV: the longitude (x) column, when not named lon, lng, longitude or x.", valueName: "column"))
    var x: String?

    @Option(help: ArgumentHelp("CSV: the latitude (y) column, when not named lat, latitude or y.", valueName: "column"))
    var y: String?

    @Option(name: .customLong("id-column"), help: ArgumentHelp("CSV: the column that holds each row's id.", valueName: "column"))
    var idColumn: String?

    @Option(name: .customLong("rejects"), help: ArgumentHelp("CSV: write rows whose coordinates cannot be read to this CSV, with the reason, instead of stopping at the first.", valueName: "file"))
    var rejectsFile: String?

    @Option(name: .customLong("s-crs"), help: ArgumentHelp("The CRS the input is in, overriding what it declares (EPSG:n, PROJ string or WKT).", valueName: "crs"))
    var sourceCRS: String?

    var csvOptions: CSVPointReader.Options {
        CSVPointReader.Options(xColumn: x, yColumn: y, idColumn: idColumn)
    }

    /// Reads the layer; rejected CSV rows are reported and, with
    /// --rejects, written out. Never dropped silently.
    func read(_ path: String, progress: Progress? = nil) throws -> LayerFile.Contents {
        let contents = try LayerFile.read(path, csv: csvOptions, collectRejects: rejectsFile != nil,
                                          crs: sourceCRS.map(CRS.init), progress: { progress?.update($0) })
        progress?.finish()
        if let rejectsFile, LayerFile.isCSV(path) {
            try RejectsFile.write(contents.rejected, to: rejectsFile)
            if !contents.rejected.isEmpty {
                Diagnostics.warn("\(path): \(contents.rejected.count) row(s) set aside in \(rejectsFile)")
            }
        }
        return contents
    }
}

/// CSV rows set aside, with their line and reason first.
enum RejectsFile {
    static func write(_ rejected: [CSVPointReader.Rejected], to path: String) throws {
        var text = "line,reason,fields\n"
        for row in rejected {
            text += "\(row.line),\(quoted(row.reason)),\(quoted(row.fields.joined(separator: "|")))\n"
        }
        try ReportOptions.writeText(text, to: path)
    }

    private static func quoted(_ field: String) -> String {
        "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

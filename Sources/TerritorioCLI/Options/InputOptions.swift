import Foundation
import Territory
import ArgumentParser
import Geo
import GeoFormats

/// How to read the main input layer: GeoJSON (or - for standard input),
/// CSV points, or any vector format GDAL reads (see `LayerSource`).
struct InputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Input format when the extension does not say: geojson, csv, or a GDAL driver (GPKG, shp, fgb, KML, OSM, gdal:CSV, ...).", valueName: "name"))
    var format: String?

    @Option(help: ArgumentHelp("Text encoding of a CSV, Shapefile or DBF (ISO-8859-1, CP1252, ...; for a Shapefile, overriding its .cpg). CSV is read as UTF-8 by default.", valueName: "name"))
    var encoding: String?

    @Option(help: ArgumentHelp("CSV: the longitude (x) column, when not named lon, lng, longitude or x.", valueName: "column"))
    var x: String?

    @Option(help: ArgumentHelp("CSV: the latitude (y) column, when not named lat, latitude or y.", valueName: "column"))
    var y: String?

    @Option(name: .customLong("id-column"), help: ArgumentHelp("CSV: the column that holds each row's id.", valueName: "column"))
    var idColumn: String?

    @Option(name: .customLong("rejects"), help: ArgumentHelp("CSV: write rows whose coordinates cannot be read to this CSV, with the reason, instead of stopping at the first.", valueName: "file"))
    var rejectsFile: String?

    @Option(help: ArgumentHelp("The layer of the input to read: a GeoPackage's layer, a database table (with a PG: connection string), ... (same as FILE:LAYER).", valueName: "name"))
    var layer: String?

    @Option(name: .customLong("s-crs"), help: ArgumentHelp("The CRS the input is in, overriding what it declares (EPSG:n, PROJ string or WKT).", valueName: "crs"))
    var sourceCRS: String?

    var csvOptions: CSVPointReader.Options {
        CSVPointReader.Options(xColumn: x, yColumn: y, idColumn: idColumn)
    }

    /// Reads the layer (`FILE:LAYER` picks one of several); rejected CSV
    /// rows are reported and, with --rejects, written out. Never dropped
    /// silently. Warnings go to standard error.
    func read(_ path: String, progress given: Progress? = nil) throws -> LayerSource.Contents {
        let progress = given ?? Progress("reading \(path)")
        let options = LayerSource.Options(format: format, csv: csvOptions, collectRejects: rejectsFile != nil,
                                          crs: sourceCRS.map(CRS.init), encoding: encoding, progress: { progress.update($0) },
                                          layer: layer)
        let contents = try LayerSource.read(path, options: options)
        progress.finish()
        Layers.report(contents.warnings)
        if let rejectsFile, contents.format == .csv {
            try RejectsFile.write(contents.rejected, from: path, to: rejectsFile)
            if !contents.rejected.isEmpty {
                Diagnostics.warn(Diagnostics.text(.rowsSetAside(file: path, count: contents.rejected.count, rejects: rejectsFile)))
            }
        }
        return contents
    }
}

/// CSV rows set aside, with their line and reason first. A command that
/// reads several tables with the same options (`route --from --to`, `site
/// --demand --candidates`) writes the rows of all of them to its one
/// --rejects file: each later table's rows are added after the earlier
/// ones', with a reason that names the table, never over them.
enum RejectsFile {
    private struct Table { var name: String; var rows: [CSVPointReader.Rejected] }
    private static let lock = NSLock()
    nonisolated(unsafe) private static var written: [String: [Table]] = [:]

    static func write(_ rejected: [CSVPointReader.Rejected], from table: String, to path: String) throws {
        let text: String = lock.withLock {
            var tables = written[path] ?? []
            if let index = tables.firstIndex(where: { $0.name == table }) {
                tables[index].rows = rejected   // the same table read again: its rows once
            } else {
                tables.append(Table(name: table, rows: rejected))
            }
            written[path] = tables
            var writer = CSVWriter(header: ["line", "reason", "fields"])
            for table in tables {
                for row in table.rows {
                    // One table: the reason as the reader gave it; several: it names its table.
                    let reason = tables.count > 1 ? "\(table.name): \(row.reason)" : row.reason
                    writer.append([String(row.line), reason, row.fields.joined(separator: "|")])
                }
            }
            return writer.text
        }
        try ReportOptions.writeText(text, to: path)
    }

    /// A new command run (in-process runs share the process) starts with
    /// no rejects file written: it never adds to an earlier run's.
    static func forget() {
        lock.withLock { written.removeAll() }
    }
}

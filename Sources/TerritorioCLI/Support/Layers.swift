import Geo
import GeoFormats

/// Every layer the commands read or write besides their main input goes
/// through here, so the choice of reader and writer lives in one place
/// (`LayerSource`, `LayerOutput`): GeoJSON and CSV by Territorio's own
/// readers, everything else through GDAL; `FILE:LAYER` picks a layer.
/// Warnings go to standard error.
enum Layers {
    static func read(_ argument: String) throws -> Layer {
        let progress = Progress("reading \(argument)")
        let contents = try LayerSource.read(argument, options: LayerSource.Options(progress: { progress.update($0) }))
        progress.finish()
        report(contents.warnings)
        return contents.layer
    }

    /// Road lines: from an OpenStreetMap file, the `lines` layer's ways
    /// with a `highway` tag.
    static func roads(_ argument: String) throws -> Layer {
        let progress = Progress("reading roads \(argument)")
        let contents = try LayerSource.read(argument, options: LayerSource.Options(roads: true, progress: { progress.update($0) }))
        progress.finish()
        report(contents.warnings)
        return contents.layer
    }

    /// Writes a whole layer: `.gpkg`, `.fgb` or `.shp` through GDAL, else GeoJSON.
    /// `geoJSON`: --precision and --seq (`GeoJSONOptions`) for a GeoJSON file.
    static func write(_ layer: Layer, to path: String, geoJSON: GeoJSONWriter.Options = .init()) throws {
        let output = ProgressOutput(try LayerOutput.open(path, crs: layer.crs, geoJSON: geoJSON, onWarning: Diagnostics.warn),
                                    label: "writing \(path)", total: layer.count)
        do {
            for feature in layer.features { try output.write(feature) }
            try output.finish()
        } catch {
            output.abandon()   // the destination keeps what it had
            throw error
        }
    }

    static func report(_ warnings: [String]) {
        for warning in warnings { Diagnostics.warn(warning) }
    }
}

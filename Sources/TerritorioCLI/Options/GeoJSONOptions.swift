import ArgumentParser
import Geo
import GeoFormats

/// `--precision` and `--seq` for the commands whose layer outputs are not
/// `OutputOptions` (`hierarchy check -o`, `route -o`, `rank -o`): the same
/// flags, the same meaning, wherever GeoJSON is written.
struct GeoJSONOptions: ParsableArguments {
    @Option(help: ArgumentHelp(OutputOptions.precisionHelp))
    var precision: Int = 7

    @Flag(help: ArgumentHelp(OutputOptions.seqHelp))
    var seq = false

    /// The flags' checks, against the GeoJSON outputs the command writes.
    func check(outputs: [String?]) throws {
        guard (0...15).contains(precision) else {
            throw ValidationError("--precision must be between 0 and 15")
        }
        if seq, let other = outputs.compactMap({ $0 }).first(where: LayerOutput.isGDAL) {
            throw ValidationError("--seq writes GeoJSON text sequences; \(other) is not GeoJSON")
        }
    }

    /// For a layer in WGS 84.
    var writerOptions: GeoJSONWriter.Options {
        GeoJSONWriter.Options(precision: precision, textSequence: seq, crs: .wgs84)
    }
}

import ArgumentParser
import Geo

/// How GeoJSON output is written.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("Output GeoJSON file; - for standard output.", valueName: "file"))
    var output: String = "-"

    @Option(help: "Decimal places of output coordinates (7 is about 1 cm in degrees).")
    var precision: Int = 7

    @Flag(help: "Write a GeoJSON text sequence (RFC 8142): one feature per record.")
    var seq = false

    func validate() throws {
        guard (0...15).contains(precision) else {
            throw ValidationError("--precision must be between 0 and 15")
        }
    }

    func writerOptions(crs: CRS) -> GeoJSONWriter.Options {
        GeoJSONWriter.Options(precision: precision, textSequence: seq, crs: crs)
    }
}

import Foundation
import Geo
@testable import Territory

// `Territory` parses spec bytes and never reads a file; the CLI reads them
// (TerritorioCLI's `SpecFiles`). The tests here read their fixtures the
// same way, under the same names.
enum SpecFileBytes {
    static func read(_ path: String) throws(ReadError) -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ReadError(file: path, message: "cannot read: \(error.localizedDescription)")
        }
    }
}

extension ChainSpec {
    static func read(path: String) throws(ReadError) -> ChainSpec {
        try parse(SpecFileBytes.read(path), name: path)
    }
}

extension HierarchySpec {
    static func read(path: String) throws(ReadError) -> HierarchySpec {
        try parse(SpecFileBytes.read(path), name: path, folder: URL(fileURLWithPath: path).deletingLastPathComponent().path)
    }
}

extension IndicatorWeights {
    static func read(path: String) throws(ReadError) -> IndicatorWeights {
        try parse(SpecFileBytes.read(path), name: path)
    }
}

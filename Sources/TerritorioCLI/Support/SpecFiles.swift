import Foundation
import Geo
import Territory

/// Spec files (a chain, a hierarchy, ranking weights) are read from disk
/// here, at the CLI edge, and handed to `Territory` as bytes, which parses
/// them once with the project's JSON reader.
enum SpecFiles {
    /// The bytes of the file at `path`; an error names it.
    static func read(_ path: String) throws(ReadError) -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ReadError(file: path, message: "cannot read: \(error.localizedDescription)")
        }
    }

    /// The folder a spec's relative paths start from.
    static func folder(of path: String) -> String {
        URL(fileURLWithPath: path).deletingLastPathComponent().path
    }
}

// The commands call `Spec.read(path:)`: these read the file here and parse
// it in `Territory`.
extension ChainSpec {
    static func read(path: String) throws(ReadError) -> ChainSpec {
        try parse(SpecFiles.read(path), name: path)
    }
}

extension HierarchySpec {
    /// Level files are relative to the spec's folder.
    static func read(path: String) throws(ReadError) -> HierarchySpec {
        try parse(SpecFiles.read(path), name: path, folder: SpecFiles.folder(of: path))
    }
}

extension IndicatorWeights {
    static func read(path: String, weightsGivenElsewhere: Bool = false) throws(ReadError) -> IndicatorWeights {
        try parse(SpecFiles.read(path), name: path, weightsGivenElsewhere: weightsGivenElsewhere)
    }
}

extension PairwiseComparison {
    static func read(path: String) throws(ReadError) -> PairwiseComparison {
        try parse(SpecFiles.read(path), name: path)
    }
}

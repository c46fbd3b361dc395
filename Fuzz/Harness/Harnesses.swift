import Foundation
@_spi(Testing) import Geo
import Territory

/// What each fuzzer does with one input. Expected failures (a `ReadError`,
/// a `FilterError`) are fine; a crash, a trap, a sanitizer report or a
/// broken invariant (returned as text, which the driver turns into a
/// trap) is a finding.
public enum Harness: String, CaseIterable, Sendable {
    case geojson, csv, `where`, specs

    /// The fuzz target's name: `fuzz-geojson`.
    public var targetName: String { "fuzz-\(rawValue)" }

    /// Runs one input; returns a description of a broken invariant, or nil.
    public func run(_ bytes: [UInt8]) -> String? {
        switch self {
        case .geojson: Self.geoJSON(bytes)
        case .csv: Self.csv(bytes)
        case .where: Self.filter(bytes)
        case .specs: Self.specs(bytes)
        }
    }

    // MARK: GeoJSON

    /// Reads the input as a GeoJSON file twice, in 1 MB chunks and in
    /// chunks of 3 bytes (so chunk boundaries fall inside every token):
    /// both must give the same features or the same error. What reads
    /// must survive the rest of the path: validation (GEOS) and writing
    /// each geometry and property set back, which must read again.
    static func geoJSON(_ bytes: [UInt8]) -> String? {
        let whole = Result { () throws(ReadError) in try Layer.readGeoJSON(bytes: bytes, name: "fuzz.geojson") }
        let chunked = Result { () throws(ReadError) in try Layer.readGeoJSON(bytes: bytes, name: "fuzz.geojson", chunkSize: 3) }
        switch (whole, chunked) {
        case (.success(let a), .success(let b)):
            // Compared as text: the z of a 2D position among 3D ones is NaN, which is not == itself.
            guard String(reflecting: a.features) == String(reflecting: b.features), a.crs == b.crs else {
                return "1 MB and 3-byte chunks read different features"
            }
        case (.failure(let a), .failure(let b)):
            guard a.description == b.description else { return "1 MB and 3-byte chunks fail differently: \(a) / \(b)" }
            return nil
        case (.success, .failure(let error)):
            return "reads in 1 MB chunks but not in 3-byte chunks: \(error)"
        case (.failure(let error), .success):
            return "reads in 3-byte chunks but not in 1 MB chunks: \(error)"
        }
        guard case .success(let layer) = whole else { return nil }
        let context = GEOSContext.current
        for (index, feature) in layer.features.enumerated() {
            _ = LayerValidator.problems(of: feature, index: index, geographic: layer.crs.isWGS84, context: context)
            if let shape = feature.geometry {
                let text = shape.geoJSON(precision: 7)
                do {
                    let again = try Layer.readGeoJSON(bytes: Array(text.utf8), name: "written.geojson")
                    guard again.count == 1, again.features[0].geometry?.type == shape.type else {
                        return "a written \(shape.type.rawValue) reads back as something else: \(text)"
                    }
                } catch {
                    return "a written geometry does not read back (\(error)): \(text)"
                }
            }
            let properties = JSONValue.object(feature.properties).jsonText
            do {
                guard try JSONValue(parsingJSON: properties) == .object(feature.properties) else {
                    return "written properties read back different: \(properties)"
                }
            } catch {
                return "written properties do not read back (\(error)): \(properties)"
            }
        }
        return nil
    }

    // MARK: CSV

    /// Reads the input as a CSV of points, failing on the first bad row
    /// and collecting bad rows: when the first reads, the second must read
    /// the same features and set nothing aside.
    static func csv(_ bytes: [UInt8]) -> String? {
        let reader = CSVPointReader()
        let collected = Result { () throws(ReadError) in try reader.read(bytes: bytes, name: "fuzz.csv", collectRejects: true) }
        let strict = Result { () throws(ReadError) in try reader.read(bytes: bytes, name: "fuzz.csv") }
        if case .success(let strict) = strict {
            guard case .success(let collected) = collected else { return "reads strictly but not when collecting rejects" }
            guard String(reflecting: strict.layer.features) == String(reflecting: collected.layer.features),
                  collected.rejected.isEmpty else {
                return "strict and collecting reads differ"
            }
        }
        if case .success(let result) = collected {
            for feature in result.layer.features {
                _ = JSONValue.object(feature.properties).jsonText
            }
            for rejected in result.rejected where rejected.reason.isEmpty { return "a rejected row has no reason" }
        }
        return nil
    }

    // MARK: --where

    static let sampleFeatures: [Feature] = [
        Feature(id: .string("S1"), geometry: nil,
                properties: ["product": "milk", "stage": "primary", "capacity": 120.5, "code": "12", "a b": true, "owner": nil]),
        Feature(id: .number(JSONNumber(7)), geometry: .point(Position(x: 1, y: 2)),
                properties: ["product": "cheese", "stage": "processing", "capacity": 14, "list": .array([1, "x", nil])]),
        Feature(id: nil, geometry: nil, properties: [:]),
    ]

    /// Parses the input as a `--where` expression and evaluates it on a
    /// few features; a malformed one must point inside the expression.
    static func filter(_ bytes: [UInt8]) -> String? {
        let source = String(decoding: bytes, as: UTF8.self)
        do {
            let filter = try FeatureFilter(source)
            for feature in sampleFeatures { _ = filter.matches(feature) }
        } catch {
            guard error.column >= 1, error.column <= source.count + 1 else {
                return "error column \(error.column) outside an expression of \(source.count) characters"
            }
            _ = error.description
        }
        return nil
    }

    // MARK: Specs

    /// Reads the input as a chain spec, a hierarchy spec and a grouping CSV.
    static func specs(_ bytes: [UInt8]) -> String? {
        let data = Data(bytes)
        if let chain = try? ChainSpec.parse(data, name: "fuzz.json") {
            guard let first = chain.links.first else { return "a chain without stages" }
            _ = chain.finalEquivalent(of: first.stage)
            _ = chain.demand(population: 1000)
            _ = chain.peopleSupplied(by: 1)
        }
        if let hierarchy = try? HierarchySpec.parse(data, name: "fuzz.json") {
            guard !hierarchy.levels.isEmpty else { return "a hierarchy without levels" }
            for level in hierarchy.levels { _ = hierarchy.path(of: level) }
        }
        if let grouping = try? Grouping.parse(String(decoding: bytes, as: UTF8.self), name: "fuzz.csv") {
            for circuit in grouping.circuits where grouping.territories(of: circuit).isEmpty {
                return "circuit \(circuit) has no territory"
            }
        }
        return nil
    }
}

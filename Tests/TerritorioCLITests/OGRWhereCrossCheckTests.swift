import Foundation
import Geo
import Testing

/// GDAL's `ogr2ogr`, when it is installed (Debian package gdal-bin).
enum OGR2OGR {
    static let path: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        .split(separator: ":")
        .map { $0 + "/ogr2ogr" }
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The values of `field` in the features `ogr2ogr -where` keeps, in
    /// file order.
    static func select(_ file: String, where expression: String, field: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path!)
        process.arguments = ["-f", "CSV", "/vsistdout/", file, "-where", expression, "-select", field]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, !message.contains("ERROR") else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "ogr2ogr -where \(expression): \(message)"])
        }
        // Header first; the sample's ids and codes hold no commas or quotes.
        return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).dropFirst().map(String.init)
    }
}

/// `--where` selects the features `ogr2ogr -where` selects, on the same
/// files: OGR SQL as a ministry writes it.
@Suite(.enabled(if: OGR2OGR.path != nil, "ogr2ogr is not installed (Debian package gdal-bin): the cross-checks with GDAL are skipped"))
struct OGRWhereCrossCheckTests {
    static func out(_ name: String) -> String { CommandTests.temporary("ogr-where-" + name) }

    /// The values of `field` in the features `territorio convert --where` keeps.
    static func territorio(_ file: String, where expression: String, field: String) throws -> [String] {
        let output = out(UUID().uuidString + ".geojson")
        defer { try? FileManager.default.removeItem(atPath: output) }
        let outcome = try ChildProcess.run(["convert", file, "--where", expression, "-o", output])
        guard outcome.status == 0 else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "territorio --where \(expression): \(outcome.standardError)"])
        }
        return try Layer.readGeoJSON(path: output).features.map { feature in
            guard case .string(let value)? = feature.properties[field] else { return "<no \(field)>" }
            return value
        }
    }

    static func crossCheck(_ file: String, _ expression: String, field: String, empty: Bool = false) throws {
        let expected = try OGR2OGR.select(file, where: expression, field: field)
        let selected = try territorio(file, where: expression, field: field)
        #expect(selected == expected, "\(expression): ogr2ogr kept \(expected.count), territorio \(selected.count)")
        // A filter that keeps nothing (or everything) would agree too easily.
        if !empty { #expect(!expected.isEmpty, "\(expression) keeps nothing: not a check") }
    }

    @Test(arguments: [
        "stage = 'processing'",
        "stage = 'Processing'",
        "stage <> 'primary' AND capacity >= 100",
        "stage != 'retail'",
        "product IN ('milk', 'cheese')",
        "product NOT IN ('milk', 'cheese', 'maize')",
        "chain = 'maize flour' OR chain = 'coffee' AND capacity > 50",
        "(chain = 'maize flour' OR chain = 'coffee') AND capacity > 50",
        "NOT (stage = 'primary' OR stage = 'retail') AND capacity < 50",
        "name LIKE 'Finca%'",
        "name LIKE '%Monte%' AND NOT name LIKE '%1'",
        "name ILIKE 'finca lechera%'",
        "name NOT LIKE 'Finca%'",
        "id LIKE 'S00_1'",
        "owner IS NOT NULL AND owner <> 'circuit'",
        "\"stage\" = 'collection' and \"product\" = 'milk'",
        "capacity BETWEEN 10 AND 100",
        "capacity NOT BETWEEN 10 AND 100000",
        "capacity > 1e3 AND unit = 't/month'",
        "id IN ('S0001', 'S0411', 'S2038')",
    ])
    func sitesSelectTheSameIds(expression: String) throws {
        try Self.crossCheck(SampleFiles.sites, expression, field: "id")
    }

    @Test(arguments: [
        "population > 20000 AND urban = 1",
        "urban = 0 AND population < 5000",
        "name LIKE 'Santa%' AND NOT urban = 1",
        "name LIKE 'San %'",
        "code LIKE '%1'",
        "name ILIKE '%de la%'",
        "municipality_code IN ('EM05', 'EM01') AND population BETWEEN 1000 AND 50000",
        "population >= 10000 OR name = 'san isidro de el palmar'",
    ])
    func parishesSelectTheSameCodes(expression: String) throws {
        try Self.crossCheck(SampleFiles.parishes, expression, field: "code")
    }

    @Test func nothingKeptIsKeptByBoth() throws {
        try Self.crossCheck(SampleFiles.sites, "name LIKE 'finca%'", field: "id", empty: true)
        try Self.crossCheck(SampleFiles.sites, "owner IS NULL", field: "id", empty: true)
    }

    /// The sample has no nulls: a copy of its first 200 sites with some
    /// owners missing, some capacities and stages null.
    static let sitesWithNulls: String = {
        let path = out("sites-with-nulls.geojson")
        let data = try! Data(contentsOf: URL(fileURLWithPath: SampleFiles.sites))
        var collection = try! JSONSerialization.jsonObject(with: data) as! [String: Any]
        var features = (collection["features"] as! [[String: Any]]).prefix(200).map { $0 }
        for index in features.indices {
            var properties = features[index]["properties"] as! [String: Any]
            if index % 5 == 0 { properties["owner"] = nil }
            if index % 7 == 0 { properties["capacity"] = NSNull() }
            if index % 11 == 0 { properties["stage"] = NSNull() }
            features[index]["properties"] = properties
        }
        collection["features"] = features
        try! JSONSerialization.data(withJSONObject: collection).write(to: URL(fileURLWithPath: path))
        return path
    }()

    /// A null is neither equal nor unequal to anything; NOT, NOT IN and
    /// NOT LIKE keep it, as in OGR.
    @Test(arguments: [
        "owner IS NULL",
        "owner IS NOT NULL",
        "owner <> 'outside'",
        "NOT owner = 'outside'",
        "owner NOT IN ('outside')",
        "capacity > 100",
        "NOT capacity > 100",
        "capacity IS NULL OR stage IS NULL",
        "stage NOT LIKE 'p%'",
        "stage IN ('primary', 'retail') AND capacity IS NOT NULL",
    ])
    func nullsAreTreatedAsOGRTreatsThem(expression: String) throws {
        try Self.crossCheck(Self.sitesWithNulls, expression, field: "id")
    }
}

/// Mistakes in an OGR-style filter: each says where and what to do.
@Suite struct OGRWhereErrorTests {
    static func out(_ name: String) -> String { CommandTests.temporary("ogr-where-errors-" + name) }

    @Test func anUnknownFieldListsTheFieldsPresent() throws {
        let outcome = try ChildProcess.run(["convert", SampleFiles.sites, "--where", "stge IN ('processing')", "-o", Self.out("a.geojson")])
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("--where: no field 'stge' in \(SampleFiles.sites); fields: "))
        #expect(outcome.standardError.contains("stage"))
        #expect(outcome.standardError.contains("did you mean 'stage'?"))
    }

    /// Territorio once read "text" as a string; OGR SQL reads it as a field.
    @Test func aStringInDoubleQuotesIsAFieldNameAndTheErrorSaysSo() throws {
        let outcome = try ChildProcess.run(["convert", SampleFiles.sites, "--where", "stage = \"processing\"", "-o", Self.out("b.geojson")])
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("no field 'processing' in \(SampleFiles.sites)"))
        #expect(outcome.standardError.contains("\"processing\" in double quotes is a field name, as in OGR SQL: a string takes single quotes, 'processing'"))
    }

    @Test func aMalformedFilterNamesTheColumnAndWhatWasExpected() throws {
        let outcome = try ChildProcess.run(["convert", SampleFiles.sites, "--where", "stage IN 'processing'", "-o", Self.out("c.geojson")])
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("--where: expected '(' after IN, found ''processing'' at column 10"))
    }

    @Test func fidIsNotAFieldHere() throws {
        let outcome = try ChildProcess.run(["convert", SampleFiles.parishes, "--where", "FID = 3", "-o", Self.out("d.geojson")])
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("; the feature id is $id"))
    }

    /// catchment and isochrone read --where through the same filter.
    @Test func catchmentTakesTheSQLSpellingAsTheOlderOne() throws {
        var outputs: [String] = []
        for (index, expression) in ["stage == 'collection' and product == 'milk'", "stage = 'COLLECTION' AND product IN ('milk')"].enumerated() {
            let output = Self.out("catchment-\(index).geojson")
            let outcome = try ChildProcess.run(["catchment", "--sites", SampleFiles.sites, "--where", expression, "--method", "voronoi",
                                                "--territories", SampleFiles.parishes, "-o", output])
            #expect(outcome.status == 0, "\(outcome.standardError)")
            outputs.append(try String(contentsOfFile: output, encoding: .utf8))
        }
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0].contains("\"Feature\""))
    }
}

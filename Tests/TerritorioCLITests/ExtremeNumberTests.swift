import Foundation
import Testing

/// Extreme numbers in every numeric field of every command, on a copy of
/// the sample territory with one field replaced: 1e16, 1e19, 1e300,
/// -1e300, and the texts "NaN", "inf" and "1e999" (JSON cannot hold them
/// as numbers). The built `territorio` runs as a child process and must end
/// by itself, with status 0, or 1 (64 for a flag) and a message: never a trap or signal
/// (docs/RELIABILITY.md).
@Suite(.serialized) struct ExtremeNumberTests {
    static let values = ["1e16", "1e19", "1e300", "-1e300", #""NaN""#, #""inf""#, #""1e999""#]
    /// The same as flag values and CSV cells, where text is not quoted.
    static let texts = ["1e16", "1e19", "1e300", "-1e300", "NaN", "inf", "1e999"]

    static let folder: String = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("territorio-extreme-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }()

    /// A fresh copy of geodata/ (the sample territory and the ranking
    /// tables), with every match of `pattern` in `file` replaced by
    /// `template` ($1 for the first group); returns the copy's territory folder.
    static func sample(_ name: String, edits: [(file: String, pattern: String, template: String)]) throws -> String {
        let copy = folder + "/" + name
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
        let source = DeterminismTests.repository.appendingPathComponent("geodata")
        for part in ["territory", "ranking"] {
            try FileManager.default.copyItem(atPath: source.appendingPathComponent(part).path, toPath: copy + "/" + part)
        }
        for edit in edits {
            let path = copy + "/" + edit.file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let expression = try NSRegularExpression(pattern: edit.pattern)
            let range = NSRange(text.startIndex..., in: text)
            #expect(expression.numberOfMatches(in: text, range: range) > 0, "\(edit.pattern) in \(edit.file)")
            let replaced = expression.stringByReplacingMatches(in: text, range: range, withTemplate: edit.template)
            try replaced.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return copy + "/territory"
    }

    /// Runs `territorio ARGUMENTS`: it must end by itself with 0, or with 1
    /// (or 64, a usage error) and an error or problems said on standard error.
    @discardableResult
    static func run(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> ChildProcess.Outcome {
        let outcome = try ChildProcess.run(arguments)
        let said = "\(arguments.joined(separator: " ")): \(outcome.standardError.suffix(1500))"
        #expect(outcome.killedBy == nil, "killed by signal \(outcome.killedBy ?? 0): \(said)", sourceLocation: sourceLocation)
        // 64: a usage error (a flag's value refused before any work).
        #expect([0, 1, 64].contains(outcome.status), "status \(outcome.status): \(said)", sourceLocation: sourceLocation)
        #expect(outcome.status == 0 || !outcome.standardError.isEmpty, "status \(outcome.status) without a message: \(said)", sourceLocation: sourceLocation)
        #expect(!outcome.standardError.contains("Fatal error") && !outcome.standardError.contains("Stack dump"), "\(said)",
                sourceLocation: sourceLocation)
        return outcome
    }

    /// The features of `file` that match `expression`, written apart (route takes every point of its files).
    static func select(_ file: String, _ expression: String) throws -> String {
        let path = out("selected-\(abs(expression.hashValue)).geojson")
        // Extreme coordinates may be refused here already: no crash is all that is asked.
        try run(["convert", file, "--where", expression, "-o", path])
        return path
    }

    static func out(_ name: String) -> String {
        let path = folder + "/out"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path + "/" + name
    }

    // MARK: Capacities

    @Test(arguments: values)
    func capacity(_ value: String) throws {
        let data = try Self.sample("capacity", edits: [("territory/sites.geojson", #""capacity":[0-9.]+"#, #""capacity":"# + value)])
        let cheese = data + "/chains/cheese.json"
        try Self.run(["join", "--sites", data + "/sites.geojson", "--territories", data + "/parishes.geojson", "--id-field", "code",
                      "--summary", Self.out("summary.csv"), "-o", Self.out("joined.geojson")])
        // The tonnes between circuits come from distribute here; coverage's copy of them (its default) would solve the same again.
        try Self.run(["distribute", "--sites", data + "/sites.geojson", "--territories", data + "/parishes.geojson", "--chain", cheese,
                      "--grouping", data + "/groupings/circuits_by_municipality.csv", "--od", Self.out("od.csv"),
                      "-o", Self.out("routes.geojson"), "--report", Self.out("routes.md"), "--json", Self.out("routes.json")])
        try Self.run(["catchment", "--sites", data + "/sites.geojson", "--where", "stage == 'processing' and product == 'cheese'",
                      "--method", "capacity", "--chain", cheese, "--territories", data + "/parishes.geojson", "-o", Self.out("catchments.geojson")])
        try Self.run(["coverage", "--territories", data + "/parishes.geojson", "--id-field", "code", "--grouping", data + "/groupings/circuits_by_municipality.csv",
                      "--sites", data + "/sites.geojson", "--chain", cheese, "-o", Self.out("circuits.geojson"), "--json", Self.out("coverage.json"),
                      "--no-exchange"])
        try Self.run(["group", "evaluate", "--territories", data + "/parishes.geojson", "--id-field", "code",
                      "--grouping", data + "/groupings/circuits_alternative.csv", "--sites", data + "/sites.geojson", "--chain", cheese, "--json"])
        try Self.run(["render", data + "/parishes.geojson", data + "/sites.geojson", "--color-by", "sites:capacity", "-o", Self.out("capacity.svg")])
    }

    @Test func aCapacityTooLargeToRouteNamesItsFeatureAndTheLimit() throws {
        let data = try Self.sample("capacity-named", edits: [("territory/sites.geojson", #""capacity":[0-9.]+"#, #""capacity":1e16"#)])
        let outcome = try Self.run(["catchment", "--sites", data + "/sites.geojson", "--where", "stage == 'processing' and product == 'cheese'",
                                    "--method", "capacity", "--chain", data + "/chains/cheese.json", "--territories", data + "/parishes.geojson",
                                    "-o", Self.out("named.geojson")])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("\(data)/sites.geojson: feature 0 (id S0455): capacity 1e16 t/month in 'capacity' is too large to route (limit 1.13e12 t/month)"),
                "\(outcome.standardError)")
        // join --summary adds capacities in Double: 1e19 is written, not trapped on.
        let big = try Self.sample("capacity-summed", edits: [("territory/sites.geojson", #""capacity":[0-9.]+"#, #""capacity":1e19"#)])
        try Self.run(["join", "--sites", big + "/sites.geojson", "--territories", big + "/parishes.geojson", "--id-field", "code",
                      "--summary", Self.out("big.csv"), "-o", Self.out("big.geojson")])
        let summary = try String(contentsOfFile: Self.out("big.csv"), encoding: .utf8)
        #expect(summary.split(separator: "\n").dropFirst().allSatisfy { $0.hasSuffix("e+19") || $0.hasSuffix("e+20") }, "\(summary.prefix(300))")
    }

    // MARK: Populations

    @Test(arguments: values)
    func population(_ value: String) throws {
        let data = try Self.sample("population", edits: [
            ("territory/parishes.geojson", #""population":[0-9.]+"#, #""population":"# + value),
            ("territory/municipalities.geojson", #""population":[0-9.]+"#, #""population":"# + value),
        ])
        let cheese = data + "/chains/cheese.json", parishes = data + "/parishes.geojson"
        try Self.run(["info", parishes, "--json"])
        try Self.run(["dissolve", parishes, "--by", "municipality_code", "--sum", "population", "-o", Self.out("dissolved.geojson")])
        try Self.run(["interpolate", "--from", parishes, "--field", "population", "--to", data + "/municipalities.geojson", "-o", Self.out("interpolated.geojson")])
        try Self.run(["hierarchy", "check", data + "/hierarchy.json", "--json", "-o", Self.out("hierarchy.geojson")])
        try Self.run(["catchment", "--sites", data + "/sites.geojson", "--where", "stage == 'collection' and product == 'milk'",
                      "--method", "voronoi", "--territories", parishes, "--chain", cheese, "-o", Self.out("voronoi.geojson")])
        try Self.run(["catchment", "--sites", data + "/sites.geojson", "--where", "stage == 'processing' and product == 'cheese'",
                      "--method", "capacity", "--chain", cheese, "--territories", parishes, "-o", Self.out("capacity.geojson")])
        try Self.run(["distribute", "--sites", data + "/sites.geojson", "--territories", parishes, "--chain", cheese,
                      "--grouping", data + "/groupings/circuits_by_municipality.csv", "--od", Self.out("od.csv"), "-o", Self.out("routes.geojson")])
        try Self.run(["coverage", "--territories", parishes, "--id-field", "code", "--grouping", data + "/groupings/circuits_by_municipality.csv",
                      "--sites", data + "/sites.geojson", "--chain", cheese, "-o", Self.out("circuits.geojson"), "--json", Self.out("coverage.json"),
                      "--no-exchange"])
        try Self.run(["group", "evaluate", "--territories", parishes, "--id-field", "code",
                      "--grouping", data + "/groupings/circuits_alternative.csv", "--sites", data + "/sites.geojson", "--chain", cheese, "--json"])
        try Self.run(["group", "suggest", "--territories", parishes, "--id-field", "code", "--min-population", "100000", "--seed", "1",
                      "-o", Self.out("suggested.csv")])
        try Self.run(["render", parishes, "--color-by", "population", "--classes", "jenks:6", "-o", Self.out("population.png")])
        try Self.run(["render", parishes, "--color-by", "population", "-o", Self.out("population.html")])
    }

    /// Extremes of both signs side by side in one layer, where classes,
    /// legends and line widths take differences (1e300 - -1e300 is infinite).
    @Test func mixedExtremesInOneLayer() throws {
        let data = try Self.sample("mixed", edits: [])
        let values = ["1e300", "-1e300", "1e19", "0.5", "1e-300", "-1e16"]
        for (file, field) in [("parishes.geojson", "population"), ("roads.geojson", "maxspeed")] {
            let path = data + "/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let expression = try NSRegularExpression(pattern: "\"\(field)\":[0-9.]+")
            var result = "", last = text.startIndex
            for (k, match) in expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).enumerated() {
                let range = Range(match.range, in: text)!
                result += text[last..<range.lowerBound] + "\"\(field)\":" + values[k % values.count]
                last = range.upperBound
            }
            try (result + text[last...]).write(toFile: path, atomically: true, encoding: .utf8)
        }
        let parishes = data + "/parishes.geojson", roads = data + "/roads.geojson"
        for classes in ["jenks:6", "quantile:5", "equal:5"] {
            try Self.run(["render", parishes, "--color-by", "population", "--classes", classes, "-o", Self.out("mixed.png")])
        }
        try Self.run(["render", parishes, "--color-by", "population", "-o", Self.out("mixed.svg")])
        try Self.run(["render", roads, "--line-width-by", "maxspeed", "--color-by", "maxspeed", "-o", Self.out("roads.pdf")])
        try Self.run(["dissolve", parishes, "--by", "municipality_code", "--sum", "population", "-o", Self.out("dissolved.geojson")])
        try Self.run(["interpolate", "--from", parishes, "--field", "population", "--to", data + "/municipalities.geojson", "-o", Self.out("i.geojson")])
        try Self.run(["group", "suggest", "--territories", parishes, "--id-field", "code", "--min-population", "100000", "--seed", "1", "-o", Self.out("s.csv")])
        try Self.run(["isochrone", "--sites", data + "/sites.geojson", "--where", "stage == 'processing' and product == 'cheese'", "--roads", roads,
                      "--minutes", "15,30", "-o", Self.out("iso.geojson")])
        try Self.run(["coverage", "--territories", parishes, "--id-field", "code", "--grouping", data + "/groupings/circuits_by_municipality.csv",
                      "--sites", data + "/sites.geojson", "--chain", data + "/chains/cheese.json", "-o", Self.out("c.geojson"), "--report", Self.out("c.md")])
        try Self.run(["distribute", "--sites", data + "/sites.geojson", "--territories", parishes, "--chain", data + "/chains/cheese.json",
                      "-o", Self.out("routes.geojson")])
    }

    // MARK: Chain specs

    @Test(arguments: values)
    func chainYieldsAndDemand(_ value: String) throws {
        let data = try Self.sample("chain", edits: [
            ("territory/chains/cheese.json", #""yield": [0-9.]+"#, #""yield": "# + value),
            ("territory/chains/cheese.json", #""demandKgPerPersonMonth": [0-9.]+"#, #""demandKgPerPersonMonth": "# + value),
        ])
        let cheese = data + "/chains/cheese.json", parishes = data + "/parishes.geojson"
        try Self.run(["distribute", "--sites", data + "/sites.geojson", "--territories", parishes, "--chain", cheese,
                      "--grouping", data + "/groupings/circuits_by_municipality.csv", "--od", Self.out("od.csv"), "-o", Self.out("routes.geojson")])
        try Self.run(["catchment", "--sites", data + "/sites.geojson", "--where", "stage == 'processing' and product == 'cheese'",
                      "--method", "capacity", "--chain", cheese, "--territories", parishes, "-o", Self.out("capacity.geojson")])
        try Self.run(["coverage", "--territories", parishes, "--id-field", "code", "--grouping", data + "/groupings/circuits_by_municipality.csv",
                      "--sites", data + "/sites.geojson", "--chain", cheese, "-o", Self.out("circuits.geojson")])
    }

    // MARK: Coordinates

    @Test(arguments: values)
    func coordinates(_ value: String) throws {
        // The first three sites' longitudes, and one parish's latitude (its first vertex and its last).
        let data = try Self.sample("coordinates", edits: [
            ("territory/sites.geojson", #"("id":"S000[123]","geometry":\{"type":"Point","coordinates":\[)[-0-9.]+"#, "$1" + value),
            ("territory/roads.geojson", #"("id":"R0001".*?"coordinates":\[\[)[-0-9.]+"#, "$1" + value),
        ])
        let parishes = data + "/parishes.geojson", sites = data + "/sites.geojson"
        try Self.run(["info", sites])
        try Self.run(["validate", sites, "--json"])
        try Self.run(["convert", sites, "-o", Self.out("sites.gpkg")])
        try Self.run(["convert", sites, "--to", "EPSG:32619", "-o", Self.out("sites_utm.geojson")])
        try Self.run(["join", "--sites", sites, "--territories", parishes, "--id-field", "code", "--snap", "2km", "-o", Self.out("joined.geojson")])
        try Self.run(["render", parishes, sites, "--color-by", "stage", "-o", Self.out("sites.png")])
        try Self.run(["render", sites, "-o", Self.out("sites.pdf")])
        try Self.run(["catchment", "--sites", sites, "--where", "stage == 'primary'", "--method", "buffer", "--radius", "5km",
                      "--territories", parishes, "-o", Self.out("buffers.geojson")])
        try Self.run(["distribute", "--sites", sites, "--territories", parishes, "--chain", data + "/chains/cheese.json", "-o", Self.out("routes.geojson")])
        try Self.run(["network", "info", data + "/roads.geojson", "--json"])
        let ends = try Self.select(sites, "id == 'S0001' or id == 'S0002' or id == 'S0455'")
        try Self.run(["route", "--from", ends, "--to", ends, "--roads", data + "/roads.geojson", "-o", Self.out("routes.geojson")])
    }

    /// The issue's point at [1e20, 10] and its like, alone in a file.
    @Test(arguments: ["[1e20,10]", "[-1e300,10]", "[10,1e20]", "[1e16,1e16]"])
    func aPointFarOutOfLongitudeLatitude(_ coordinates: String) throws {
        let path = Self.folder + "/far.geojson"
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","id":"far","geometry":{"type":"Point","coordinates":\#(coordinates)},"properties":{"v":1}}]}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        // Undeclared, such coordinates cannot be longitude/latitude: an error asking for their CRS.
        let info = try Self.run(["info", path])
        #expect(info.status == 1)
        #expect(info.standardError.contains("give the CRS they are in with --s-crs"), "\(info.standardError)")
        // Declared longitude/latitude all the same, the layer is described without a metric CRS.
        let declared = try Self.run(["info", path, "--s-crs", "EPSG:4326"])
        #expect(declared.status == 0)
        #expect(declared.standardOutput.contains("metric crs: none (feature 0: the point"), "\(declared.standardOutput)")
        try Self.run(["info", path, "--s-crs", "EPSG:4326", "--json"])
        for format in ["png", "svg", "pdf", "html"] {
            let rendered = try Self.run(["render", path, "-o", Self.out("far.\(format)")])
            #expect(rendered.status == 1)
        }
        try Self.run(["convert", path, "-o", Self.out("far.fgb")])
    }

    // MARK: Road speeds

    @Test(arguments: values)
    func roadSpeeds(_ value: String) throws {
        let data = try Self.sample("speeds", edits: [("territory/roads.geojson", #""maxspeed":[0-9.]+"#, #""maxspeed":"# + value)])
        let roads = data + "/roads.geojson", sites = data + "/sites.geojson"
        try Self.run(["network", "info", roads, "--json"])
        let ends = try Self.select(sites, "stage == 'processing' and product == 'cheese'")
        try Self.run(["route", "--from", ends, "--to", ends, "--roads", roads, "--matrix", Self.out("matrix.csv"), "-o", Self.out("routes.geojson")])
        try Self.run(["isochrone", "--sites", sites, "--where", "stage == 'processing' and product == 'cheese'", "--roads", roads,
                      "--minutes", "15,30", "-o", Self.out("isochrones.geojson")])
        try Self.run(["catchment", "--sites", sites, "--where", "stage == 'processing' and product == 'cheese'", "--method", "network",
                      "--roads", roads, "--territories", data + "/parishes.geojson", "-o", Self.out("network.geojson")])
    }

    // MARK: Ranking

    @Test(arguments: zip(values, texts).map { [$0, $1] })
    func indicatorsAndWeights(_ value: [String]) throws {
        let data = try Self.sample("rank", edits: [
            ("ranking/products.csv", #"(?m)^(EM\w+,\w+,)[0-9.]+"#, "$1" + value[1]),
            ("ranking/weights.json", #""demand": [0-9.]+"#, #""demand": "# + value[0]),
        ])
        let ranking = data + "/../ranking"
        try Self.run(["rank", "--indicators", ranking + "/products.csv", "--weights", ranking + "/weights.json", "--by", "municipality_code",
                      "--top", "2", "--json"])
        try Self.run(["rank", "--indicators", ranking + "/products.csv", "--weights", ranking + "/weights.json", "--by", "municipality_code",
                      "--top", "2", "--territories", data + "/municipalities.geojson", "-o", Self.out("top.geojson")])
    }

    // MARK: Flags

    @Test(arguments: texts)
    func numericFlags(_ text: String) throws {
        let data = DeterminismTests.repository.appendingPathComponent("geodata/territory").path
        let parishes = data + "/parishes.geojson", sites = data + "/sites.geojson", roads = data + "/roads.geojson"
        let plants = ["--where", "stage == 'processing' and product == 'cheese'"]
        let ends = try Self.select(sites, "id == 'S0455' or id == 'S0456'")
        for unit in ["m", "km", ""] {
            try Self.run(["catchment", "--sites", sites] + plants + ["--method", "buffer", "--radius", text + unit,
                          "--territories", parishes, "-o", Self.out("buffer.geojson")])
            try Self.run(["join", "--sites", sites, "--territories", parishes, "--snap", text + unit, "-o", Self.out("joined.geojson")])
            try Self.run(["route", "--from", ends, "--to", ends, "--roads", roads, "--max-snap", text + unit, "-o", Self.out("route.geojson")])
            try Self.run(["isochrone", "--sites", sites] + plants + ["--roads", roads, "--minutes", "15", "--width", text + unit,
                          "-o", Self.out("iso.geojson")])
            try Self.run(["group", "evaluate", "--territories", parishes, "--id-field", "code",
                          "--grouping", data + "/groupings/circuits_alternative.csv", "--snap", text + unit, "--json"])
        }
        try Self.run(["isochrone", "--sites", sites] + plants + ["--roads", roads, "--minutes", text, "-o", Self.out("iso.geojson")])
        try Self.run(["group", "suggest", "--territories", parishes, "--id-field", "code", "--min-population", text, "--seed", "1", "-o", Self.out("s.csv")])
        try Self.run(["group", "suggest", "--territories", parishes, "--id-field", "code", "--min-population", "100000", "--seed", text, "-o", Self.out("s.csv")])
        try Self.run(["rank", "--indicators", data + "/../ranking/products.csv", "--weights", data + "/../ranking/weights.json",
                      "--by", "municipality_code", "--top", text, "--json"])
        try Self.run(["render", parishes, "--width", text, "-o", Self.out("w.png")])
        try Self.run(["render", parishes, "--color-by", "population", "--classes", "jenks:" + text, "-o", Self.out("c.png")])
        try Self.run(["convert", parishes, "--bbox=\(text),9.5,-67.5,10.5", "-o", Self.out("bbox.geojson")])
        try Self.run(["convert", parishes, "--precision", text, "-o", Self.out("precision.geojson")])
    }
}

import Foundation
import Geo
import TestSupport
import Testing
@testable import TerritorioCLI

/// `territorio render ... -o map.html` opened in real headless Chromium
/// (Selenium, Tests/Python/web_map_check.py): every layer's features are
/// drawn, a click opens a popup with that feature's properties, unticking
/// a layer hides it, search finds a parish by name, and the console is
/// clean. The expected counts and properties come from the GeoJSON files
/// read here, not from the page.
@Suite struct WebMapBrowserTests {
    static let territory = CommandTests.repository.appendingPathComponent("geodata/territory")

    /// Why the test cannot run here, nil when it can.
    static var missing: String? { TestBrowser.missing }

    @Test(.enabled(if: WebMapBrowserTests.missing == nil, Comment(rawValue: WebMapBrowserTests.missing ?? "")))
    func theWebMapWorksInARealBrowser() throws {
        let names = ["parishes", "roads", "sites"]
        let paths = names.map { Self.territory.appendingPathComponent("\($0).geojson").path }
        let output = CommandTests.temporary("webmap.html")
        let status = Territorio.run(arguments: ["render"] + paths + ["--color-by", "population", "--labels", "parishes:name", "-o", output])
        #expect(status == 0)

        let outcome = try #require(try TestPython.run(script: TestPython.script("web_map_check.py"), arguments: [output, "san juan de"]))
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])

        // Every feature with a geometry is an SVG element of its layer.
        let layers = try paths.map { try Layer.readGeoJSON(path: $0) }
        let expected = layers.map { layer in layer.features.count { $0.geometry.map { !$0.isEmpty } ?? false } }
        #expect(expected == [150, 705, 2449])
        let drawn = try #require(result["layers"] as? [[String: Any]])
        #expect(drawn.map { $0["name"] as? String } == names)
        #expect(drawn.map { $0["drawn"] as? Int } == expected)

        // The popup a click opened is a site's, with exactly that site's properties.
        let popup = try #require(result["popup"] as? [String: Any])
        #expect(popup["layer"] as? String == "sites")
        let shown = try #require(popup["properties"] as? [String: String])
        let site = try #require(layers[2].features.first { $0.properties["id"]?.text == shown["id"] })
        var properties: [String: String] = [:]
        for member in site.properties.members { properties[member.key] = member.value.text }
        #expect(shown == properties)

        // Unticking sites removes its 2,449 markers and leaves the other layers.
        let toggle = try #require(result["toggle"] as? [String: Any])
        #expect(toggle["name"] as? String == "sites")
        #expect(toggle["before"] as? Int == 2449 && toggle["after"] as? Int == 0)
        #expect(toggle["others"] as? [Int] == [150, 705])

        // Search: "san juan de" finds the six San Juan parishes first, and choosing one opens its popup.
        let search = try #require(result["search"] as? [String: Any])
        let results = try #require(search["results"] as? [String])
        #expect(results.prefix(6).allSatisfy { $0.hasPrefix("San Juan de") && $0.hasSuffix("parishes") })
        let chosen = try #require(search["popup"] as? String)
        #expect(chosen.hasPrefix("parishes") && chosen.contains("San Juan de Agua Blanca"))

        #expect((result["console"] as? [String]) == [])
    }
}

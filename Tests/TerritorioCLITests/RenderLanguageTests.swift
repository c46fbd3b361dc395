import Foundation
import Testing
@testable import TerritorioCLI

/// `render --lang es`: the map's own words and its legend numbers in
/// Spanish; English unchanged.
@Suite struct RenderLanguageTests {
    static let parishes = CommandTests.repository.appendingPathComponent("geodata/territory/parishes.geojson").path

    static func svg(_ language: String) throws -> String {
        let output = CommandTests.temporary("population_\(language).svg")
        let status = Territorio.run(arguments: ["render", parishes, "--color-by", "population", "--classes", "quantile:5",
                                                "--lang", language, "-o", output])
        #expect(status == 0)
        return try String(contentsOfFile: output, encoding: .utf8)
    }

    /// The sample's 150 parishes in 5 quantile classes: the caption names
    /// the method and the count in the language, and the bounds (thousands
    /// of people) are grouped with the language's separator.
    @Test func theLegendSpeaksTheLanguageAndItsNumbers() throws {
        let spanish = try Self.svg("es"), english = try Self.svg("en")
        #expect(spanish.contains("cuantiles, 5 clases"))
        #expect(english.contains("quantile, 5 classes"))
        #expect(!spanish.contains("quantile, 5 classes"))
        // A bound over a thousand: 1,234 in English is 1.234 in Spanish.
        let englishBound = try #require(english.firstMatch(of: /\d{1,3},\d{3}/)).output
        let spanishBound = englishBound.replacingOccurrences(of: ",", with: ".")
        #expect(spanish.contains(spanishBound), "\(englishBound) in English, \(spanishBound) expected in Spanish")
    }
}

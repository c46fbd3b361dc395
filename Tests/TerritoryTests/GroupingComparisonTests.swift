import Foundation
import Testing
@testable import Geo
@testable import Territory

/// Two groupings of the 3 x 3 grid of 1 km squares (100 people each):
/// `rows`, three strips; `split`, the same but the top strip cut to U6 and
/// U7 with U8 in no circuit.
@Suite struct GroupingComparisonTests {
    static let rows = Grouping(rows: (0..<9).map { Grouping.Row(line: $0 + 2, territory: "U\($0)", circuit: ["R0", "R1", "R2"][$0 / 3]) })
    static let split = Grouping(rows: (0..<8).map { Grouping.Row(line: $0 + 2, territory: "U\($0)", circuit: ["R0", "R1", "T"][$0 / 3]) })

    static func comparison() throws -> GroupingComparison {
        let territories = try StudyTerritories(GroupingTests.layer(GroupingTests.squares()), file: "<squares>")
        return try GroupingComparison(try Study(territories: territories),
                                      groupings: [("groupings/rows.csv", rows), ("/elsewhere/split.csv", split)])
    }

    @Test func circuitsAndChangesPerTerritory() throws {
        let comparison = try Self.comparison()
        #expect(comparison.entries.map(\.name) == ["rows", "split"])
        #expect(comparison.circuits[0] == ["R0", "R0"])
        #expect(comparison.circuits[6] == ["R2", "T"])
        #expect(comparison.circuits[8] == ["R2", nil])
        // U6 and U7 lose U8; U8 loses both: the bottom two strips keep their mates.
        #expect(comparison.changed == [false, false, false, false, false, false, true, true, true])
        let layer = try comparison.territoryLayer()
        #expect(layer.crs == .wgs84)
        #expect(layer.features[8].properties["territory_code"] == "U8")
        #expect(layer.features[8].properties["circuit_rows"] == "R2")
        #expect(layer.features[8].properties["circuit_split"] == .null)
        #expect(layer.features[8].properties["changed"] == .bool(true))
        #expect(layer.features[0].properties["changed"] == .bool(false))
    }

    @Test func figuresByHand() throws {
        let comparison = try Self.comparison()
        let (rows, split) = (comparison.entries[0], comparison.entries[1])
        // Strips of 3 x 1 km: 4 pi 3 / 8²; people 1 km either side of the middle or on it: 2/3 km.
        let strip = 12 * Double.pi / 64
        #expect(abs(rows.evaluation.meanCompactness - strip) < 1e-9)
        #expect(abs(rows.meanTripKm - 2.0 / 3) < 1e-9)
        #expect(rows.evaluation.populationVariation == 0)
        // split: two strips of 300 and a 2 x 1 km block of 200 (4 pi 2 / 6², trips of 0.5 km).
        #expect(abs(split.evaluation.meanCompactness - (2 * strip + 8 * Double.pi / 36) / 3) < 1e-9)
        #expect(abs(split.meanTripKm - (300 * 2.0 / 3 * 2 + 200 * 0.5) / 800) < 1e-9)
        // Populations 300, 300, 200: mean 800/3, sd 100 sqrt(2)/3, their ratio sqrt(2)/8.
        #expect(abs(split.evaluation.populationVariation - 2.0.squareRoot() / 8) < 1e-9)
        let markdown = comparison.markdown
        #expect(markdown.contains("| rows | 3 | 100 % | 0.589 | 0.000 | 0.67 |\n"))
        #expect(markdown.contains("| split | 3 | 100 % | 0.625 | 0.177 |"))
        #expect(markdown.hasSuffix("\n3 of 9 territories change circuit-mates between the groupings.\n"))
        guard case .array(let entries) = comparison.json, case .object(let first)? = entries.first else {
            Issue.record("not an array of objects")
            return
        }
        #expect(entries.count == 2)
        #expect(first["grouping"] == "rows")
    }

    @Test func selfSufficiencyWhenTheStudyHasSitesAndChains() throws {
        // CircuitCoverageTests' parishes: rows A, B, C of 3,000 people; A alone covers its cheese (2 / 1.8 t), C has none.
        let study = try CircuitCoverageTests.study()
        let whole = Grouping(rows: (0..<9).map { Grouping.Row(line: $0 + 2, territory: "P\($0)", circuit: "W") })
        let comparison = try GroupingComparison(study, groupings: [("rows.csv", CircuitCoverageTests.grouping), ("whole.csv", whole)])
        let markdown = comparison.markdown
        #expect(markdown.contains(" cheese: self-sufficient circuits (lowest) |\n|---|---:|---:|---:|---:|---:|---:|\n"))
        #expect(markdown.contains("| rows | 3 | 100 % |"))
        #expect(markdown.contains(" 1 of 3 (0.00) |\n"))
        // One circuit of 9,000 people (5.4 t): plants 2 + 3 + 1 t, shops 6.5 t, milk for 9 t:
        // the chain can deliver 6 t, so its people get all their 5.4 t.
        #expect(markdown.contains(" 1 of 1 (1.00) |\n"))
        #expect(comparison.changed.allSatisfy { $0 })
    }
}

import Foundation
import Testing
@testable import Geo
@testable import Territory

/// Products of groups of territories, by hand.
@Suite struct GroupRankingTests {
    /// One indicator, min-max over all rows (0..10): A scores x 1, y 0,
    /// z 0.6; B scores x 0, y 1, z 0.6. The group's means: x 0.5, y 0.5,
    /// z 0.6, so its first is z, which neither member puts first. C is
    /// alone in its group and has w, which nobody else has.
    static let table = """
        territory,product,s
        A,x,10
        A,y,0
        A,z,6
        B,x,0
        B,y,10
        B,z,6
        B,w,3
        C,x,4
        C,w,5
        D,x,1

        """

    func ranked() throws -> ProductRanking.Result {
        let csv = try CSVTable.parse(bytes: Array(Self.table.utf8), name: "p.csv")
        let table = try IndicatorTable(table: csv, file: "p.csv", by: "territory")
        return try ProductRanking().rank(table, weights: IndicatorWeights.parse(#"{"s": 1}"#, name: "w"))
    }

    @Test func aGroupsFirstProductCanBeNoMembersFirst() throws {
        let groups = try TerritoryGroups.parse("territory_code,group\nA,north\nB,north\nC,south\nE,south\n", name: "groups.csv", territoryColumn: "territory")
        let result = GroupRanking.rank(try ranked(), groups: groups, top: 2)
        let north = result.groups[0]
        #expect(north.group == "north")
        #expect(north.shared.map(\.product) == ["z", "x", "y"])
        #expect(north.shared.map(\.meanScore) == [0.6, 0.5, 0.5])
        // x and y tie at 0.5: the name decides.
        #expect(north.top.map(\.product) == ["z", "x"])
        #expect(north.top[0].scores == [0.6, 0.6])
        #expect(north.members.map(\.territory) == ["A", "B"])
        #expect(north.members.map(\.top) == [["x", "z"], ["y", "z"]])
        #expect(north.members.map(\.agrees) == [false, false])
        #expect(north.members.map(\.inGroupTop) == [2, 1])
        #expect(north.partial.map(\.product) == ["w"])
        #expect(north.partial.map(\.members) == [1])
        let south = result.groups[1]
        // C's own ranking: w 0.5, x 0.4; E has no row in the table.
        #expect(south.top.map(\.product) == ["w", "x"])
        #expect(south.members.map(\.agrees) == [true])
        #expect(south.membersWithoutProducts == ["E"])
        #expect(result.ungrouped == ["D"])
        #expect(result.notes.contains("group south: E has no eligible product in the table"))
        #expect(result.notes.contains("1 territory is in no group: D"))
    }

    @Test func aTerritoryInTwoGroupsIsRefused() throws {
        #expect(throws: ReadError.self) {
            try TerritoryGroups.parse("territory_code,group\nA,north\nA,south\n", name: "groups.csv", territoryColumn: "territory")
        }
        #expect(throws: ReadError.self) {
            try TerritoryGroups.parse("province,zone\nA,north\n", name: "groups.csv", territoryColumn: "territory")
        }
    }
}

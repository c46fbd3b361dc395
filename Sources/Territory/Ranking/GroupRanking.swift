import Foundation
import Geo

/// Territories in groups (as Ecuador's provinces work in four), read from a
/// CSV of `territory_code,group` (the territory column may also be named
/// `territory`, `code` or like `--by`; the group `group`, `group_id` or
/// `grupo`). A territory is in one group.
public struct TerritoryGroups: Sendable {
    public let file: String
    /// Group by territory, and the groups in order of first appearance.
    public let groupOf: [String: String]
    public let groups: [String]

    public static func read(path: String, territoryColumn: String) throws(ReadError) -> TerritoryGroups {
        try TerritoryGroups(table: CSVTable.read(path: path), name: path, territoryColumn: territoryColumn)
    }

    public static func parse(_ text: String, name: String, territoryColumn: String) throws(ReadError) -> TerritoryGroups {
        try TerritoryGroups(table: CSVTable.parse(bytes: Array(text.utf8), name: name), name: name, territoryColumn: territoryColumn)
    }

    init(table: CSVTable, name: String, territoryColumn: String) throws(ReadError) {
        let rows = try PairTable.rows(of: table, name: name, first: ["territory_code", "territory", "code", territoryColumn.lowercased()],
                                      second: ["group", "group_id", "grupo"])
        var groupOf: [String: String] = [:], groups: [String] = [], lines: [String: Int] = [:]
        for row in rows {
            if let earlier = lines[row.first] {
                throw ReadError(file: name, line: row.line, message: "territory \(row.first) is listed again (first on line \(earlier)); a territory is in one group")
            }
            lines[row.first] = row.line
            groupOf[row.first] = row.second
            if !groups.contains(row.second) { groups.append(row.second) }
        }
        guard !groups.isEmpty else { throw ReadError(file: name, message: "no rows after the header") }
        self.file = name
        self.groupOf = groupOf
        self.groups = groups
    }
}

/// The products of each group: a product counts for the group when every
/// member territory that has eligible products has it (a member without
/// it has no score for it, which is never read as 0), and the group ranks
/// those shared products by the mean of the members' scores. Equal means
/// (to 1e-9) go to the product name in ascending order. Each member
/// agrees with the group when its own first product is the group's first;
/// how many of its top N are in the group's top N is given as well.
public struct GroupRanking: Sendable {
    public struct SharedProduct: Sendable, Hashable {
        public let product: String
        public let rank: Int
        public let meanScore: Double
        /// Each member's score for it, in `members` order.
        public let scores: [Double]
    }

    public struct Member: Sendable, Hashable {
        public let territory: String
        public let top: [String]
        /// Its own first product is the group's first.
        public let agrees: Bool
        /// How many of its top N are in the group's top N.
        public let inGroupTop: Int
    }

    public struct Group: Sendable {
        public let group: String
        /// Members ranked (with eligible products), in table order.
        public let members: [Member]
        /// Members of the groups file with no product in the ranking.
        public let membersWithoutProducts: [String]
        /// Products every ranked member has, by mean score.
        public let shared: [SharedProduct]
        /// Products only some members have: how many.
        public let partial: [(product: String, members: Int)]
        public let top: [SharedProduct]
    }

    public struct Result: Sendable {
        public let top: Int
        public let groups: [Group]
        /// Territories of the ranking in no group.
        public let ungrouped: [String]
    }

    public static func rank(_ ranking: ProductRanking.Result, groups: TerritoryGroups, top: Int) -> Result {
        let byTerritory = Dictionary(ranking.territories.map { ($0.territory, $0.entries) }, uniquingKeysWith: { first, _ in first })
        var result: [Group] = []
        for group in groups.groups {
            let inFile = groups.groupOf.filter { $0.value == group }.map(\.key)
            let ranked = ranking.territories.map(\.territory).filter { groups.groupOf[$0] == group }
            let withoutProducts = inFile.filter { byTerritory[$0] == nil }.sorted()
            var counts: [String: Int] = [:], firstSeen: [String] = []
            for territory in ranked {
                for entry in byTerritory[territory]! {
                    if counts[entry.product] == nil { firstSeen.append(entry.product) }
                    counts[entry.product, default: 0] += 1
                }
            }
            var shared: [SharedProduct] = []
            for product in firstSeen where counts[product] == ranked.count {
                let scores = ranked.map { territory in byTerritory[territory]!.first { $0.product == product }!.score }
                shared.append(SharedProduct(product: product, rank: 0, meanScore: scores.reduce(0, +) / Double(scores.count), scores: scores))
            }
            shared.sort { ProductRanking.same($0.meanScore, $1.meanScore) ? $0.product < $1.product : $0.meanScore > $1.meanScore }
            shared = shared.enumerated().map { SharedProduct(product: $0.element.product, rank: $0.offset + 1, meanScore: $0.element.meanScore, scores: $0.element.scores) }
            let groupTop = Array(shared.prefix(top))
            let topNames = Set(groupTop.map(\.product))
            let members = ranked.map { territory in
                let own = byTerritory[territory]!.prefix(top).map(\.product)
                return Member(territory: territory, top: own, agrees: own.first != nil && own.first == groupTop.first?.product,
                              inGroupTop: own.filter { topNames.contains($0) }.count)
            }
            let partial = firstSeen.filter { counts[$0]! < ranked.count }.map { ($0, counts[$0]!) }
            result.append(Group(group: group, members: members, membersWithoutProducts: withoutProducts, shared: shared, partial: partial, top: groupTop))
        }
        let ungrouped = ranking.territories.map(\.territory).filter { groups.groupOf[$0] == nil }
        return Result(top: top, groups: result, ungrouped: ungrouped)
    }
}

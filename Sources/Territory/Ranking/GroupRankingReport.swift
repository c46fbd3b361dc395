import Foundation
import Geo

extension GroupRanking.Result {
    /// Tab-separated, after the territories' table: each group's top
    /// products by mean score, then each member with its own top and
    /// whether it agrees.
    public var table: String {
        var text = "group\trank\tproduct\tmean_score\tmembers\n"
        for group in groups {
            for product in group.top {
                text += "\(group.group)\t\(product.rank)\t\(product.product)\t\(ProductRanking.Result.format(product.meanScore))\t\(group.members.count)\n"
            }
        }
        text += "\ngroup\tmember\ttop\tagrees\tin_group_top\n"
        for group in groups {
            for member in group.members {
                text += "\(group.group)\t\(member.territory)\t\(member.top.joined(separator: ", "))\t\(member.agrees ? "yes" : "no")\t\(member.inGroupTop) of \(member.top.count)\n"
            }
        }
        let notes = self.notes
        if !notes.isEmpty { text += "\n" + notes.map { $0 + "\n" }.joined() }
        return text
    }

    /// Groups that share fewer products than `top`, members without
    /// products, territories in no group.
    public var notes: [String] {
        var notes: [String] = []
        for group in groups {
            if group.shared.count < top {
                let partial = group.partial.prefix(6).map { "\($0.product) (\($0.members) of \(group.members.count))" }.joined(separator: ", ")
                notes.append("group \(group.group): its \(group.members.count) members share \(group.shared.count) product\(group.shared.count == 1 ? "" : "s")\(partial.isEmpty ? "" : "; only some have \(partial)")")
            }
            if !group.membersWithoutProducts.isEmpty {
                notes.append("group \(group.group): \(group.membersWithoutProducts.joined(separator: ", ")) \(group.membersWithoutProducts.count == 1 ? "has" : "have") no eligible product in the table")
            }
        }
        if !ungrouped.isEmpty {
            notes.append("\(ungrouped.count) territor\(ungrouped.count == 1 ? "y is" : "ies are") in no group: \(ungrouped.prefix(10).joined(separator: ", "))\(ungrouped.count > 10 ? ", ..." : "")")
        }
        return notes
    }

    public var json: JSONValue {
        .object([
            "top": .number(top),
            "rule": .string("products every member has, by the mean of the members' scores; a member agrees when its first product is the group's first"),
            "groups": .array(groups.map { group in
                .object([
                    "group": .string(group.group),
                    "members": .array(group.members.map { member in
                        .object(["territory": .string(member.territory), "top": .array(member.top.map(JSONValue.string)),
                                 "agrees": .bool(member.agrees), "inGroupTop": .number(member.inGroupTop)])
                    }),
                    "membersWithoutProducts": .array(group.membersWithoutProducts.map(JSONValue.string)),
                    "top": .array(group.top.map { product in
                        .object(["rank": .number(product.rank), "product": .string(product.product),
                                 "meanScore": .number(ProductRanking.Result.rounded(product.meanScore)),
                                 "scores": .array(product.scores.map { .number(ProductRanking.Result.rounded($0)) })])
                    }),
                    "shared": .array(group.shared.map { .string($0.product) }),
                    "partial": .array(group.partial.map { .object(["product": .string($0.product), "members": .number($0.members)]) }),
                ])
            }),
            "ungrouped": .array(ungrouped.map(JSONValue.string)),
        ])
    }
}

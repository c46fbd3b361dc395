import Foundation
import Geo

extension WeightSensitivity.Result {
    /// Tab-separated: each territory's products that were in its top N in
    /// any draw (or are there under the given weights), with the share of
    /// draws; then the smallest single-weight change that swaps the first
    /// and the third product.
    public var table: String {
        var text = "territory\trank\tproduct\tin_top_\(top)\n"
        for territory in territories {
            for product in territory.products where product.rank <= top || product.inTop > 0 {
                text += "\(territory.territory)\t\(product.rank)\t\(product.product)\t\(Self.percent(product.share))\n"
            }
        }
        text += "\nterritory\tfirst\tthird\tindicator\tweight\tties_at\tshare_after\n"
        for territory in territories {
            guard let swap = territory.swap else {
                let why = territory.hasThird ? "no single weight swaps its first and third" : "fewer than three products"
                text += "\(territory.territory)\t\(territory.products.first?.product ?? "")\t\t(\(why))\n"
                continue
            }
            text += "\(territory.territory)\t\(swap.first)\t\(swap.third)\t\(swap.indicator)\t\(Self.number(swap.from))\t\(Self.number(swap.to))\t\(Self.percent(swap.shareAfter))\n"
        }
        return text
    }

    /// One line for stderr: the draws, seed and normalisations used.
    public var summary: String {
        let methods = Normalisation.allCases.map { "\(normalisations[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
        return "sensitivity: \(draws) draws (seed \(seed)), weights from a Dirichlet of concentration \(Self.number(concentration)) around the given ones, normalisation \(methods)"
    }

    public var json: JSONValue {
        .object([
            "draws": .number(draws), "seed": .number(Double(seed)), "concentration": .number(concentration), "top": .number(top),
            "normalisations": .object(JSONObject(Normalisation.allCases.map { .init(key: $0.rawValue, value: .number(normalisations[$0] ?? 0)) })),
            "territories": .array(territories.map { territory in
                var object: JSONObject = [
                    "territory": .string(territory.territory),
                    "products": .array(territory.products.map { product in
                        .object(["product": .string(product.product), "rank": .number(product.rank),
                                 "inTop": .number(product.inTop), "share": .number(ProductRanking.Result.rounded(product.share))])
                    }),
                ]
                if let swap = territory.swap {
                    object["firstThirdSwap"] = .object([
                        "first": .string(swap.first), "third": .string(swap.third), "indicator": .string(swap.indicator),
                        "from": .number(ProductRanking.Result.rounded(swap.from)), "tiesAt": .number(ProductRanking.Result.rounded(swap.to)),
                        "change": .number(ProductRanking.Result.rounded(swap.change)), "shareAfter": .number(ProductRanking.Result.rounded(swap.shareAfter)),
                    ])
                } else {
                    object["firstThirdSwap"] = .null
                }
                return .object(object)
            }),
        ])
    }

    /// Whole percent; a share above 0 that would round to 0% (or below
    /// 100% that would round to 100%) says so, so "never" and "always"
    /// mean what they say.
    static func percent(_ share: Double) -> String {
        if share > 0, share < 0.005 { return "<1%" }
        if share < 1, share > 0.995 { return ">99%" }
        return String(format: "%.0f%%", share * 100)
    }
    static func number(_ value: Double) -> String { String(format: "%.4g", value) }
}

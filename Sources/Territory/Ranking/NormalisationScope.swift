/// Which rows an indicator is normalised over. A round table compares
/// like with like: the price of flowers in USD/kg says nothing about the
/// price of potatoes, so `product` puts each product's rows on their own
/// scale (how good this territory is at coffee against the others that
/// have coffee); `territory` compares the products of one territory among
/// themselves; `all` (the default) is one scale over every row.
///
/// A group of one row, or of one value throughout, carries no information
/// on that scale: its rows score 0 on the indicator (and are counted, so
/// the report can say so).
public enum NormalisationScope: String, Sendable, CaseIterable {
    case all
    case product
    case territory

    public var label: String {
        switch self {
        case .all: "over every row"
        case .product: "within each product (across the territories that have it)"
        case .territory: "within each territory (across its products)"
        }
    }

    /// The key of the group `row` is normalised in.
    func group(of row: IndicatorTable.Row) -> String {
        switch self {
        case .all: ""
        case .product: row.product
        case .territory: row.territory
        }
    }
}

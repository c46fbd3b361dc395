/// Every indicator of a table put on its scale: normalised over the rows
/// of its scope (`NormalisationScope`: all rows, one product's, or one
/// territory's) and flipped where lower is better (1 - x for min-max, -x
/// for z-scores), so that the best row scores highest. Weights are not
/// applied here: a score is then linear in each weight, which the
/// sensitivity analysis uses (`WeightSensitivity`, `RankSwap`).
struct NormalisedIndicators: Sendable {
    /// `values[column][row]`, rows in the table's order.
    let values: [[Double]]
    /// Per column: the number of scope groups, and of those that carry no
    /// information (one row, or one value throughout) and so score 0.
    let groups: [Int]
    let constantGroups: [Int]
    let scopes: [NormalisationScope]

    init(table: IndicatorTable, weights: [IndicatorWeights.Weight], normalisation: Normalisation, within: NormalisationScope) {
        var values: [[Double]] = [], groups: [Int] = [], constantGroups: [Int] = [], scopes: [NormalisationScope] = []
        for column in table.indicators.indices {
            let weight = weights[column]
            let scope = weight.within ?? within
            var members: [String: [Int]] = [:]
            var order: [String] = []
            for (index, row) in table.rows.enumerated() {
                let key = scope.group(of: row)
                if members[key] == nil { order.append(key) }
                members[key, default: []].append(index)
            }
            var scaled = Array(repeating: 0.0, count: table.rows.count)
            var constant = 0
            for key in order {
                let indices = members[key]!
                let raw = indices.map { table.rows[$0].values[column] }
                let summary = IndicatorSummary(raw)
                if summary.isConstant { constant += 1; continue }
                for (index, value) in zip(indices, normalisation.normalise(raw)) {
                    scaled[index] = weight.lowerIsBetter ? (normalisation == .minMax ? 1 - value : -value) : value
                }
            }
            values.append(scaled)
            groups.append(order.count)
            constantGroups.append(constant)
            scopes.append(scope)
        }
        self.values = values
        self.groups = groups
        self.constantGroups = constantGroups
        self.scopes = scopes
    }

    /// Weight x normalised value of each indicator for `row`.
    func contributions(row: Int, weights: [Double]) -> [Double] {
        weights.indices.map { weights[$0] * values[$0][row] }
    }
}

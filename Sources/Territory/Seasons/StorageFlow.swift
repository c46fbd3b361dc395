import Geo

/// One circuit's product through the year with its stores, as a flow on a
/// time-expanded network solved by the project's min-cost flow
/// (`MinCostFlow`): for each month, one node after each stage of the
/// chain; the month's production enters after the first stage, passes
/// each stage that cannot be skipped up to the stage's capacity that
/// month (a skippable stage does not limit it), and leaves to the month's
/// demand. A stage that stores carries product from a month's node to the
/// next month's, up to its storage (all in final product). The flow is
/// the most the circuit can deliver to its own people over the year and,
/// among such flows, the one that stores least (each tonne-month in store
/// costs 1), so a store is used only where it feeds a later month.
///
/// The year does not wrap: stores are empty in January and what is left
/// in December is not carried to January, so a harvest in December never
/// feeds a January before it. A year that wraps would credit stores with
/// stock nobody has checked is there.
public struct StorageFlow: Sendable {
    /// Final product units per flow unit: kilograms for tonnes.
    static let scale = 1000.0

    /// Per month (January first), in final product.
    public struct MonthFlow: Sendable, Hashable {
        public var delivered: Double
        /// Stock carried into the next month, over every store of the circuit.
        public var carried: Double
    }

    public var months: [MonthFlow]

    /// `balances`: the circuit's product in each of the twelve months;
    /// `storage`: per stage (the chain's order), the stock the circuit's
    /// stores there can carry, in final product.
    public init(balances: [ProductBalance], storage: [Double], place: String) throws(ReadError) {
        precondition(balances.count == 12)
        let stageCount = balances[0].stages.count
        precondition(storage.count == stageCount)
        func units(_ amount: Double, _ what: String) throws(ReadError) -> Int64 {
            guard let units = FlowUnits.units(amount, scale: Self.scale) else {
                throw ReadError(file: place, message: "\(what) is \(FlowUnits.describe(amount)), beyond what the flow can count (\(FlowUnits.describe(FlowUnits.largest(scale: Self.scale))))")
            }
            return units
        }
        let unlimited = FlowUnits.limit
        // Nodes: month m, stage k at m * stageCount + k; then one demand node a month.
        var flow = MinCostFlow(nodeCount: 12 * stageCount + 12)
        func node(_ month: Int, _ stage: Int) -> Int { month * stageCount + stage }
        var deliveryArcs: [Int] = [], storeArcs: [[Int]] = Array(repeating: [], count: 12)
        for (month, balance) in balances.enumerated() {
            flow.setSupply(node(month, 0), try units(balance.production, "production"))
            for stage in 1..<max(stageCount, 1) where stageCount > 1 {
                let row = balance.stages[stage]
                let capacity = row.skippable ? unlimited : try units(row.finalEquivalent, "the capacity of \(row.stage.rawValue)")
                flow.addArc(from: node(month, stage - 1), to: node(month, stage), capacity: capacity, cost: 0)
            }
            let demandNode = 12 * stageCount + month
            let demand = try units(balance.demand, "demand")
            flow.setSupply(demandNode, -demand)
            deliveryArcs.append(flow.addArc(from: node(month, stageCount - 1), to: demandNode, capacity: demand, cost: 0))
            if month < 11 {
                for (stage, stock) in storage.enumerated() where stock > 0 {
                    storeArcs[month].append(flow.addArc(from: node(month, stage), to: node(month + 1, stage),
                                                        capacity: try units(stock, "storage"), cost: 1))
                }
            }
        }
        let solution = flow.solve()
        months = (0..<12).map { month in
            MonthFlow(delivered: Double(solution.flow[deliveryArcs[month]]) / Self.scale,
                  carried: Double(storeArcs[month].reduce(0) { $0 + solution.flow[$1] }) / Self.scale)
        }
    }
}

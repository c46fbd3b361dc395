/// The English catalogue: every report string, as the reports wrote it
/// before there were catalogues (the English reports stay byte-identical).
extension Catalogue {
    static func english(_ key: Key) -> String {
        switch key {
        case .stage(let stage): stage.rawValue
        case .unit(let unit): unit.rawValue
        case .proposal(let amount, let unit, let stage): "add \(amount) \(unit) of \(stage)"
        case .sitesLeftOut(let count, let reason, let unused):
            "\(count) sites \(reason.rawValue) (capacity unused: \(unused))"

        case .coverageTitle: "# Circuit coverage\n\n"
        case .coveragePeople(let circuits, let total, let inCircuits, let inNoCircuit, let territories):
            "\(circuits) circuits; \(total) people in the territories: \(inCircuits) in circuits, \(inNoCircuit) in \(territories) territories of no circuit"
        case .coverageOverlaps(let territories): "; \(territories) territories are in more than one circuit (see overlaps).\n"
        case .coverageSites(let sites, let outside): "\(sites) sites, \(outside) of them in none of the chains"
        case .coverageNoCircuitCanUse: "; no circuit can use "

        case .surplusHeading: "## Surplus to place\n\n"
        case .surplusNone: "No circuit makes more of any product than its people need.\n\n"
        case .surplusIntro:
            "What each circuit can send out after feeding its own people, in final product, whatever its own processing and shops can handle.\n\n"
        case .surplusTableHeader:
            "| circuit | product | production | demand | exportable surplus | unit | neighbours short of it |\n|---|---|---:|---:|---:|---|---|\n"
        case .productShortageHeading: "## Shortage of product\n\n"
        case .productShortageNone: "Every circuit produces at least what its people need of every product.\n\n"
        case .productShortageIntro: "Circuits whose first stage does not make what their people need, worst first.\n\n"
        case .productShortageTableHeader:
            "| circuit | product | production | demand | shortage | unit | proposal |\n|---|---|---:|---:|---:|---|---|\n"
        case .stageShortageHeading: "## Shortage of a stage\n\n"
        case .stageShortageNone: "No circuit lacks a plant, collection or shops for its own demand.\n\n"
        case .stageShortageIntro:
            "Critical nodes after the first stage, worst first: the capacity each circuit lacks at a stage (a plant, collection, shops) to serve its own people, and the capacity to add.\n\n"
        case .stageShortageTableHeader:
            "| circuit | product | stage | capacity | needed | missing share | proposal |\n|---|---|---|---:|---:|---:|---|\n"

        case .circuitLine(let territories, let area, let people, let families, let near):
            "\(territories) \(territories == 1 ? "territory" : "territories"), \(area) km², \(people) people (\(families) families); \(near) within reach of its own distribution and retail points.\n\n"
        case .productTableHeader:
            "| product | demand | self-supply | self-sufficiency | bottleneck | exportable surplus | shortage of product | value added | outside share of value added |\n|---|---:|---:|---:|---|---:|---:|---:|---:|\n"
        case .stageTableHeader:
            "\n| product | stage | unit | sites | capacity | needed | balance | to add | outside share |\n|---|---|---|---:|---:|---:|---:|---:|---:|\n"
        case .skippable: "(skippable)"

        case .zonesHeading: "## Economic zones\n\nEach zone taken as one circuit: its circuits' people, sites and stages together.\n\n"
        case .zoneLine(let circuits, let people, let families): "Circuits \(circuits); \(people) people (\(families) families).\n\n"
        case .circuitsInNoZone(let circuits): "Circuits in no zone: \(circuits).\n\n"
        case .zonePlace(let zone): "zone \(zone)"

        case .processingHeading:
            "## Primary production against processing\n\nHow much of what each circuit (and zone) produces its own plants can process: processing capacity over primary production, both in final product.\n\n"
        case .processingTableHeader:
            "| circuit or zone | product | primary (final product) | processing (final product) | processed locally |\n|---|---|---:|---:|---:|\n"

        case .identityHeading(let field):
            "## Identity products\n\nEach territory's identity product (field `\(field)`) and the furthest stage of its chain with an actor in the territory.\n\n"
        case .identityCountsHeader: "| category | territories |\n|---|---:|\n"
        case .noIdentityProduct: "no identity product"
        case .identityNoStage: "none"
        case .identityNoChain: "no chain"
        case .identityTableHeader: "\n| territory | product | furthest stage | stages present |\n|---|---|---|---|\n"

        case .pointsLine(let points, let outside, let inNoCircuit):
            "\(points) points: \(outside) outside every territory, \(inNoCircuit) in territories of no circuit"
        case .pointsWithoutValue(let count, let field): ", \(count) with no \(field ?? "value") to sum.\n\n"
        case .pointsSumColumn(let field): " | sum of \(field)"
        case .pointsCategory: "category"
        case .pointsCount: "points"
        case .pointsNoCategory: "(none)"
        case .zone: "zone"
        case .circuit: "circuit"

        case .coverageDefinitions:
            """
            ## Definitions

            - **needed**: what the circuit's own demand requires of a stage, in the stage's unit (demand carried back through the yields after it). **balance** = capacity - needed. **to add**: for a stage that cannot be skipped, the capacity missing for the circuit's own demand.
            - **self-supply**: what the chain delivers to the circuit's own people, limited by its weakest stage that cannot be skipped (the bottleneck); **self-sufficiency** = self-supply / demand.
            - **exportable surplus**: what the first stage produces, in final product, beyond the circuit's demand: it can leave at any stage, unprocessed if need be, so the circuit's own plants and shops do not cap it. **shortage of product**: demand beyond what the first stage produces.
            - **value added**: at each stage, what passes through it at its price less its inputs at the price of the stage before; the outside share weighs each stage's value added by the share of its capacity held by outside intermediaries.

            """
        }
    }
}

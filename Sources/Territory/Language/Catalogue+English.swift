import Geo

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
            "| circuit | product | production | demand | exportable surplus | unit | sent to (tonnes, exact distribution) |\n|---|---|---:|---:|---:|---|---|\n"
        case .exchangeHeading:
            "## Surplus moved between circuits\n\nEach chain distributed exactly over every territory (the optimum of `distribute` with this grouping: most demand met, then fewest tonnes through outside intermediaries, then fewest tonne-km in straight lines), and its product followed from the circuit where it is produced to the circuit where it is eaten, whether the two touch or not. The same figures as `distribute --grouping ... --od`.\n\n"
        case .exchangeLine(let product, let delivered, let demand, let unit, let moved, let optimal, let rounds):
            "**\(product)**: \(delivered) of \(demand) \(unit) delivered, \(moved) \(unit) moved between circuits (\(optimal ? "optimal over every link" : "NOT certified optimal"), \(rounds) pricing rounds).\n\n"
        case .exchangeBroken(let product, let stages): "**\(product)**: nothing moves: no site at \(stages), which cannot be skipped.\n\n"
        case .exchangeNone: "Every circuit eats only its own product.\n\n"
        case .exchangeMovesHeader: "| from | to | tonnes |\n|---|---|---:|\n"
        case .exchangeMore(let count): "\n\(count) smaller movements in the JSON (`exchange`).\n"
        case .exchangeCircuitsHeader: "\n| circuit | own supply used | exported | imported |\n|---|---:|---:|---:|\n"
        case .exchangeNobody: "none"
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

        case .distributionTitle(let product): "# Distribution of \(product)\n\n"
        case .distributionBroken(let stages):
            "The chain is broken: no site at \(stages), which cannot be skipped. Nothing reaches the people.\n\n"
        case .distributionFiguresHeader: "| figure | baseline | optimised |\n|---|---:|---:|\n"
        case .distributionDemand(let unit): "demand (\(unit))"
        case .distributionDelivered: "delivered"
        case .distributionShareMet: "share of demand met"
        case .distributionIntermediated: "through outside intermediaries"
        case .distributionTonneKm: "tonne-km"
        case .distributionTonneMinutes: "tonne-minutes along the roads"
        case .distributionLinksUsed: "links used"
        case .distributionBaseline(let rule, let stuck, let assumedNearest):
            "Baseline: \(rule); every producer offers its capacity, each buyer passes on what it receives up to its capacity, the people take up to their demand"
                + " (\(stuck) bought and not passed on or not wanted"
                + (assumedNearest > 0 ? "; \(assumedNearest) sites name no buyer and sell to their nearest" : "") + ").\n\n"
        case .distributionRuleNearest: "each actor sells to its nearest actor of the next stage, inside the circuit or not"
        case .distributionRuleSellsTo(let field): "the current trade, whom each site sells to in '\(field)'"
        case .distributionOptimal(let rounds, let links):
            "Optimal over every link of the complete network: after \(rounds) solve\(rounds == 1 ? "" : "s") (\(links) links), no link left out could deliver more or cost less under the final prices.\n\n"
        case .distributionNotOptimal(let reason, let rounds, let links):
            "**Not certified optimal**: \(reason ?? "unknown"). The figures are those of the last solve (\(rounds) solves, \(links) links).\n\n"
        case .distributionChangesHeading:
            "## What changes\n\nTonnes through outside intermediaries, by stage: the optimum sends the product through the circuit's own actors wherever their capacity allows.\n\n"
                + "| stage | baseline | optimised | change |\n|---|---:|---:|---:|\n"
        case .distributionRoads(let unreachableSites, let unreachableTerritories, let cutOffSites, let cutOffTerritories):
            "| roads | count |\n|---|---:|\n"
                + "| sites of the chain beyond --max-snap of the roads (carry nothing) | \(unreachableSites) |\n"
                + "| territories beyond --max-snap of the roads (demand unmet) | \(unreachableTerritories) |\n"
                + "| sites on a road component with none of their buyers (carry nothing) | \(cutOffSites) |\n"
                + "| territories on a road component with no seller (demand unmet) | \(cutOffTerritories) |\n\n"
        case .distributionByCircuitHeading:
            "## By circuit\n\nDelivered to the circuit's people; intermediated at outside intermediaries standing in it; tonne-km of links leaving from its sites; own supply used, exported and imported: its producers' product eaten at home, elsewhere, and others' eaten here.\n\n"
                + "| circuit | delivered (baseline) | delivered | intermediated (baseline) | intermediated | tonne-km (baseline) | tonne-km | own supply used | exported | imported |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        case .distributionByZoneHeading:
            "## By zone\n\nThe same, each zone its circuits taken together: exported and imported are what crosses the zone's edge.\n\n"
                + "| zone | delivered (baseline) | delivered | intermediated (baseline) | intermediated | tonne-km (baseline) | tonne-km | own supply used | exported | imported |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        case .distributionMovesHeading: "\nLargest movements between circuits:\n\n| from | to | tonnes |\n|---|---|---:|\n"
        case .distributionBalance(let delivered, let unmet, let demand):
            "Delivered + unmet = demand: \(delivered) + \(unmet) = \(demand).\n\n"
        case .distributionUnmetHeading: "## Unmet demand, largest first\n\n| territory | unmet |\n|---|---:|\n"
        case .scenarioTitle: "# Scenarios compared\n\n"
        case .scenarioIntro:
            "Each scenario is the study with its edits applied in memory; its files are not changed. Coverage (stage balances, self-supply, exportable surplus, people fed), the exact distribution of every chain (fewest tonnes through outside intermediaries, then fewest tonne-km) and the grouping's contiguity run on the base and on every scenario, the same way.\n\n"
        case .scenarioItem(let label, let name, let file, let edits): "- **\(label)** \(name) (`\(file)`, \(edits) \(edits == 1 ? "edit" : "edits"))\n"
        case .scenarioStudyHeading: "## Across the study\n\n"
        case .scenarioBase: "base"
        case .scenarioChange: "change"
        case .scenarioProduct: "product"
        case .scenarioFigureColumn: "figure"
        case .scenarioFigure(let figure):
            switch figure {
            case .selfSupply: "self-supply"
            case .exportableSurplus: "exportable surplus"
            case .peopleFed: "people fed"
            case .delivered: "delivered"
            case .intermediated: "through intermediaries"
            case .tonneKilometres: "tonne-km"
            }
        case .scenarioContiguousShare: "contiguous circuits (share)"
        case .scenarioPopulationVariation: "population variation (sd / mean)"
        case .scenarioCircuitsHeading(let label, let name): "## \(label): \(name), circuit by circuit\n\n"
        case .scenarioCircuit: "circuit"
        case .scenarioScenario: "scenario"
        case .scenarioNothingChanged: "No figure of any circuit changed.\n\n"
        case .scenarioPopulation: "population"
        case .scenarioParts: "connected parts"
        case .scenarioBalance(let stage, let unit): "balance at \(stage) (\(unit))"
        case .scenarioToAdd(let stage, let unit): "to add at \(stage) (\(unit))"
        case .scenarioWhyHeading: "### Why the tonnes through intermediaries changed\n\n"
        case .scenarioWhy(let product, let base, let scenario, let change, let unit, let stages):
            "- **\(product)**: tonnes through outside intermediaries went from \(base) to \(scenario) \(unit) (\(change)). Stage by stage: \(stages).\n"
        case .scenarioWhyStage(let stage, let base, let scenario, let change): "\(stage) \(base) → \(scenario) (\(change))"
        case .scenarioWhyCircuit(let circuit, let stages): "  - in \(circuit): \(stages)\n"
        case .scenarioWhyRose:
            "\nTonnes through intermediaries can rise after an improvement: more product now flows, and where an outside actor (a distributor, a shop) is the only way on at a stage listed above, the new product passes through it. Adding capacity of the circuit's own at that stage would bring it back.\n\n"
        case .scenarioWhyNone: "Tonnes through outside intermediaries did not change.\n\n"
        case .scenarioNotOptimal(let product, let label): "The \(product) distribution of \(label) is not certified optimal; its figures may move.\n\n"

        case .demoIntro:
            "# Territorio demo: the sample territory\n\n"
                + "Every figure below comes from a file in this folder, written by an ordinary `territorio` command; "
                + "the commands are listed at the end. The territory is fictional (see `geodata/README.md`).\n\n"
        case .demoBoundaries(let parishes, let problems, let hierarchy):
            """
            ## 1. Boundaries

            **\(parishes) parishes, \(problems) geometry problems; \(hierarchy) problems in the state > municipality > parish hierarchy.**
            Geometry problems are GEOS's validity checks ([validation.json](validation.json)); the hierarchy check looks for parishes outside their municipality, gaps and overlaps ([hierarchy.json](hierarchy.json)).


            """
        case .demoActors(let actors, let located, let outside):
            """
            ## 2. Actors in their parishes

            **\(actors) actors, \(located) located in a parish; \(outside) of them are outside intermediaries.**
            Each actor's parish is in [sites_joined.geojson](sites_joined.geojson) (`territory_code`); count and capacity per parish, product and stage in [sites_per_parish.csv](sites_per_parish.csv).


            """
        case .demoCatchments(let centres, let people, let overloaded):
            """
            ## 3. Milk collection catchments

            **\(centres) collection centres serve \(people) people; \(overloaded) would need more milk than they can collect to meet their catchment's cheese demand.**
            Each catchment is the Voronoi cell of its centre clipped to the territory, its population interpolated by area from the parishes ([milk_collection_catchments.geojson](milk_collection_catchments.geojson), `utilisation` = demand / capacity).


            """
        case .demoCoverage(let circuits, let people, let rows, let story):
            """
            ## 4. How well each circuit covers its people

            **\(circuits) circuits (one per municipality) for \(people) people; per product, the demand of all of them, what each circuit's chain delivers to its own people (self-supply, added up), what the circuits can send out after feeding themselves (exportable surplus), what the state's chain as a whole could supply, and how many circuits cover their own demand:**
            Self-supply is limited by the chain's bottleneck stage; the exportable surplus only by what the first stage produces (produce can leave unprocessed); demand is population × the chain's per-capita demand ([coverage.md](coverage.md), [coverage.json](coverage.json), map layer [circuits.geojson](circuits.geojson)). The circuits' own supply is far below the state's: the towns grow little, and what the countryside grows beyond its own needs leaves it.

            | product | demand | circuits' self-supply | exportable surplus | the state as one chain | unit | self-sufficient circuits |
            |---|---:|---:|---:|---:|---|---:|
            \(rows)
            \(story)

            """
        case .demoCoveredCircuits(let covered, let of): "\(covered) of \(of)"
        case .demoValley(let grown, let demand, let balance, let exportable, let shops, let toAdd):
            "- **C-EM09 (Tovar), a vegetable valley:** \(grown) t/month of vegetables grown against a demand of \(demand) t: a primary balance of +\(balance) t and an exportable surplus of \(exportable) t to place elsewhere; apart from it, its shops sell \(shops) t, and \(toAdd) t/month of retail are to add."
        case .demoDairy(let processing, let demand, let balance, let milk, let shops, let toAdd):
            "- **C-EM04 (Colina), a dairy plain:** plants making \(processing) t/month of cheese against a demand of \(demand) t (processing balance +\(balance) t), from \(milk) l/month of milk; its shops sell \(shops) t: \(toAdd) t/month of retail to add. It lacks shops, not cheese."
        case .demoDistribution(let delivered, let demand, let share, let intermediated, let baseline, let tonneKm, let between):
            """
            ## 5. Cheese with the fewest intermediaries

            **\(delivered) of \(demand) t/month delivered (\(share) %), \(intermediated) t through outside intermediaries against \(baseline) t in the baseline, where each actor sells to its nearest actor of the next stage; \(tonneKm) tonne-km.**
            The routes minimise intermediated tonnes first, then tonne-km, within the sites' capacities, and the flow is certified optimal over every possible link ([cheese_distribution.md](cheese_distribution.md), lines in [cheese_routes.geojson](cheese_routes.geojson)).
            \(between)

            """
        case .demoNoCheeseBetweenCircuits: "No cheese moves between circuits.\n"
        case .demoBetweenCircuits(let total, let largest):
            "Surplus feeding other circuits: \(total) t/month of cheese move between circuits, the largest \(largest) ([cheese_between_circuits.csv](cheese_between_circuits.csv), lines in [cheese_between_circuits.geojson](cheese_between_circuits.geojson)).\n"
        case .demoGroupings(let rows):
            """
            ## 6. Groupings of parishes into circuits

            **Two groupings compared and one suggested; each circuit should be contiguous, compact (1 for a disc) and short to cross.**
            The suggestion is a max-p regionalisation: as many contiguous circuits as possible, each of at least 100,000 people ([groupings_compared.md](groupings_compared.md), [suggested_circuits.csv](suggested_circuits.csv)).

            | grouping | circuits | contiguous | people, smallest to largest | mean compactness |
            |---|---:|---:|---|---:|
            \(rows)

            """
        case .demoSuggestedGrouping: "suggested (≥ 100,000 people)"
        case .demoMaps:
            """
            ## 7. Maps

            **The circuits coloured by the share of their cheese demand they can supply, with the routes drawn by tonnes a month; the catchments coloured by demand over capacity.**
            Open [map.html](map.html) in any browser for the parishes, routes and actors: it zooms with the wheel or the + and − buttons, pans by dragging, switches layers on and off, and a click (or a tap on a phone) on a feature opens its properties.

            ![Cheese coverage and routes](coverage_map.png)

            ![Milk collection catchments](catchments_map.png)


            """
        case .demoCommands(let study, let commands):
            "## The commands\n\n"
                + "The study's inputs (parishes with their codes and population, actors, the four chains, the circuits by municipality) are named once in [study.json](study.json), "
                + "with paths relative to it; the coverage and distribution steps read it with `--study`, and a flag given beside it overrides it (`--chain` picks the cheese chain for the routes). "
                + "Rerun any analysis on the same study with `territorio coverage --study \(study) ...`.\n\n"
                + "```sh\n" + commands + "\n```\n"
        case .definitionsHeading: "Definitions"
        case .term(let term):
            switch term {
            case .circuit: "circuit"
            case .stage: "stage"
            case .criticalNode: "critical node, bottleneck"
            case .needed: "needed, balance, to add"
            case .selfSupply: "self-supply, self-sufficiency"
            case .exportableSurplus: "exportable surplus"
            case .productShortage: "shortage of product"
            case .valueAdded: "value added"
            case .intermediary: "intermediary"
            case .baseline: "baseline"
            case .tonneKm: "tonne-km"
            }
        case .definition(let term):
            switch term {
            case .circuit:
                "A grouping of territories that organises the whole chain of a product.\nIts demand is its people times the chain's per-capita demand."
            case .stage:
                "One step of a chain: primary, collection, processing, distribution, retail.\nEach stage counts its capacity in its own unit (t/month, l/month)."
            case .criticalNode:
                "A stage that is missing, or whose capacity limits the chain, in a circuit.\nThe report gives the capacity to add there."
            case .needed:
                "What the circuit's own demand requires of a stage, in the stage's unit; balance = capacity - needed.\nTo add: the capacity a stage that cannot be skipped lacks for that demand."
            case .selfSupply:
                "What the chain delivers to the circuit's own people, limited by its weakest stage (the bottleneck).\nSelf-sufficiency = self-supply / demand."
            case .exportableSurplus:
                "What the first stage produces beyond the circuit's demand, in final product.\nIt can leave unprocessed, so the circuit's own plants and shops do not cap it."
            case .productShortage:
                "Demand beyond what the circuit's first stage produces.\nOnly product from elsewhere can meet it."
            case .valueAdded:
                "At each stage, what passes through it at its price less its inputs at the price of the stage before.\nThe outside share is the part held by intermediaries from outside the circuit."
            case .intermediary:
                "An actor from outside the circuit that buys and resells between two stages.\nThe optimised routes send as little product through them as capacities allow."
            case .baseline:
                "The trade as it is: whom each site sells to, or else its nearest actor of the next stage.\nThe optimised routes are compared with it."
            case .tonneKm:
                "Tonnes carried times kilometres in a straight line, over every route.\nWith roads, tonne-minutes along them instead."
            }
        case .season(let word): word.english
        case .map(let word):
            switch word {
            case .noValue: "no value"
            case .other: "other: {n} values (see the notes)"
            case .classes: "{method}, {n} classes"
            case .centredOnZero: ", centred on 0"
            case .quantile: "quantile"
            case .jenks: "Jenks natural breaks"
            case .equalInterval: "equal interval"
            case .manualBreaks: "manual breaks"
            case .lineWidth: "{field} (line width)"
            case .markerArea: "{field} (marker area)"
            case .and: "and"
            case .legend: "Legend"
            case .searchByName: "Search by name"
            case .noMatch: "no match"
            case .fitTo: "Fit to:"
            case .all: "all"
            }
        case .mapSelfSufficiencyTitle(let product): "\(product): self-sufficiency by circuit"
        case .mapSelfSufficiency(let product): "\(product): share of each circuit's demand it supplies itself"
        case .mapRoutes(let product): "\(product): the optimised routes, by tonnes a month"
        case .mapTerritories: "territories"
        case .mapRoutesLayer: "routes"
        case .mapRouteField: "route"
        case .mapRouteThroughIntermediary: "through an intermediary"
        case .mapRouteDirect: "direct"
        case .mapsHeading: "Maps"
        case .figureMissing(let file): "(figure \(file) was not found beside the report)"
        case .htmlFooter: "Written by Territorio. Print or save as PDF from the browser."
        case .unnamedCircuits(let file, let count, let of, let column, let first):
            "\(file): \(count) of \(of) circuits have no \(column); the reports show them by code: \(first)"
        case .unnamedTerritories(let file, let count, let of, let field, let first):
            "\(file): \(count) of \(of) territories have no \(field); the reports show them by code: \(first)"
        case .tally(let subject, let input, let unit, let output, let rejected):
            "\(subject): \(input) \(unit) in, \(output) out, \(rejected) rejected"
        case .tallyUnaccounted(let count): "; \(count) unaccounted for"
        case .tallyWord(let word): word
        case .coverageTally(let file, let circuits, let surplus, let productShort, let stagesShort, let overlaps, let inNone):
            "\(file): \(circuits) circuits; \(surplus) circuit-product pairs with surplus to place, \(productShort) short of product, \(stagesShort) stages short of capacity; \(overlaps) territories in two circuits, \(inNone) in none"
        case .circuitsInNoZoneWarning(let file, let count, let first): "\(file): \(count) circuits in no zone: \(first)"
        case .distributionSummary(let product, let delivered, let demand, let unit, let share, let intermediated, let baseline, let tonneKm, let optimal, let rounds):
            "\(product): \(delivered) of \(demand) \(unit) delivered (\(share) %), \(intermediated) t through intermediaries (baseline \(baseline)), \(tonneKm) t-km; \(optimal ? "optimal over every link" : "NOT certified optimal") in \(rounds) pricing rounds"
        case .distributionNotOptimalWarning(let reason): "the flow is not certified optimal: \(reason ?? "unknown")"
        case .distributionUnlabelled(let sites, let territories):
            "\(sites) sites and \(territories) territories in the results have no id, and are labelled # and their position in the file; give --site-id-field and --id-field"
        case .distributionCutOff(let count, let of, let first):
            "\(count) of \(of) territories are on a road component no seller is on, so their demand is unmet: \(first)"
        case .distributionBeyondSnap(let count, let of, let maxSnap, let first):
            "\(count) of \(of) territories are beyond --max-snap \(maxSnap) of the roads, so their demand is unmet: \(first)"
        case .groupingsComparedTitle: "# Groupings compared\n\n"
        case .groupingsComparedColumns:
            "| grouping | circuits | contiguous | mean compactness | population variation (sd / mean) | mean trip km |"
        case .groupingsSelfSufficientColumn(let product): " \(product): self-sufficient circuits (lowest) |"
        case .groupingsSelfSufficient(let count, let of, let lowest): "\(count) of \(of) (\(lowest))"
        case .groupingsChanged(let changed, let of): "\n\(changed) of \(of) territories change circuit-mates between the groupings.\n"
        case .workbench(let word):
            // The workbench page (territorio serve).
            switch word {
            case .title: "Circuit workbench"
            case .circuits: "Circuits"
            case .selectedCircuit: "Selected circuit"
            case .newCircuit: "New circuit"
            case .newCircuitPrompt: "Code of the new circuit (then click its first territory)"
            case .newCircuitHint: "Click the first territory of the new circuit"
            case .rename: "Rename"
            case .renamePrompt: "New name of the circuit"
            case .merge: "Merge"
            case .mergePrompt: "Code of the circuit to merge into the selected one"
            case .delete: "Delete"
            case .deleteConfirm: "Delete the circuit? Its territories are left in no circuit."
            case .undo: "Undo"
            case .redo: "Redo"
            case .suggest: "Start from group suggest"
            case .saveCSV: "Save grouping CSV"
            case .saveScenario: "Save scenario"
            case .scenarioPrompt: "Name of the scenario (up to 3 are kept)"
            case .compare: "Compare scenarios"
            case .exportReport: "Export report"
            case .computing: "computing…"
            case .population: "Population"
            case .families: "Families"
            case .contiguous: "Contiguous"
            case .cutOff: "parts cut off"
            case .compactness: "Compactness"
            case .selfSupply: "Self-supply"
            case .exportableSurplus: "Exportable surplus"
            case .bottleneck: "Bottleneck"
            case .toAdd: "Capacity to add"
            case .intermediated: "Through intermediaries"
            case .delivered: "Delivered"
            case .changeFromStart: "Change from the start"
            case .wholeGrouping: "Whole grouping"
            case .circuit: "Circuit"
            case .product: "Product"
            case .stage: "Stage"
            case .capacity: "Capacity"
            case .unit: "Unit"
            case .moveHint: "Click a territory to move it into the selected circuit; shift-drag a box to move many."
            case .addFacility: "Add a facility"
            case .addFacilityHint: "Click the map where the facility stands"
            case .add: "Add"
            case .cancel: "Cancel"
            case .deltas: "Changes the facility makes"
            case .scenarios: "Scenarios"
            case .start: "Start"
            case .current: "Current"
            case .noCircuit: "in no circuit"
            case .territoriesMoved: "Territories moved"
            case .contiguousShare: "Contiguous circuits"
            case .meanCompactness: "Mean compactness"
            case .populationVariation: "Population variation (sd / mean)"
            case .close: "Close"
            case .none: "none"
            }

        case .errorLabel: "error"
        case .warningLabel: "warning"
        case .noteLabel: "note"
        case .linesNotShown(let hidden, let limit):
            "\(hidden) more line\(hidden == 1 ? "" : "s") about single features not shown (the first \(limit) are above; --verbose shows every one)"
        case .location(let file, let line, let column, let feature, let id):
            file + (line.map { ":\($0)" + (column.map { ":\($0)" } ?? "") } ?? "")
                + (feature.map { ": " + english(.feature(index: $0, id: id)) } ?? "")
        case .feature(let index, let id): "feature \(index)" + (id.map { " (id \($0))" } ?? "")
        // Geo keeps these errors' English, for its own users.
        case .readProblem(let reason): reason.description
        case .crsProblem(let error): error.description
        case .noField(let flag, let name, let file, let present, let suggestion):
            "\(flag): no field '\(name)' in \(file); fields: "
                + (present.isEmpty ? "none" : present.prefix(30).joined(separator: ", ") + (present.count > 30 ? ", ... (\(present.count) in all)" : ""))
                + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        case .usage(let problem):
            switch problem {
            case .giveFileOrStudyKey(let flag, let key, let study):
                study.map { "give \(flag) FILE, or \"\(key)\" in \($0)" } ?? "give \(flag) FILE, or --study FILE naming \"\(key)\""
            case .studyNamesSeveralChains(let study, let chains, let command):
                "\(study) names \(chains.count) chains (\(chains.joined(separator: ", "))); \(command) takes one: give --chain FILE"
            case .reportIsMarkdown(let report):
                "--report \(report): this command writes its report in Markdown; name it .md (coverage and distribute write HTML)"
            case .nameAChain: "name at least one --chain (or \"chains\" in the --study file)"
            case .needs(let flag, let other): "\(flag) needs \(other)"
            case .atLeast(let flag, let minimum, let given): "\(flag) must be \(minimum) or more" + (given.map { ", not \($0)" } ?? "")
            case .mapFormat(let output): "-o \(output): the format follows the extension: .png, .svg, .pdf or .html"
            }
        case .rowsSetAside(let file, let count, let rejects): "\(file): \(count) row(s) set aside in \(rejects)"
        case .farOutside(let file, let count, let of, let reference, let first):
            "\(file): \(count) of \(of) features lie far outside \(reference) (\(first)): latitude and longitude swapped, or another CRS? Give it with --s-crs"
        case .wrote(let file): "wrote \(file)"
        case .noProblems(let file): "\(file): no problems"
        case .repaired(let file, let count): "\(file): \(count) repaired"
        case .problemsFound(let file, let count): "\(file): \(count) problem(s)"
        case .layersDrawn(let output, let layers, let features): "\(output): \(layers) layer(s), \(features) features drawn"
        case .islands(let count, let of):
            "\(count) of \(of) territories touch no other: islands, or boundaries with small gaps between neighbours; for gaps, --snap 50m counts units within 50 m as neighbours"
        case .unreachableTerritories(let count, let of, let maxSnap):
            "\(count) of \(of) territories are beyond --max-snap \(maxSnap) of the roads: written as uncovered"
        case .groupsWritten(let file, let groups, let coverageUnion, let unaryUnion):
            "\(file): \(groups) groups written (\(coverageUnion) by coverage union, \(unaryUnion) by unary union)"
        case .joinSummary(let file, let inside, let snapped, let outside):
            "\(file): \(inside) inside a territory, \(snapped) snapped, \(outside) outside (written without a code)"
        case .pointOutside(let place, let at): "\(place): outside every territory" + (at.map { " at \($0)" } ?? "")
        case .pointSnapped(let place, let code, let metres): "\(place): snapped to \(code), \(metres) m away"
        case .pointUnreachable(let place, let metres): "\(place): unreachable, \(metres.map { "\($0) m" } ?? "no road") from the network"
        case .notWGS84(let crs): "output is in \(crs), not WGS 84: it carries a crs member and is not RFC 7946 GeoJSON"

        case .suggestUnassigned(let count, let first): "\(count) territories could join no circuit meeting the floor: \(first)"
        case .suggestCircuits(let file, let circuits, let objective): "\(file): \(circuits) circuits (objective \(objective))"
        case .suggestJoinedIslands(let file, let count, let list):
            "\(file): \(count) territories touch no other and were joined to the nearest (--islands join-nearest): \(list)"
        case .suggestJoinedTo(let territory, let nearest): "\(territory) (joined to \(nearest))"
        case .suggestTitle: "# Suggested circuits\n\n"
        case .suggestColumns(let roads, let products):
            "| circuit | units | contiguous | parts | compactness | population | area km² | mean trip km |"
                + (roads ? " mean trip min |" : "") + products.map { " \($0) self-sufficiency |" }.joined()
        case .suggestSummary(let circuits, let contiguous, let compactness, let variation):
            "\(circuits) circuits; \(contiguous) % contiguous; mean compactness \(compactness); population variation (sd / mean) \(variation)"
        case .suggestJoinedIslandsParagraph(let count, let list):
            "\(count) territories touch no other and were joined to the nearest territory, whose circuit counts as contiguous with them: \(list)."
        case .yes: "yes"
        case .no: "no"

        case .demoStep(let step):
            switch step {
            case .validate: "validate the parishes"
            case .hierarchy: "check the state > municipality > parish hierarchy"
            case .locate: "locate every actor in its parish"
            case .catchments: "draw the milk collection catchments"
            case .coverage: "measure how well each circuit covers its people"
            case .distribute: "route cheese with the fewest tonnes through intermediaries"
            case .compare: "compare two groupings of the parishes into circuits"
            case .suggest: "suggest circuits of at least 100,000 people"
            case .coverageMap: "map the circuits' cheese coverage and the routes"
            case .catchmentsMap: "map the milk collection catchments"
            case .webMap: "an interactive map of the parishes, routes and actors"
            }
        case .demoMapTitle(let map):
            switch map {
            case .coverage: "Cheese: how far each circuit feeds itself, and the routes"
            case .catchments: "Milk collection catchments: demand over capacity"
            case .web: "The sample territory: actors by stage and cheese routes"
            }
        case .demoNoData(let folder): "\(folder): no parishes.geojson here; run from the repository's top folder or give --data"
        case .demoStepFailed(let step, let command, let error): "demo step \"\(step)\" failed (\(command)): \(error)"
        case .demoFigureNotThere(let page, let file, let folder): "\(page): \(file) is not in \(folder); the page says so where the figure goes"
        }
    }
}

// Seasons and monitoring (Territory/Seasons, Territory/Monitoring).
extension SeasonWord {
    var english: String {
        switch self {
        case .month(let number):
            ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"][number - 1]
        case .title: "# Coverage through the year\n\n"
        case .sites(let withProfile, let flat, let storing):
            "\(withProfile) sites with a season profile, \(flat) flat (the same capacity every month), \(storing) with storage.\n\n"
        case .idle(let months): "Sites idle (a share of 0) and left out, by month: \(months).\n\n"
        case .noWrap: "Stores start empty in January; what is left in December is not carried to January.\n\n"
        case .worstHeading: "## The worst month per circuit and product\n\n"
        case .worstIntro:
            "The month each circuit feeds the smallest share of its own demand, its stores counted: the month its bottleneck bites.\n\n"
        case .worstHeader:
            "| circuit | product | worst month | self-sufficiency | unfed | bottleneck | carried in by stores |\n|---|---|---|---:|---:|---|---:|\n"
        case .noDemand: "no demand"
        case .selfSufficiencyHeading(let product): "## \(product): self-sufficiency by month (%, stores counted)\n\n"
        case .surplusHeading(let product, let unit): "## \(product): exportable surplus by month (\(unit))\n\n"
        case .carriedHeading(let product, let unit): "## \(product): stock carried into the next month (\(unit))\n\n"
        case .sparklineCaption(let product): "\(product): self-sufficiency of each circuit, January to December"
        case .tally(let file, let withProfile, let flat, let storing):
            "\(file): \(withProfile) sites with a season profile, \(flat) flat (the same capacity every month), \(storing) with storage"
        case .monthTally(let month, let idle): "\(month): \(idle) sites idle (a share of 0), left out"
        case .monitorTitle: "# Circuits over time\n\n"
        case .monitorSnapshots(let count, let first, let last): "\(count) snapshots of the sites, from \(first) to \(last).\n\n"
        case .monitorSeriesHeading(let product): "## \(product) over time\n\n"
        case .monitorSeriesHeader:
            "| circuit | date | actors | capacity (final product) | self-supply | exportable surplus | intermediated | people fed | trend |\n|---|---|---:|---:|---:|---:|---:|---:|---|\n"
        case .monitorActorsHeading: "## Actors by stage\n\n"
        case .monitorActorsHeader: "| circuit | date | stage | actors |\n|---|---|---|---:|\n"
        case .monitorNewActors(let date, let ids): "- \(date): new actors: \(ids)\n"
        case .monitorVanishedActors(let date, let ids): "- \(date): vanished actors: \(ids)\n"
        case .monitorNoChange(let date): "- \(date): no actor new or vanished\n"
        case .monitorProgressHeading: "## Progress of the territories\n\n"
        case .monitorProgressHeader: "| date | category | territories |\n|---|---|---:|\n"
        case .monitorTally(let snapshots, let circuits, let new, let vanished):
            "\(snapshots) snapshots, \(circuits) circuits; \(new) actors new and \(vanished) vanished over the period"
        }
    }
}

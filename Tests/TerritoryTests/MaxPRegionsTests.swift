import Foundation
import Testing
@testable import Geo
@testable import Territory

@Suite struct MaxPRegionsTests {
    /// A w x h grid of unit cells, rook neighbours, one person each.
    static func grid(_ w: Int, _ h: Int) -> MaxPRegions {
        let units = (0..<(w * h)).map { MaxPRegions.Unit(x: Double($0 % w), y: Double($0 / w), area: 1, population: 1) }
        let neighbours = (0..<(w * h)).map { cell -> [Int] in
            let (x, y) = (cell % w, cell / w)
            return [(x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)].filter { $0.0 >= 0 && $0.0 < w && $0.1 >= 0 && $0.1 < h }.map { $0.1 * w + $0.0 }.sorted()
        }
        return MaxPRegions(units: units, neighbours: neighbours)
    }

    func check(_ solver: MaxPRegions, _ solution: MaxPRegions.Solution, floor: Int) {
        for region in 0..<solution.regions {
            let members = solution.regionOfUnit.indices.filter { solution.regionOfUnit[$0] == region }
            #expect(members.count >= floor, "region \(region) has \(members.count)")
            // Contiguous: one connected part.
            var seen: Set<Int> = [members[0]]
            var stack = [members[0]]
            while let unit = stack.popLast() {
                for next in solver.neighbours[unit] where members.contains(next) && seen.insert(next).inserted { stack.append(next) }
            }
            #expect(seen.count == members.count, "region \(region) is not contiguous")
        }
    }

    @Test func twoByThreeInPairsGivesThreeRegions() {
        var solver = Self.grid(3, 2)
        solver.minimumUnits = 2
        let solution = solver.solve()
        #expect(solution.regions == 3)  // 6 cells, at least 2 each: 3 is the most
        check(solver, solution, floor: 2)
    }

    @Test func fourByFourInFoursGivesFourRegions() {
        var solver = Self.grid(4, 4)
        solver.minimumPopulation = 4
        let solution = solver.solve()
        #expect(solution.regions == 4)
        #expect(!solution.regionOfUnit.contains(-1))
        check(solver, solution, floor: 4)
    }

    @Test func sameSeedSameResultAndLocksHold() {
        var solver = Self.grid(6, 6)
        solver.minimumUnits = 5
        solver.locked = [0: 0, 35: 1]
        solver.seed = 7
        let first = solver.solve(), second = solver.solve()
        #expect(first.regionOfUnit == second.regionOfUnit)
        #expect(first.regionOfUnit[0] != first.regionOfUnit[35])
        check(solver, first, floor: 5)
    }

    @Test func aSelfSufficiencyFloorHoldsInEveryRegion() {
        // A strip of 6 cells, one person each; only cells 0 and 5 produce
        // (3 units each). At least half of each region's demand covered:
        // {0, 1, 2} and {3, 4, 5} at most, never a region without a producer.
        var solver = Self.grid(6, 1)
        solver.units = solver.units.enumerated().map { index, unit in
            var unit = unit
            unit.supply = [index == 0 || index == 5 ? 3 : 0]
            return unit
        }
        solver.minimumSelfSufficiency = 0.5
        solver.demandPerPerson = 1
        let solution = solver.solve()
        #expect(solution.regions == 2)
        for region in 0..<solution.regions {
            let members = solution.regionOfUnit.indices.filter { solution.regionOfUnit[$0] == region }
            let supply = members.reduce(0.0) { $0 + solver.units[$1].supply[0] }
            #expect(supply / Double(members.count) >= 0.5)
        }
        check(solver, solution, floor: 1)
    }

    @Test func skaterSplitsWhereValuesChange() {
        // A 3 x 2 grid whose left column is 1, middle 5, right 9.
        var solver = Self.grid(3, 2)
        solver.units = solver.units.enumerated().map { index, unit in
            var unit = unit
            unit.value = [1.0, 5, 9][index % 3]
            return unit
        }
        let solution = Skater(solver: solver, regions: 3).solve()
        #expect(solution.regions == 3)
        #expect(solution.regionOfUnit == [0, 1, 2, 0, 1, 2])
        #expect(solution.objective == 0)
    }

    @Test func regionsStayWithinTheirParent() throws {
        // Two 3 x 4 halves of a 6 x 4 grid, no links across.
        var solver = Self.grid(6, 4)
        solver.neighbours = solver.neighbours.enumerated().map { cell, list in list.filter { ($0 % 6 < 3) == (cell % 6 < 3) } }
        solver.minimumUnits = 4
        let solution = solver.solve()
        for region in 0..<solution.regions {
            let sides = Set(solution.regionOfUnit.indices.filter { solution.regionOfUnit[$0] == region }.map { $0 % 6 < 3 })
            #expect(sides.count == 1)
        }
        #expect(solution.regions == 6)
        check(solver, solution, floor: 4)
    }
}

@Suite(.enabled(if: SharedGeodata.isPresent, "../shared/geodata is absent: Bolivian grouping skipped"))
struct RealGroupingTests {
    @Test func bolivianMunicipalitiesInCircuitsOfFiveWithinTheirDepartments() throws {
        let municipalities = try Layer.readGeoJSON(path: SharedGeodata.folder.appendingPathComponent("bolivia/bo_municipios_geoboundaries_adm3_con_pcodes.geojson").path)
        // No population: the floor counts units.
        let study = try Study(territories: try StudyTerritories(municipalities, file: "bolivia", idField: "ADM3_PCODE", populationField: nil))
        var suggestion = GroupingSuggestion()
        suggestion.within = "ADM1_PCODE"
        suggestion.minimumUnits = 5
        suggestion.islands = .own
        let result = try suggestion.run(study)
        let department = Dictionary(uniqueKeysWithValues: municipalities.features.map {
            ($0.properties["ADM3_PCODE"]!.text, $0.properties["ADM1_PCODE"]!.text)
        })
        let evaluation = try GroupingEvaluation(study.regrouped(result.grouping, file: "<suggested>"))
        for circuit in evaluation.circuits {
            #expect(circuit.contiguous, "\(circuit.id): \(circuit.components.count) parts")
            #expect(circuit.units >= 5, "\(circuit.id)")
            #expect(Set(result.grouping.territories(of: circuit.id).map { department[$0]! }).count == 1, "\(circuit.id)")
        }
        #expect(result.regions >= 50)
        #expect(result.grouping.rows.count + result.unassigned.count == 339)
    }
}

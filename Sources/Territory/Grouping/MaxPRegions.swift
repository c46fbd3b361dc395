import Foundation

/// Contiguity-constrained regionalisation in the max-p family (Duque,
/// Anselin and Rey 2012): as many regions as possible, each contiguous and
/// meeting a floor (population, or number of units), then a local search
/// that moves border units between neighbouring regions while every region
/// stays contiguous and above its floor, lowering the objective.
///
/// Deterministic for a seed. Locked units keep their region and never move.
public struct MaxPRegions: Sendable {
    public enum Objective: Sendable, Equatable {
        /// Sum over regions of area-weighted squared distances of units to
        /// the region's centre: low for round, compact regions.
        case compactness
        /// Sum of squared deviations of a value from its region's mean.
        case heterogeneity
        /// Sum of population x distance to the region's population-weighted centre.
        case travel
    }

    public struct Unit: Sendable {
        public var x: Double
        public var y: Double
        public var area: Double
        public var population: Double
        /// The value `heterogeneity` works on.
        public var value: Double
        /// Capacity of each limiting stage of a chain here, in final
        /// product, for a self-sufficiency floor.
        public var supply: [Double]

        public init(x: Double, y: Double, area: Double, population: Double, value: Double = 0, supply: [Double] = []) {
            self.x = x; self.y = y; self.area = area; self.population = population; self.value = value; self.supply = supply
        }
    }

    public var units: [Unit]
    public var neighbours: [[Int]]
    /// The floor each region must meet: a sum of population, or a count of units.
    public var minimumPopulation: Double = 0
    public var minimumUnits = 1
    /// With `demandPerPerson` (final product a month): each region's
    /// weakest stage must cover this share of its people's demand.
    public var minimumSelfSufficiency: Double?
    public var demandPerPerson = 0.0
    public var objective: Objective = .compactness
    /// Region each locked unit must be in (same number = same region).
    public var locked: [Int: Int] = [:]
    public var seed: UInt64 = 1
    /// Growth attempts; the one with most regions (then lowest objective) wins.
    public var attempts = 30
    public var localSearchRounds = 50

    public init(units: [Unit], neighbours: [[Int]]) {
        self.units = units
        self.neighbours = neighbours
    }

    public struct Solution: Sendable {
        /// Region of each unit (0 ..< regions); -1 for a unit no region could take.
        public var regionOfUnit: [Int]
        public var regions: Int
        public var objective: Double
    }

    public func solve(progress: ((Int, Int) -> Void)? = nil) -> Solution {
        var random = SplitMix(seed: seed)
        var best: Solution?
        for attempt in 0..<attempts {
            progress?(attempt, attempts)
            guard let grown = grow(&random) else { continue }
            let value = objectiveValue(grown.regionOfUnit, regions: grown.regions)
            let out = grown.regionOfUnit.filter { $0 < 0 }.count
            let bestOut = best.map { $0.regionOfUnit.filter { $0 < 0 }.count } ?? .max
            if best == nil || grown.regions > best!.regions
                || (grown.regions == best!.regions && (out < bestOut || (out == bestOut && value < best!.objective))) {
                best = Solution(regionOfUnit: grown.regionOfUnit, regions: grown.regions, objective: value)
            }
        }
        guard var solution = best else { return Solution(regionOfUnit: units.map { _ in -1 }, regions: 0, objective: 0) }
        solution = improve(solution)
        return renumbered(solution)
    }

    // MARK: Growth

    /// What a region adds up to, for its floor.
    struct Totals {
        var population = 0.0
        var count = 0
        var supply: [Double] = []

        mutating func add(_ unit: Unit) {
            population += unit.population
            count += 1
            if supply.isEmpty { supply = unit.supply } else { for s in supply.indices { supply[s] += unit.supply[s] } }
        }
    }

    func totals(of members: some Sequence<Int>) -> Totals {
        var totals = Totals()
        for member in members { totals.add(units[member]) }
        return totals
    }

    func meetsFloor(_ totals: Totals) -> Bool {
        guard totals.population >= minimumPopulation, totals.count >= minimumUnits else { return false }
        guard let minimumSelfSufficiency else { return true }
        let demand = totals.population * demandPerPerson
        guard demand > 0 else { return true }
        return (totals.supply.min() ?? 0) / demand >= minimumSelfSufficiency
    }

    /// One growth pass: locked groups first, then regions grown from random
    /// seeds until they meet the floor; units left over join a neighbouring
    /// region, or stay out (-1) when no region can reach them.
    private func grow(_ random: inout SplitMix) -> (regionOfUnit: [Int], regions: Int)? {
        var region = [Int](repeating: -1, count: units.count)
        var regionTotals: [Totals] = []
        // Locked groups are regions from the start.
        var lockRegion: [Int: Int] = [:]
        for unit in locked.keys.sorted() {
            let group = locked[unit]!
            if lockRegion[group] == nil { lockRegion[group] = regionTotals.count; regionTotals.append(Totals()) }
            region[unit] = lockRegion[group]!
            regionTotals[region[unit]].add(units[unit])
        }
        // Grow the locked groups below the floor, then new regions from seeds.
        var order = Array(units.indices)
        random.shuffle(&order)
        var pending = Array(0..<regionTotals.count).filter { !meetsFloor(regionTotals[$0]) }
        var enclaves: [Int] = []
        var seeds = order.makeIterator()
        while true {
            let current: Int
            if let next = pending.popLast() {
                current = next
            } else {
                guard let start = (seeds.next()).flatMap({ region[$0] == -1 ? $0 : nil }) ?? nextFree(&seeds, region) else { break }
                current = regionTotals.count
                regionTotals.append(Totals())
                regionTotals[current].add(units[start])
                region[start] = current
            }
            // Add the free neighbour that suits the objective best until the
            // floor is met; the region's centre and frontier kept as it grows.
            var members = region.indices.filter { region[$0] == current }
            var centre = Centre()
            for member in members { centre.add(units[member]) }
            var frontier = Set(members.flatMap { neighbours[$0] }.filter { region[$0] == -1 })
            while !meetsFloor(regionTotals[current]) {
                guard let pick = frontier.min(by: { a, b in
                    let (da, db) = (centre.distance(to: units[a], by: objective), centre.distance(to: units[b], by: objective))
                    return da != db ? da < db : a < b
                }) else { break }
                frontier.remove(pick)
                region[pick] = current
                members.append(pick)
                centre.add(units[pick])
                regionTotals[current].add(units[pick])
                for next in neighbours[pick] where region[next] == -1 { frontier.insert(next) }
            }
            if !meetsFloor(regionTotals[current]) {
                // Cannot reach the floor: its units become enclaves.
                for unit in region.indices where region[unit] == current && locked[unit] == nil {
                    region[unit] = -2
                    enclaves.append(unit)
                }
            }
        }
        // Regions are numbered by creation; failed ones left gaps.
        var used = Array(Set(region.filter { $0 >= 0 })).sorted()
        var renumber: [Int: Int] = [:]
        for (number, old) in used.enumerated() { renumber[old] = number }
        for unit in region.indices where region[unit] >= 0 { region[unit] = renumber[region[unit]]! }
        used = Array(0..<used.count)
        // Enclaves join the neighbouring region they sit closest to, repeatedly.
        var left = enclaves + region.indices.filter { region[$0] == -1 }
        while !left.isEmpty {
            var progress = false
            for unit in left where region[unit] < 0 {
                // Only regions still meeting their floor with it: a ratio
                // floor (self-sufficiency) can fall as people join.
                let options = Set(neighbours[unit].map { region[$0] }.filter { $0 >= 0 }).sorted().filter { target in
                    var with = totals(of: region.indices.filter { region[$0] == target })
                    with.add(units[unit])
                    return meetsFloor(with)
                }
                guard let choice = options.min(by: { closenessToRegion(unit, $0, region) < closenessToRegion(unit, $1, region) }) else { continue }
                region[unit] = choice
                progress = true
            }
            left = left.filter { region[$0] < 0 }
            if !progress {
                // No region can reach these (a parent with too few units): left out, and reported.
                for unit in left { region[unit] = -1 }
                break
            }
        }
        return (region, used.count)
    }

    private func nextFree(_ seeds: inout IndexingIterator<[Int]>, _ region: [Int]) -> Int? {
        while let unit = seeds.next() { if region[unit] == -1 { return unit } }
        return nil
    }

    /// How well `unit` fits `members`: distance to their centre (or value
    /// difference for heterogeneity).
    private func closeness(_ unit: Int, to members: [Int]) -> Double {
        if objective == .heterogeneity {
            let mean = members.reduce(0) { $0 + units[$1].value } / Double(members.count)
            return abs(units[unit].value - mean)
        }
        let cx = members.reduce(0) { $0 + units[$1].x } / Double(members.count)
        let cy = members.reduce(0) { $0 + units[$1].y } / Double(members.count)
        return hypot(units[unit].x - cx, units[unit].y - cy)
    }

    private func closenessToRegion(_ unit: Int, _ target: Int, _ region: [Int]) -> Double {
        closeness(unit, to: region.indices.filter { region[$0] == target })
    }

    // MARK: Objective

    func objectiveValue(_ region: [Int], regions: Int) -> Double {
        var total = 0.0
        for target in 0..<regions { total += cost(of: region.indices.filter { region[$0] == target }) }
        return total
    }

    /// The objective's share from one region.
    func cost(of members: [Int]) -> Double {
        guard !members.isEmpty else { return 0 }
        switch objective {
        case .heterogeneity:
            let mean = members.reduce(0) { $0 + units[$1].value } / Double(members.count)
            return members.reduce(0) { $0 + (units[$1].value - mean) * (units[$1].value - mean) }
        case .compactness:
            let area = members.reduce(0) { $0 + units[$1].area }
            let weight = max(area, 1e-12)
            let cx = members.reduce(0) { $0 + units[$1].x * units[$1].area } / weight
            let cy = members.reduce(0) { $0 + units[$1].y * units[$1].area } / weight
            return members.reduce(0) { $0 + units[$1].area * ((units[$1].x - cx) * (units[$1].x - cx) + (units[$1].y - cy) * (units[$1].y - cy)) }
        case .travel:
            let people = members.reduce(0) { $0 + units[$1].population }
            let weight = max(people, 1e-12)
            let cx = members.reduce(0) { $0 + units[$1].x * units[$1].population } / weight
            let cy = members.reduce(0) { $0 + units[$1].y * units[$1].population } / weight
            return members.reduce(0) { $0 + units[$1].population * hypot(units[$1].x - cx, units[$1].y - cy) }
        }
    }

    // MARK: Local search

    /// Moves of border units to a neighbouring region that lower the
    /// objective, keeping the donor contiguous and above its floor.
    func improve(_ solution: Solution) -> Solution {
        var region = solution.regionOfUnit
        var members = (0..<solution.regions).map { r in Set(region.indices.filter { region[$0] == r }) }
        var costs = members.map { cost(of: Array($0).sorted()) }
        for _ in 0..<localSearchRounds {
            var moved = false
            for unit in units.indices where locked[unit] == nil && region[unit] >= 0 {
                let from = region[unit]
                let targets = Set(neighbours[unit].map { region[$0] }.filter { $0 >= 0 && $0 != from }).sorted()
                guard !targets.isEmpty else { continue }
                var donor = members[from]
                donor.remove(unit)
                guard meetsFloor(totals(of: donor)), isConnected(donor) else { continue }
                let donorCost = cost(of: donor.sorted())
                var bestGain = 1e-9, bestTarget = -1, bestCost = 0.0
                for target in targets {
                    var receiver = members[target]
                    receiver.insert(unit)
                    guard minimumSelfSufficiency == nil || meetsFloor(totals(of: receiver)) else { continue }
                    let receiverCost = cost(of: receiver.sorted())
                    let gain = costs[from] + costs[target] - donorCost - receiverCost
                    if gain > bestGain { bestGain = gain; bestTarget = target; bestCost = receiverCost }
                }
                guard bestTarget >= 0 else { continue }
                members[from].remove(unit)
                members[bestTarget].insert(unit)
                costs[from] = donorCost
                costs[bestTarget] = bestCost
                region[unit] = bestTarget
                moved = true
            }
            if !moved { break }
        }
        return Solution(regionOfUnit: region, regions: solution.regions, objective: costs.reduce(0, +))
    }

    private func isConnected(_ members: Set<Int>) -> Bool {
        guard let start = members.min() else { return false }
        var seen: Set<Int> = [start]
        var stack = [start]
        while let unit = stack.popLast() {
            for next in neighbours[unit] where members.contains(next) && seen.insert(next).inserted { stack.append(next) }
        }
        return seen.count == members.count
    }

    /// Regions numbered by their lowest unit, so equal partitions print alike.
    func renumbered(_ solution: Solution) -> Solution {
        var first: [Int: Int] = [:]
        for (unit, region) in solution.regionOfUnit.enumerated() where region >= 0 && first[region] == nil { first[region] = unit }
        let order = first.keys.sorted { first[$0]! < first[$1]! }
        var number: [Int: Int] = [:]
        for (position, region) in order.enumerated() { number[region] = position }
        return Solution(regionOfUnit: solution.regionOfUnit.map { $0 >= 0 ? number[$0]! : -1 }, regions: order.count, objective: solution.objective)
    }
}

/// The running centre (and mean value) of a growing region.
private struct Centre {
    var x = 0.0, y = 0.0, value = 0.0, count = 0.0

    mutating func add(_ unit: MaxPRegions.Unit) {
        x += unit.x; y += unit.y; value += unit.value; count += 1
    }

    func distance(to unit: MaxPRegions.Unit, by objective: MaxPRegions.Objective) -> Double {
        guard count > 0 else { return 0 }
        if objective == .heterogeneity { return abs(unit.value - value / count) }
        return hypot(unit.x - x / count, unit.y - y / count)
    }
}

/// SplitMix64, for a deterministic shuffle.
struct SplitMix: Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func shuffle(_ values: inout [Int]) {
        guard values.count > 1 else { return }
        for index in stride(from: values.count - 1, to: 0, by: -1) {
            values.swapAt(index, Int(next() % UInt64(index + 1)))
        }
    }
}

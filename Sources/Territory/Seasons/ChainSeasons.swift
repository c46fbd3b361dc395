import Foundation
import Geo

/// What a chain spec says about the year, in two optional members the
/// chain parser leaves alone:
///
///     "seasons": {"cosecha": [0, 0, 0, 0, 0, 0, 0.1, 0.3, 0.3, 0.2, 0.1, 0],
///                 "lluvias": [...]},
///     "demandByMonth": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1.2, 1.2, 1.5]
///
/// `seasons` names profiles a site may name in its season field;
/// `demandByMonth` multiplies the per-capita demand month by month
/// (default 1: the same demand every month).
public struct ChainSeasons: Sendable, Hashable {
    public var product: String
    public var seasons: [String: SeasonProfile]
    /// Twelve factors, January first.
    public var demandFactors: [Double]

    public init(product: String, seasons: [String: SeasonProfile] = [:], demandFactors: [Double] = Array(repeating: 1, count: 12)) {
        self.product = product
        self.seasons = seasons
        self.demandFactors = demandFactors
    }

    /// Whether the chain says anything about the year.
    public var isFlat: Bool { seasons.isEmpty && demandFactors.allSatisfy { $0 == 1 } }

    /// Reads `seasons` and `demandByMonth` from a chain file's bytes
    /// (already parsed as a `ChainSpec`, whose product is `product`);
    /// errors name the file and the member.
    public static func parse(_ data: Data, name: String, product: String) throws(ReadError) -> ChainSeasons {
        let root = try SpecObject(JSONValue(parsingJSON: Array(data), name: name), place: "the chain", file: name, kind: "a chain spec")
        var result = ChainSeasons(product: product)
        if let seasons = try root.object("seasons", kind: "named seasons (an object of season: [12 shares])") {
            for member in seasons.object.members {
                let numbers = try twelve(member.value, place: "seasons.\(member.key)", file: name)
                switch SeasonProfile.make(numbers) {
                case .success(let profile): result.seasons[member.key] = profile
                case .failure(let error): throw ReadError(file: name, message: "seasons.\(member.key): \(error)")
                }
            }
        }
        if let value = root.object.members.first(where: { $0.key == "demandByMonth" })?.value, value != .null {
            let factors = try twelve(value, place: "demandByMonth", file: name)
            guard factors.count == 12 else {
                throw ReadError(file: name, message: "demandByMonth has \(factors.count) factors; give 12 (January to December), 1 for a month of usual demand")
            }
            if let bad = factors.firstIndex(where: { !($0 >= 0 && $0.isFinite) }) {
                throw ReadError(file: name, message: "demandByMonth: the factor of month \(bad + 1) is \(factors[bad]); factors are numbers of 0 or more")
            }
            result.demandFactors = factors
        }
        return result
    }

    /// An array of numbers (any count: the caller checks twelve).
    private static func twelve(_ value: JSONValue, place: String, file: String) throws(ReadError) -> [Double] {
        guard case .array(let values) = value else {
            throw ReadError(file: file, message: "\(place): expected an array of 12 numbers, found \(value.typeName)")
        }
        var numbers: [Double] = []
        for (index, value) in values.enumerated() {
            guard let number = value.doubleValue else {
                throw ReadError(file: file, message: "\(place)[\(index)]: expected a number, found \(value.typeName)")
            }
            numbers.append(number)
        }
        return numbers
    }

    /// The chain as it stands in `month`: its per-capita demand times the month's factor.
    public func chain(_ chain: ChainSpec, in month: Month) -> ChainSpec {
        var monthly = chain
        monthly.demandPerPersonMonth = chain.demandPerPersonMonth * demandFactors[month.index]
        return monthly
    }
}

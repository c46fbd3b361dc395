import Foundation

/// Numbers as the legend and the scale bar show them: as few decimals as
/// tell the values apart, thousands grouped with commas.
enum NumberFormat {
    /// Decimals for a set of class bounds: none when every bound is whole;
    /// else one more than the order of magnitude of the typical step asks
    /// for, then more until no two different bounds print alike (at most 6).
    static func decimals(for bounds: [Double]) -> Int {
        let finite = bounds.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return 0 }
        if finite.allSatisfy({ $0 == $0.rounded() }) { return 0 }
        let step = (high - low) / Double(max(finite.count - 1, 1))
        // A step of infinity (values of ±1e308) would trap in Int(): no decimals then.
        var decimals = step > 0 && step.isFinite ? max(0, 1 - Int(log10(step).rounded(.down))) : step > 0 ? 0 : 2
        decimals = min(decimals, 6)
        let distinct = Set(finite)
        while decimals < 6 && Set(distinct.map { format($0, decimals: decimals) }).count < distinct.count {
            decimals += 1
        }
        // No trailing zeros common to every bound: 0.001, not 0.0010.
        func exact(_ value: Double, _ places: Int) -> Bool {
            let scale = pow(10, Double(places))
            return abs((value * scale).rounded() / scale - value) <= 1e-9 * max(1, abs(value))
        }
        while decimals > 0 && finite.allSatisfy({ exact($0, decimals - 1) }) { decimals -= 1 }
        return decimals
    }

    /// `value` with `decimals` places and thousands grouped: 515,543 or 0.05.
    static func format(_ value: Double, decimals: Int) -> String {
        var text = String(format: "%.\(decimals)f", value)
        if text.hasPrefix("-") && Double(text) == 0 { text.removeFirst() }  // no "-0"
        let negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        let parts = text.split(separator: ".", maxSplits: 1)
        var whole = String(parts[0])
        if whole.count > 3 {
            var grouped = ""
            for (index, character) in whole.enumerated() {
                if index > 0 && (whole.count - index) % 3 == 0 { grouped.append(",") }
                grouped.append(character)
            }
            whole = grouped
        }
        return (negative ? "-" : "") + whole + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// A length with the fewest digits it needs: 500, 2.5, 10.
    static func short(_ value: Double) -> String {
        for decimals in 0...3 where abs(value - (value * pow(10, Double(decimals))).rounded() / pow(10, Double(decimals))) < 1e-9 {
            return format(value, decimals: decimals)
        }
        return format(value, decimals: 3)
    }
}

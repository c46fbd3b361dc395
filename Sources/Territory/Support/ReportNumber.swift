import Foundation

/// Numbers as the Markdown reports print them: thousands grouped with
/// commas, a point for decimals, whatever the machine's locale.
enum ReportNumber {
    static func grouped(_ value: Double, minimumFractionDigits: Int = 0, maximumFractionDigits: Int) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.groupingSeparator = ","
        formatter.decimalSeparator = "."
        formatter.minimumFractionDigits = minimumFractionDigits
        formatter.maximumFractionDigits = maximumFractionDigits
        return formatter.string(from: NSNumber(value: value)) ?? String(value)
    }
}

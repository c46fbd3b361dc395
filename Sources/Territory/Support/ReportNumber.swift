import Foundation

/// Numbers as the Markdown reports print them: thousands grouped and the
/// decimal mark of the report's language (`1,234.5` in English, `1.234,5`
/// in Spanish), whatever the machine's locale.
enum ReportNumber {
    static func grouped(_ value: Double, minimumFractionDigits: Int = 0, maximumFractionDigits: Int,
                        language: Language = .en) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.groupingSeparator = language.separators.grouping
        formatter.decimalSeparator = language.separators.decimal
        formatter.minimumFractionDigits = minimumFractionDigits
        formatter.maximumFractionDigits = maximumFractionDigits
        return formatter.string(from: NSNumber(value: value)) ?? String(value)
    }
}

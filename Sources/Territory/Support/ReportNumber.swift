import Foundation

/// Numbers as the Markdown reports print them: thousands grouped and the
/// decimal mark of the report's language (`1,234.5` in English, `1.234,5`
/// in Spanish), whatever the machine's locale.
enum ReportNumber {
    static func grouped(_ value: Double, minimumFractionDigits: Int = 0, maximumFractionDigits: Int,
                        language: Language = .en) -> String {
        let formatter = formatter(minimumFractionDigits: minimumFractionDigits, maximumFractionDigits: maximumFractionDigits,
                                  language: language)
        // Foundation on Linux does not cut to maximumFractionDigits
        // (1.334,987), so the value is rounded first.
        let scale = pow(10, Double(maximumFractionDigits))
        let rounded = (value * scale).rounded() / scale
        return formatter.string(from: NSNumber(value: rounded == 0 ? 0 : rounded)) ?? String(value)
    }

    /// One formatter per language and digits, per thread: making a
    /// `NumberFormatter` (ICU underneath) cost more than the rest of a
    /// national coverage report (issue 23), and a formatter is not safe to
    /// share between threads.
    private static func formatter(minimumFractionDigits: Int, maximumFractionDigits: Int, language: Language) -> NumberFormatter {
        let key = "territorio.ReportNumber.\(language.rawValue).\(minimumFractionDigits).\(maximumFractionDigits)"
        let cache = Thread.current.threadDictionary
        if let formatter = cache[key] as? NumberFormatter { return formatter }
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.groupingSeparator = language.separators.grouping
        formatter.decimalSeparator = language.separators.decimal
        formatter.minimumFractionDigits = minimumFractionDigits
        formatter.maximumFractionDigits = maximumFractionDigits
        cache[key] = formatter
        return formatter
    }
}

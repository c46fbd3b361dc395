import Foundation

/// A length typed with its unit, as flags take it: `500m`, `5km`, `2.5 km`.
public enum Distance {
    /// Metres in `text`. A bare number is refused (nil) unless it is 0:
    /// `--radius 5` read as 5 m once laid a 38 GB grid for what was meant
    /// as 5 km, so the unit is always written; nothing needs no unit.
    public static func metres(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        for (suffix, factor) in [("km", 1000.0), ("m", 1.0)] where trimmed.hasSuffix(suffix) {
            guard let value = Double(trimmed.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)),
                  value.isFinite, value >= 0, (value * factor).isFinite else { return nil }
            return value * factor
        }
        guard let value = Double(trimmed), value == 0 else { return nil }
        return 0
    }

    /// Why `text` is not a distance for `flag`, for a usage error:
    /// "--radius needs a unit: write 5m or 5km, not '5'" for a bare number,
    /// else "--radius takes a distance such as EXAMPLE, not 'TEXT'".
    public static func complaint(about text: String, flag: String, example: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let value = Double(trimmed), value.isFinite, value > 0 {
            return "\(flag) needs a unit: write \(trimmed)m or \(trimmed)km, not '\(text)'"
        }
        return "\(flag) takes a distance such as \(example), not '\(text)'"
    }
}

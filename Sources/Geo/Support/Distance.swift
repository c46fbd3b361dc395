import Foundation

/// A length typed with its unit, as flags take it: `500m`, `5km`, `2.5 km`.
public enum Distance {
    /// Metres in `text`; a bare number is metres.
    public static func metres(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        for (suffix, factor) in [("km", 1000.0), ("m", 1.0)] where trimmed.hasSuffix(suffix) {
            guard let value = Double(trimmed.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)),
                  value.isFinite, value >= 0 else { return nil }
            return value * factor
        }
        guard let value = Double(trimmed), value.isFinite, value >= 0 else { return nil }
        return value
    }
}

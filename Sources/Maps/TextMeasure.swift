import CCairo

/// Text widths from Cairo's own font machinery, so that the layout (legend
/// columns, label boxes) matches what Cairo draws. The HTML's browser font
/// may differ by a few per cent.
final class TextMeasure {
    static let fontFamily = "sans-serif"

    private let surface: OpaquePointer
    private let context: OpaquePointer

    init() {
        surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)
        context = cairo_create(surface)
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    /// The advance width of `text` at `size`.
    func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        TextMeasure.select(context, size: size, bold: bold)
        var extents = cairo_text_extents_t()
        cairo_text_extents(context, text, &extents)
        return extents.x_advance
    }

    /// `text` broken into lines no wider than `width`: at spaces, and a
    /// word wider than the line alone is split between its characters.
    /// Nothing is left out; every line holds at least one character.
    func wrapped(_ text: String, size: Double, bold: Bool = false, width maximum: Double) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if width(candidate, size: size, bold: bold) <= maximum {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            current = ""
            // The word alone: split it when it is wider than a line.
            for character in word {
                let longer = current + String(character)
                if !current.isEmpty && width(longer, size: size, bold: bold) > maximum {
                    lines.append(current)
                    current = String(character)
                } else {
                    current = longer
                }
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// `text` cut with an ellipsis so that it fits in `width`.
    func fitted(_ text: String, size: Double, bold: Bool = false, width maximum: Double) -> String {
        if width(text, size: size, bold: bold) <= maximum { return text }
        var characters = Array(text)
        while !characters.isEmpty {
            characters.removeLast()
            let candidate = String(characters).trimmingTrailingSpaces + "…"
            if width(candidate, size: size, bold: bold) <= maximum { return candidate }
        }
        return "…"
    }

    static func select(_ context: OpaquePointer, size: Double, bold: Bool) {
        cairo_select_font_face(context, fontFamily, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(context, size)
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}

import CCairo

/// A canvas over a Cairo context: the same drawing for PNG, SVG and PDF.
final class CairoCanvas: Canvas {
    private let context: OpaquePointer
    private var clipped: [Bool] = []

    /// Draws on `surface`; the caller finishes and destroys the surface.
    init(surface: OpaquePointer) {
        context = cairo_create(surface)
        cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(context, CAIRO_LINE_CAP_ROUND)
        cairo_set_fill_rule(context, CAIRO_FILL_RULE_EVEN_ODD)
    }

    deinit {
        cairo_destroy(context)
    }

    /// Cairo's error for anything drawn so far, nil when all went well.
    var error: String? {
        let status = cairo_status(context)
        return status == CAIRO_STATUS_SUCCESS ? nil : String(cString: cairo_status_to_string(status))
    }

    func beginGroup(role: String, clip: PageRect?, attributes: [(String, String)]) {
        guard let clip else { clipped.append(false); return }
        cairo_save(context)
        cairo_rectangle(context, clip.x, clip.y, clip.width, clip.height)
        cairo_clip(context)
        clipped.append(true)
    }

    func endGroup() {
        if clipped.popLast() == true { cairo_restore(context) }
    }

    func beginFeature(properties: String) {}
    func endFeature() {}

    func path(_ path: PagePath, fill: Color?, stroke: Stroke?, role: String?) {
        cairo_new_path(context)
        path.coordinates.withUnsafeBufferPointer { xy in
            for range in path.subpaths where !range.isEmpty {
                cairo_move_to(context, xy[2 * range.lowerBound], xy[2 * range.lowerBound + 1])
                for index in range.dropFirst() { cairo_line_to(context, xy[2 * index], xy[2 * index + 1]) }
                if path.closed { cairo_close_path(context) }
            }
        }
        paint(fill: fill, stroke: stroke)
    }

    func circle(center: PagePoint, radius: Double, fill: Color, stroke: Stroke?, role: String?) {
        cairo_new_path(context)
        cairo_arc(context, center.x, center.y, radius, 0, 2 * Double.pi)
        cairo_close_path(context)
        paint(fill: fill, stroke: stroke)
    }

    func text(_ text: String, at point: PagePoint, style: TextStyle, role: String?) {
        TextMeasure.select(context, size: style.size, bold: style.bold)
        var x = point.x
        if style.anchor != .start {
            var extents = cairo_text_extents_t()
            cairo_text_extents(context, text, &extents)
            x -= style.anchor == .middle ? extents.x_advance / 2 : extents.x_advance
        }
        if let halo = style.halo {
            cairo_new_path(context)
            cairo_move_to(context, x, point.y)
            cairo_text_path(context, text)
            set(halo)
            cairo_set_line_width(context, style.size * 0.28)
            cairo_stroke(context)
        }
        cairo_new_path(context)
        cairo_move_to(context, x, point.y)
        set(style.color)
        cairo_show_text(context, text)
        cairo_new_path(context)
    }

    private func paint(fill: Color?, stroke: Stroke?) {
        if let fill {
            set(fill)
            if stroke != nil { cairo_fill_preserve(context) } else { cairo_fill(context) }
        }
        if let stroke {
            set(stroke.color)
            cairo_set_line_width(context, stroke.width)
            cairo_stroke(context)
        }
        cairo_new_path(context)
    }

    private func set(_ color: Color) {
        if color.alpha >= 1 {
            cairo_set_source_rgb(context, color.red, color.green, color.blue)
        } else {
            cairo_set_source_rgba(context, color.red, color.green, color.blue, color.alpha)
        }
    }
}

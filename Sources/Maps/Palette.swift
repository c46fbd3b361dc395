/// The colours of the maps: Territorio's own choices, and the ColorBrewer
/// schemes (`ColorBrewer.swift`) when asked for by name or for a signed
/// field (`RdBu`, red below 0, blue above).
public enum Palette {
    /// Light cream to deep red through orange: low to high. Classes take
    /// evenly spaced colours along it, so five classes get the anchors.
    static let sequentialAnchors = ["#fbf3d0", "#f8cf86", "#ee8f4a", "#cc4b2b", "#7f1d17"].map(Color.init(hex:))

    /// Ten hues that stay apart from each other on a light background.
    static let categorical = ["#1f6fb2", "#e07b10", "#2e9a3e", "#cf2a2a", "#7d4ba8",
                              "#8a5a3c", "#d4509a", "#5f6b73", "#b39b00", "#19a7b8"].map(Color.init(hex:))

    /// Features whose value is missing, and categories past the tenth.
    public static let noData = Color(hex: "#c9c9c9")
    public static let other = Color(hex: "#9e9e9e")

    /// Polygons drawn without a field: the first polygon layer is filled,
    /// later ones are outlines so that they do not hide what is below.
    public static let baseFill = Color(hex: "#ece8dc")
    public static let baseOutline = Color(hex: "#a8a294")
    public static let overlayOutline = Color(hex: "#4f4b43")
    /// Lines drawn without a field: neutral greys and blues; lines whose
    /// width follows a field take the accent.
    static let lines = ["#7b8087", "#3d6d99", "#5c8a36", "#7a5a8c"].map(Color.init(hex:))
    public static let weightedLine = Color(hex: "#1d5592")
    /// Drawn under coloured and weighted lines, so they read over any fill.
    public static let casing = Color(hex: "#ffffff").withAlpha(0.8)
    /// Points drawn without a field, one colour per point layer.
    static let points = ["#2b2b2b", "#6d3a8f", "#1f7a5a", "#1f5fa8"].map(Color.init(hex:))

    public static let text = Color(hex: "#222222")
    public static let secondaryText = Color(hex: "#5d5d5d")

    /// `count` colours of the sequential ramp, lightest first, from
    /// `start` (0...1) of the way along it to its dark end. Lines and
    /// points start further along, where the colours still stand out on
    /// a light background.
    public static func sequential(_ count: Int, from start: Double = 0) -> [Color] {
        guard count > 0 else { return [] }
        return (0..<count).map { index in
            let position = count == 1 ? 0.5 : Double(index) / Double(count - 1)
            return ramp(start + (1 - start) * position)
        }
    }

    /// The colour `t` (0...1) of the way along the sequential ramp.
    static func ramp(_ t: Double) -> Color {
        let scaled = (t.isNaN ? 0 : min(max(t, 0), 1)) * Double(sequentialAnchors.count - 1)
        let lower = min(Int(scaled), sequentialAnchors.count - 2)
        return sequentialAnchors[lower].mixed(with: sequentialAnchors[lower + 1], scaled - Double(lower))
    }

    /// The scheme signed fields get when none is named.
    public static let defaultDiverging = "RdBu"

    /// The colour of category `index`: the palette's colours, then, past
    /// its end, the same hues darker, then lighter, so that up to three
    /// times the palette's size categories each get a colour of their own.
    static func category(_ index: Int, in palette: [Color] = categorical) -> Color {
        let base = palette[index % palette.count]
        switch (index / palette.count) % 3 {
        case 0: return base
        case 1: return base.mixed(with: .black, 0.4)
        default: return base.mixed(with: .white, 0.5)
        }
    }

    /// Colours of a diverging scheme for `count` classes of which class
    /// `neutral` holds 0: that class takes the scheme's middle colour, the
    /// classes below it the colours towards the negative end, those above
    /// towards the positive end, as far out as each side has classes. Nil
    /// when one side has more classes than the scheme (5 per side).
    static func diverging(_ scheme: ColorBrewerScheme, count: Int, neutral: Int) -> [Color]? {
        let side = max(neutral, count - 1 - neutral)
        guard let table = scheme.colors(2 * side + 1) else { return nil }
        return (0..<count).map { table[side + $0 - neutral] }
    }

    /// `count` colours of a ColorBrewer scheme for ordered classes, low
    /// to high; lines and points (`skipLightest`) leave out its lightest
    /// colour where the scheme has one more to give.
    static func ordered(_ scheme: ColorBrewerScheme, count: Int, skipLightest: Bool) -> [Color]? {
        if skipLightest, scheme.kind == .sequential, let table = scheme.colors(count + 1), count + 1 >= 3 {
            return Array(table.dropFirst())
        }
        return scheme.colors(count)
    }
    public static func line(_ index: Int) -> Color { lines[index % lines.count] }
    public static func point(_ index: Int) -> Color { points[index % points.count] }
}

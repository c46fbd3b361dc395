import Foundation

/// A small line of a series, for tables: in Markdown, a row of block
/// characters (`▁▃▅█`); in the HTML report, an inline SVG. A missing value
/// (nil) is a gap, never drawn as 0.
public enum Sparkline {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// Blocks scaled from `low` (default the series' lowest) to its highest; `·` for a gap.
    public static func text(_ values: [Double?], low: Double? = nil) -> String {
        let known = values.compactMap { $0 }
        guard let top = known.max() else { return String(repeating: "·", count: values.count) }
        let bottom = low ?? known.min()!
        return String(values.map { value -> Character in
            guard let value else { return "·" }
            guard top > bottom else { return blocks[blocks.count / 2] }
            let position = Int(((value - bottom) / (top - bottom) * Double(blocks.count - 1)).rounded())
            return blocks[max(0, min(blocks.count - 1, position))]
        })
    }

    /// An SVG line, `width` × `height` pixels, with a dot at the last value
    /// and the lowest marked in red; gaps break the line.
    public static func svg(_ values: [Double?], width: Double = 120, height: Double = 24, low: Double? = nil) -> String {
        let known = values.compactMap { $0 }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\">"
        guard let top = known.max(), values.count > 0 else { return svg + "</svg>" }
        let bottom = min(low ?? known.min()!, top)
        let span = top > bottom ? top - bottom : 1
        let step = values.count > 1 ? (width - 4) / Double(values.count - 1) : 0
        func point(_ index: Int, _ value: Double) -> (Double, Double) {
            (2 + Double(index) * step, height - 2 - (value - bottom) / span * (height - 4))
        }
        var path = "", pen = false
        for (index, value) in values.enumerated() {
            guard let value else { pen = false; continue }
            let (x, y) = point(index, value)
            path += String(format: "%@%.1f %.1f ", pen ? "L" : "M", x, y)
            pen = true
        }
        svg += "<path d=\"\(path)\" fill=\"none\" stroke=\"#2c7fb8\" stroke-width=\"1.5\"/>"
        if let lowest = values.indices.filter({ values[$0] != nil }).min(by: { values[$0]! < values[$1]! }) {
            let (x, y) = point(lowest, values[lowest]!)
            svg += String(format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"#d7301f\"/>", x, y)
        }
        if let last = values.lastIndex(where: { $0 != nil }) {
            let (x, y) = point(last, values[last]!)
            svg += String(format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2\" fill=\"#2c7fb8\"/>", x, y)
        }
        return svg + "</svg>"
    }
}

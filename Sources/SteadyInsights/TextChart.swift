/// Small charts drawn with Unicode block characters, readable without colour.
public enum TextChart {
    private static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    private static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// A horizontal bar `fraction` (0…1) of `width` cells long, in eighths of a cell, padded
    /// with spaces to `width`. A non-zero fraction always shows at least a sliver.
    public static func bar(_ fraction: Double, width: Int) -> String {
        let clamped = fraction.isFinite ? min(max(fraction, 0), 1) : 0
        var units = Int((clamped * Double(width * 8)).rounded())
        if clamped > 0 && units == 0 { units = 1 }
        let full = units / 8
        let bar = String(repeating: "█", count: full) + eighths[units % 8]
        let cells = full + (units % 8 == 0 ? 0 : 1)
        return bar + String(repeating: " ", count: max(0, width - cells))
    }

    /// One character per value, `▁` (lowest of `range`) to `█` (highest).
    public static func sparkline(_ values: [Double], range: ClosedRange<Double>) -> String {
        let span = range.upperBound - range.lowerBound
        return String(values.map { value -> Character in
            guard span > 0 else { return levels[0] }
            let position = (min(max(value, range.lowerBound), range.upperBound) - range.lowerBound) / span
            return levels[Int((position * Double(levels.count - 1)).rounded())]
        })
    }
}

extension String {
    /// Padded with spaces on the right to `width` characters (never cut).
    func padded(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    /// Padded with spaces on the left to `width` characters (never cut).
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

/// Numbers as people read them: `4.1`, `12`, `0.5`.
enum NumberText {
    /// One decimal, without a trailing `.0` for whole numbers.
    static func oneDecimal(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        let tenths = Int((abs(rounded) * 10).rounded())
        return (rounded < 0 ? "-" : "") + "\(tenths / 10).\(tenths % 10)"
    }
}

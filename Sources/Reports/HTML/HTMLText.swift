import Maps
/// Escaping for HTML: every value from the data (a territory, a circuit,
/// a product, a file name) goes through here, so a territory named
/// `<script>` is shown as text and never run.
public enum HTMLText {
    /// Text content: `&`, `<`, `>` escaped (and quotes, so the same text is
    /// safe in an attribute too).
    public static func escape(_ text: some StringProtocol) -> String {
        MarkupText.escaped(text)
    }
}

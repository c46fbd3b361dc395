import Foundation

/// A PostgreSQL password in a connection string (`PG:... password=...`,
/// `postgresql://user:password@host/...`) is never printed: every message
/// on standard error (errors, warnings, progress), every answer on
/// standard output and every report or JSON file passes through `masked`,
/// which writes it as `password=***`. GDAL repeats the connection string in
/// its own errors, so masking where the text leaves, not where it is made,
/// is the one place that catches them all.
enum ConnectionSecrets {
    /// `password=VALUE` in libpq's key=value form: the value unquoted up to
    /// a space, or in single quotes with \' and \\ escapes (libpq's rules).
    /// Any case, spaces around `=` allowed, as libpq allows them.
    private static let keyValue = try! NSRegularExpression(
        pattern: #"(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'?|[^\s'"]+)"#, options: [.caseInsensitive])
    /// `postgres://user:password@` and `postgresql://...`.
    private static let uri = try! NSRegularExpression(
        pattern: #"(\bpostgres(?:ql)?://[^:/@\s]*:)([^@\s]*)(@)"#, options: [.caseInsensitive])

    static func masked(_ text: String) -> String {
        // Most text has no password at all: skip the expressions.
        guard text.range(of: "password", options: .caseInsensitive) != nil || text.range(of: "postgres", options: .caseInsensitive) != nil else {
            return text
        }
        let whole = NSRange(text.startIndex..., in: text)
        var result = keyValue.stringByReplacingMatches(in: text, range: whole, withTemplate: "$1***")
        result = uri.stringByReplacingMatches(in: result, range: NSRange(result.startIndex..., in: result), withTemplate: "$1***$3")
        return result
    }
}

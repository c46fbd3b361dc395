import Foundation

/// `--encoding` for text read as CSV: the bytes are turned into UTF-8
/// before parsing. Names as IANA spells them, any case: UTF-8, ISO-8859-1
/// (latin1), ISO-8859-15 is not offered by Foundation on every platform,
/// so the list is what it can decode everywhere.
public enum TextEncoding {
    static let names: [(names: [String], encoding: String.Encoding)] = [
        (["utf-8", "utf8"], .utf8),
        (["iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1"], .isoLatin1),
        (["windows-1252", "cp1252", "win1252"], .windowsCP1252),
        (["iso-8859-2", "latin2", "latin-2"], .isoLatin2),
        (["macroman", "mac", "macintosh"], .macOSRoman),
        (["us-ascii", "ascii"], .ascii),
        (["utf-16", "utf16"], .utf16),
        (["utf-16le"], .utf16LittleEndian),
        (["utf-16be"], .utf16BigEndian),
    ]

    public static var supported: [String] { names.map { $0.names[0].uppercased() } }

    public static func encoding(named name: String) -> String.Encoding? {
        let lowered = name.lowercased()
        return names.first { $0.names.contains(lowered) }?.encoding
    }

    /// `bytes` as UTF-8, decoded from the encoding `name`; an unknown name
    /// or bytes that are not in that encoding are errors naming the file.
    public static func utf8(_ bytes: [UInt8], from name: String, file: String) throws(ReadError) -> [UInt8] {
        guard let encoding = encoding(named: name) else {
            throw ReadError(file: file, message: "--encoding \(name) is not known; use one of \(supported.joined(separator: ", "))")
        }
        if encoding == .utf8 { return bytes }
        guard let text = String(data: Data(bytes), encoding: encoding) else {
            throw ReadError(file: file, message: "cannot be read as \(name); check --encoding")
        }
        return Array(text.utf8)
    }
}

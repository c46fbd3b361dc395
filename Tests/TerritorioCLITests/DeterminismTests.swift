import Foundation
import Testing

/// Every command gives the same bytes every time, whatever the number of
/// workers: the representative runs of scripts/representative-commands.txt
/// (the ones scripts/leaks checks), done three times: with every core, then
/// with TERRITORIO_WORKERS=1 and 7, as child processes (the variable is
/// read from the environment), each writing into the same folder; every
/// file and every standard output must match the first pass byte for byte.
@Suite(.serialized) struct DeterminismTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The lines to run, as arguments with $DATA and $OUT filled in.
    static func commands(data: String, output: String) throws -> [[String]] {
        let text = try String(contentsOf: repository.appendingPathComponent("scripts/representative-commands.txt"), encoding: .utf8)
        return text.split(separator: "\n").map(String.init)
            .filter { !$0.isEmpty && !$0.hasPrefix("#") && !$0.hasPrefix("leaks-only:") }
            .map { $0.hasPrefix("no-leaks: ") ? String($0.dropFirst("no-leaks: ".count)) : $0 }
            .map { words($0.replacingOccurrences(of: "$DATA", with: data).replacingOccurrences(of: "$OUT", with: output)) }
    }

    /// Splits a line as the shell would: spaces between words, '...' and
    /// "..." quoting (no escapes: the lines need none).
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { word.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == " " {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else {
                word.append(character)
                inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }

    /// Every file under `folder`, by relative path.
    static func contents(of folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            let path = folder + "/" + relative
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                files[relative] = try Data(contentsOf: URL(fileURLWithPath: path))
            }
        }
        return files
    }

    @Test func everyCommandGivesTheSameBytesThreeTimesAndWithAnyNumberOfWorkers() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("territorio-determinism-\(getpid())").path
        let output = base + "/out"
        let data = Self.repository.appendingPathComponent("geodata/territory").path
        let commands = try Self.commands(data: data, output: output)
        #expect(commands.count >= 20)

        let passes: [(name: String, environment: [String: String])] = [
            ("first", [:]), ("one worker", ["TERRITORIO_WORKERS": "1"]), ("seven workers", ["TERRITORIO_WORKERS": "7"]),
        ]
        var reference: [String: Data]?
        for pass in passes {
            try? FileManager.default.removeItem(atPath: output)
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            for (index, arguments) in commands.enumerated() {
                let outcome = try ChildProcess.start(arguments, environment: pass.environment).wait()
                #expect(outcome.status == 0, "\(pass.name): \(arguments.prefix(2).joined(separator: " ")): \(outcome.standardError.suffix(500))")
                try Data(outcome.standardOutput.utf8).write(to: URL(fileURLWithPath: output + "/stdout-\(index)-\(arguments[0]).txt"))
            }
            let files = try Self.contents(of: output)
            guard let reference else {
                #expect(files.count > 40)
                reference = files
                continue
            }
            #expect(Set(files.keys) == Set(reference.keys), "\(pass.name): other files")
            for (name, bytes) in files.sorted(by: { $0.key < $1.key }) where reference[name] != bytes {
                Issue.record("\(pass.name): \(name) differs from the first pass")
            }
        }
        try? FileManager.default.removeItem(atPath: base)
    }
}

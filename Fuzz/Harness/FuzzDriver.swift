import Foundation
#if FUZZING
import CFuzzer
#endif

/// The `main` of every fuzz target. Built by `scripts/fuzz` (with
/// `-DFUZZING`, coverage instrumentation and AddressSanitizer) it hands
/// over to libFuzzer, so every libFuzzer flag works:
///
///     .build-fuzz/release/fuzz-geojson Fuzz/corpus/geojson -max_total_time=60
///
/// In an ordinary build it replays the files (or folders of files) it is
/// given through the harness, to reproduce a finding without the fuzzer.
public enum FuzzDriver {
    nonisolated(unsafe) static var harness: Harness = .geojson

    public static func main(_ harness: Harness) -> Never {
        self.harness = harness
        #if FUZZING
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
            if let broken = FuzzDriver.harness.run(bytes) {
                fatalError("\(FuzzDriver.harness.targetName): \(broken)")
            }
            return 0
        })
        #else
        let paths = CommandLine.arguments.dropFirst().filter { !$0.hasPrefix("-") }
        guard !paths.isEmpty else {
            FileHandle.standardError.write(Data("usage: \(harness.targetName) FILE|FOLDER...  (replays inputs; scripts/fuzz builds the fuzzer)\n".utf8))
            exit(64)
        }
        var count = 0
        for path in paths {
            for file in files(at: path) {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                if let broken = harness.run(Array(data)) {
                    FileHandle.standardError.write(Data("\(file): \(broken)\n".utf8))
                    exit(1)
                }
                count += 1
            }
        }
        print("\(harness.targetName): \(count) inputs, no finding")
        exit(0)
        #endif
    }

    /// A file, or the files of a folder in name order.
    public static func files(at path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return [] }
        guard isFolder.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { path + "/" + $0 }
    }
}

import Foundation
import PackagePlugin

/// Writes `BuildVersion.swift` (`let buildCommit = "..."`) before every
/// build from `git describe`: `territorio --version` says which commit it
/// was built from, with `-dirty` when the tree had changes. Outside a git
/// checkout (a source tarball) the commit reads "unknown". The file is
/// rewritten only when the text changes, so a build with nothing new
/// compiles nothing.
@main struct BuildVersion: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.pluginWorkDirectoryURL.appendingPathComponent("Generated")
        let script = """
            mkdir -p "$2"
            commit=$(git -C "$1" describe --always --dirty 2>/dev/null || echo unknown)
            printf '// Written by Plugins/BuildVersion before each build.\\nlet buildCommit = "%s"\\n' "$commit" > "$2/BuildVersion.swift.new"
            if cmp -s "$2/BuildVersion.swift.new" "$2/BuildVersion.swift"; then rm -f "$2/BuildVersion.swift.new"; else mv "$2/BuildVersion.swift.new" "$2/BuildVersion.swift"; fi
            """
        return [.prebuildCommand(displayName: "BuildVersion: the commit from git", executable: URL(fileURLWithPath: "/bin/sh"),
                                 arguments: ["-c", script, "sh", context.package.directoryURL.path, folder.path],
                                 outputFilesDirectory: folder)]
    }
}

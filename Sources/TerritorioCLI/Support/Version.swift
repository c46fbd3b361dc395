/// What `territorio --version` prints: the release (CHANGELOG.md) and the
/// commit it was built from (`buildCommit`, written by Plugins/BuildVersion).
enum Version {
    static let release = "0.2.0-dev"
    static var text: String { "\(release) (\(buildCommit))" }
}

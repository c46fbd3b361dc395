import Foundation

/// What the real-browser tests need (headless Chromium driven by Selenium
/// from the tests' Python, Leaflet from the system's package), and why
/// they cannot run when something is missing.
public enum TestBrowser {
    /// Why a browser test cannot run here, nil when it can.
    public static var missing: String? {
        if TestPython.executable == nil { return TestPython.missingMessage }
        if !onPath("chromium") || !onPath("chromedriver") {
            return "no chromium or chromedriver on PATH: apt-get install chromium chromium-driver (scripts/setup and .ci/run do)"
        }
        if !FileManager.default.fileExists(atPath: "/usr/share/javascript/leaflet/leaflet.js") {
            return "no Leaflet: apt-get install libjs-leaflet (scripts/setup and .ci/run do)"
        }
        return nil
    }

    static func onPath(_ name: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").contains { folder in
            FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)")
        }
    }
}

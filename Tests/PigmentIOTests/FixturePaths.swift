import Foundation

/// Paths into the package's `Fixtures/` folder.
enum FixturePaths {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func decoding(_ name: String) -> String { root.appendingPathComponent("decoding/\(name)").path }

    /// Every phantom pair folder under `Fixtures/pairs` (camera still) and
    /// `Fixtures/moved` (camera moved).
    static var pairs: [URL] {
        ["pairs", "moved"].flatMap { group -> [URL] in
            let folder = root.appendingPathComponent(group)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.sorted().map { folder.appendingPathComponent($0) }
        }
    }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pigment-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

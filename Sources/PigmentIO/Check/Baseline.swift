import Foundation

/// The stored expectation of `pigment check`: every fixture's metrics, the
/// hashes of its files, the settings they were measured with, and tolerances.
public struct Baseline: Sendable, Equatable, Codable {
    /// One fixture's expected numbers.
    public struct Fixture: Sendable, Equatable, Codable {
        /// SHA-256 of each input file, by file name.
        public var files: [String: String]
        public var metrics: [String: Double]
        /// Per-metric overrides of the default tolerances (full metric names).
        public var tolerances: [String: Tolerance]?

        public init(files: [String: String], metrics: [String: Double], tolerances: [String: Tolerance]? = nil) {
            self.files = files
            self.metrics = metrics
            self.tolerances = tolerances
        }
    }

    public var version: Int
    public var settings: SettingsReport
    /// Default tolerances by metric name (see ``Tolerance/defaults``).
    public var tolerances: [String: Tolerance]
    public var fixtures: [String: Fixture]

    public init(settings: SettingsReport, tolerances: [String: Tolerance] = Tolerance.defaults, fixtures: [String: Fixture] = [:]) {
        version = 1
        self.settings = settings
        self.tolerances = tolerances
        self.fixtures = fixtures
    }

    /// The tolerance for `metric` of `fixture`: its override, else the default
    /// for the full name, else for the name without its photo prefix.
    public func tolerance(for metric: String, fixture: String) -> Tolerance {
        fixtures[fixture]?.tolerances?[metric] ?? tolerances[metric]
            ?? tolerances[MetricValues.defaultKey(for: metric)] ?? Tolerance(absolute: 0)
    }

    public static func read(_ path: String) throws -> Baseline {
        try JSONDecoder().decode(Baseline.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    public var json: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(self)) ?? Data()) + Data("\n".utf8)
    }
}

/// Everything one `pigment check` run measured and found.
public struct CheckRun: Sendable {
    /// Ids of the fixtures found on disk.
    public var fixtures: [String]
    /// Every metric compared with the baseline, passing or not.
    public var evaluations: [MetricEvaluation]
    /// For fixtures with a truth file: the accuracy promises they broke (empty: none).
    public var accuracy: [String: [String]]
    /// Everything that failed.
    public var findings: [CheckFinding]
    /// A baseline of what was measured now, keeping the old tolerances.
    public var measured: Baseline

    public var passed: Bool { findings.isEmpty }

    /// Whether a fixture could not be read.
    public var hasUnreadable: Bool { findings.contains { $0.kind == .unreadable } }
}

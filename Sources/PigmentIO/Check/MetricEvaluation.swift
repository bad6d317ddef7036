/// One metric of one fixture compared with its baseline value.
public struct MetricEvaluation: Sendable, Equatable, Codable {
    public var fixture: String
    public var metric: String
    public var baseline: Double?
    public var now: Double?
    public var allowed: Double?
    public var passed: Bool
}

import PigmentCore

/// Everything `pigment compare` reports.
public struct ComparisonReport: Sendable, Equatable, Codable {
    public var before: PhotoReport
    public var after: PhotoReport
    public var change: PigmentChange
    public var settings: SettingsReport

    public init(before: PhotoReport, after: PhotoReport, change: PigmentChange, settings: SettingsReport) {
        self.before = before
        self.after = after
        self.change = change
        self.settings = settings
    }
}

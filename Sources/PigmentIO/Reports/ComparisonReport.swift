import PigmentCore

/// Everything `pigment compare` reports.
public struct ComparisonReport: Sendable, Equatable, Codable {
    public var before: PhotoReport
    public var after: PhotoReport
    public var change: PigmentChange
    public var alignment: AlignmentReport
    /// Things the reader should know before trusting the numbers.
    public var warnings: [String]
    public var settings: SettingsReport

    public init(before: PhotoReport, after: PhotoReport, change: PigmentChange, alignment: AlignmentReport,
                warnings: [String] = [], settings: SettingsReport) {
        self.before = before
        self.after = after
        self.change = change
        self.alignment = alignment
        self.warnings = warnings
        self.settings = settings
    }
}

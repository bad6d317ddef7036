/// One thing `pigment check` found wrong.
public struct CheckFinding: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// A metric moved beyond its tolerance.
        case drift
        /// A phantom fixture's measurement broke the promised accuracy against its truth.
        case accuracy
        /// A fixture on disk that the baseline does not know.
        case newFixture = "new_fixture"
        /// A fixture in the baseline that is not on disk.
        case missingFixture = "missing_fixture"
        /// A fixture's input files differ from the ones the baseline was made from.
        case changedFiles = "changed_files"
        /// The analysis settings differ from the baseline's.
        case settingsChanged = "settings_changed"
        /// A fixture could not be read or measured.
        case unreadable
    }

    public var kind: Kind
    /// The fixture's id (`nil` for settings).
    public var fixture: String?
    public var metric: String?
    public var baseline: Double?
    public var now: Double?
    /// The largest allowed |now − baseline| (drift only).
    public var allowed: Double?
    public var message: String
}

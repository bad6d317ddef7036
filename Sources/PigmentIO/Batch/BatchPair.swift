/// One comparison a batch makes: an after photo against a before photo of the
/// same subject.
public struct BatchPair: Sendable, Equatable, Codable {
    /// Which earlier photo the after photo is compared with.
    public enum Reference: String, Sendable, Codable {
        /// The subject's first visit.
        case baseline
        /// The visit just before.
        case previous
        /// A folder holding `before.*` and `after.*`, or a manifest row.
        case pair
    }

    /// Unique within a batch: `subject/visit/reference`.
    public var id: String { "\(subject)/\(visit)/\(reference.rawValue)" }
    public var subject: String
    /// The after photo's visit (folder name, or the manifest's `visit`).
    public var visit: String
    /// The before photo's visit (`nil` for single pairs).
    public var beforeVisit: String?
    public var reference: Reference
    /// Paths as the batch reads them.
    public var before: String
    public var after: String
    public var mask: String?

    public init(subject: String, visit: String, beforeVisit: String?, reference: Reference,
                before: String, after: String, mask: String?) {
        self.subject = subject
        self.visit = visit
        self.beforeVisit = beforeVisit
        self.reference = reference
        self.before = before
        self.after = after
        self.mask = mask
    }
}

/// A lesion in the before and after photos (`nil` where it is absent).
public struct LesionHistory: Sendable, Equatable, Codable {
    public var change: String
    public var before: Lesion?
    public var after: Lesion?
}

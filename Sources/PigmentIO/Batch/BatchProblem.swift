/// A part of the input that could not become a pair (e.g. a visit folder with
/// no photo); reported as a failed row.
public struct BatchProblem: Sendable, Equatable {
    public var subject: String
    public var visit: String
    public var message: String
}

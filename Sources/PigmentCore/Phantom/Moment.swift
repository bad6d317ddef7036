/// Which photo of a pair.
public enum Moment: String, Sendable, CaseIterable {
    case before, after
}

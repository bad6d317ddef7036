/// How lesions change between the before and the after photo.
public enum Treatment: String, Sendable, Codable, CaseIterable {
    /// Nothing changes.
    case none
    /// Every darker lesion keeps its shape and loses 40 % of its excess.
    case fade
    /// Every darker lesion keeps its darkness and shrinks to 75 % of its radius.
    case shrink
    /// Half of the darker lesions clear completely.
    case clear
    /// Two new darker lesions appear (e.g. post-inflammatory hyperpigmentation).
    case newLesion = "new-lesion"
    /// A mixture: some fade, some shrink, one clears, one appears.
    case mixed
}

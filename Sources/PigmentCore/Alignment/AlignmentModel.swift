/// Which geometric changes alignment may undo.
public enum AlignmentModel: String, Sendable, Codable, CaseIterable {
    /// Translation, rotation and uniform scale (4 parameters): a camera moved
    /// and turned a little, closer or further away.
    case similarity
    /// Any linear map plus translation (6 parameters): also shear and unequal
    /// scale, e.g. a slightly tilted camera.
    case affine

    var parameterCount: Int { self == .similarity ? 4 : 6 }
}

/// The outcome of registration.
public struct RegistrationResult: Sendable, Equatable {
    /// Maps before-photo pixel coordinates to after-photo pixel coordinates.
    public var transform: AffineTransform
    /// Median local normalised correlation of the structure signal after
    /// alignment (0–1).
    public var quality: Double
}

/// Whether and how the after photo is aligned onto the before photo.
public struct AlignmentSettings: Sendable, Equatable {
    /// The model to fit, or `nil` when the photos are already registered
    /// (then they must have the same size).
    public var model: AlignmentModel?
    /// Alignment quality (median local correlation, 0–1) below which the
    /// photos are taken to show different skin.
    public var minimumQuality: Double
    /// Measure anyway, with a warning, when quality is below the minimum.
    public var allowPoor: Bool

    public init(model: AlignmentModel? = .similarity, minimumQuality: Double = Self.defaultMinimumQuality,
                allowPoor: Bool = false) {
        self.model = model
        self.minimumQuality = minimumQuality
        self.allowPoor = allowPoor
    }

    /// Unrelated phantom skin scores about 0.1, the same skin moved, relit or
    /// reddened 0.3–0.7 (tuning seeds 21–30).
    public static let defaultMinimumQuality = 0.2

    public static let standard = AlignmentSettings()
}

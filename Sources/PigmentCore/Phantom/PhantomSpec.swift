/// Everything that defines a phantom pair; the same spec always renders the
/// same pixels.
public struct PhantomSpec: Sendable, Equatable, Codable {
    public var seed: UInt64
    public var width: Int
    public var height: Int
    public var treatment: Treatment
    public var before: Nuisance
    public var after: Nuisance
    /// Spectra used to render; they may differ from the analysis vectors.
    public var renderVectors: AbsorptionVectors
    /// Darker lesions of ordinary darkness.
    public var darkerLesions: Int
    /// Darker lesions just above the contrast floor.
    public var faintLesions: Int
    /// Lighter (hypopigmented) lesions.
    public var lighterLesions: Int
    /// Excess below which a lesion does not count as visible in the truth
    /// (melanin units); matches the analysis default.
    public var contrastFloor: Double
    /// A lesion visible (at the floor) in one photo is visible in the other
    /// down to this fraction of the floor; matches the analysis default
    /// (``AnalysisSettings/trackingRatio``). `nil` in truths written before
    /// spots were tracked across a pair: 1, each photo on its own.
    public var trackingRatio: Double?
    /// How the camera moved for the after photo; `nil`: it did not.
    public var afterMotion: CameraMotion?
    /// Mean melanin density of the skin (melanin units); `nil`: drawn from
    /// the seed in 0.5–1.3, light to medium tones.
    public var skinMelanin: Double?

    public init(seed: UInt64, width: Int = 512, height: Int = 384, treatment: Treatment = .mixed,
                before: Nuisance = .none, after: Nuisance = .none,
                renderVectors: AbsorptionVectors = .standard,
                darkerLesions: Int = 8, faintLesions: Int = 2, lighterLesions: Int = 2,
                contrastFloor: Double = AnalysisSettings.standard.contrastFloor,
                trackingRatio: Double = AnalysisSettings.standard.trackingRatio, afterMotion: CameraMotion? = nil,
                skinMelanin: Double? = nil) {
        self.seed = seed
        self.width = width
        self.height = height
        self.treatment = treatment
        self.before = before
        self.after = after
        self.renderVectors = renderVectors
        self.darkerLesions = darkerLesions
        self.faintLesions = faintLesions
        self.lighterLesions = lighterLesions
        self.contrastFloor = contrastFloor
        self.trackingRatio = trackingRatio
        self.afterMotion = afterMotion
        self.skinMelanin = skinMelanin
    }
}

/// Everything the analysis of one photo produced: its numbers and the maps
/// behind them.
public struct PhotoAnalysis: Sendable {
    public var measurement: PhotoMeasurement
    /// Melanin density per pixel (melanin units), before smoothing.
    public var melanin: Plane
    /// Local skin background of the smoothed melanin map.
    public var background: Plane
    public var darker: SpotMap
    public var lighter: SpotMap
}

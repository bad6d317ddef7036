import PigmentCore

/// Both photos measured over the same skin in the before photo's frame.
public struct MeasuredPair: Sendable {
    public var before: PhotoMeasurement
    public var after: PhotoMeasurement
    public var alignment: AlignmentReport
    /// Warnings for the reader (e.g. poor alignment accepted by the settings).
    public var warnings: [String]
    /// The photos, when the measurement was asked to keep them.
    public var photos: PairPhotos?
    /// The maps behind the numbers.
    public var beforeAnalysis: PhotoAnalysis
    public var afterAnalysis: PhotoAnalysis
    /// The skin both photos were measured over.
    public var region: Mask

    /// Pictures of where pigment was and changed (``PairPictures``); `nil`
    /// when the photos were not kept.
    public func pictures(settings: AnalysisSettings) -> PairPictures? {
        photos.map { photos in
            PairPictures(before: photos.before, after: photos.alignedAfter, beforeAnalysis: beforeAnalysis,
                         afterAnalysis: afterAnalysis, roi: region, settings: settings)
        }
    }
}

import PigmentCore

/// The two photos of a measured pair, in the before photo's frame at the analysis size.
public struct PairPhotos: Sendable {
    public var before: LinearImage
    /// The after photo resampled into the before photo's frame.
    public var alignedAfter: LinearImage
}

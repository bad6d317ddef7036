import PigmentCore

/// A photo decoded for analysis, possibly reduced, with its full size.
public struct DecodedPhoto: Sendable {
    /// The pixels, the right way up, at the analysis size.
    public var image: LinearImage
    /// The photo's own size, the right way up.
    public var fullWidth: Int
    public var fullHeight: Int
    /// Analysis pixels per full-size pixel (1: not reduced): the point x of
    /// `image` is the point x / scale of the full photo.
    public var scale: Double
}

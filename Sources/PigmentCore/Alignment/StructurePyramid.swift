/// A photo prepared for registration: its band-passed structure signal on
/// every pyramid level (``Registration/pyramid(of:)``), so one photo can be
/// prepared while the other is still being decoded.
public struct StructurePyramid: Sendable, Equatable {
    /// The working level first (the photo binned by `factor`), then each half-size level.
    let levels: [Plane]
    /// Binning from the photo to the working level.
    let factor: Int
    /// The photo's size.
    let width: Int
    let height: Int
}

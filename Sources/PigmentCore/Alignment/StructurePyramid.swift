/// A photo prepared for registration: its band-passed structure signal on
/// every pyramid level (``Registration/pyramid(of:)``), so one photo can be
/// prepared while the other is still being decoded.
public struct StructurePyramid: Sendable, Equatable {
    /// The working level first (the photo binned by `factor`), then each half-size level.
    let levels: [Plane]
    /// The level alignment quality is read on: long side
    /// ``Registration/qualitySide``, or the working level's if that is smaller.
    let qualityLevel: Plane
    /// How many working-level pixels one pixel of `qualityLevel` spans.
    let qualityScale: Double
    /// Binning from the photo to the working level.
    let factor: Int
    /// The photo's size.
    let width: Int
    let height: Int
}

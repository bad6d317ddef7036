import PigmentCore

/// Aligning the after photo: registration and resampling into the before frame.
extension PairComparison {
    /// The after photo's maps in the before photo's frame.
    struct AlignedAfter {
        var maps: PigmentMaps
        /// Pixels of the before frame the after photo reaches.
        var covered: Mask
        /// Pixels of the before frame where the after photo is opaque enough to measure.
        var opaque: Mask
        /// Pixels of the before frame where the after photo is overexposed.
        var clipped: Mask
        /// The after photo resampled, when it was kept.
        var image: LinearImage?
        /// Before-frame to after-frame pixels, at the analysis size.
        var transform: AffineTransform
        var quality: Double?
        var warnings: [String]
    }

    /// The registration the settings ask for (`nil`: `--no-align`).
    func makeRegistration(paths: (before: String, after: String)) throws(ComparisonError) -> Registration? {
        guard let model = alignment.model else { return nil }
        guard let registration = Registration(model: model, vectors: analyzer.settings.vectors, threads: threads) else {
            throw .alignmentFailed(before: paths.before, after: paths.after)
        }
        return registration
    }

    /// Registers the after photo and resamples its maps (and opacity, and the
    /// photo itself when kept) into the before frame, or (`--no-align`) checks
    /// that it has the before photo's size. Overexposed pixels are carried
    /// over from the nearest after pixel.
    func align(_ afterSide: PreparedPhoto, onto beforeSide: PreparedPhoto, registration: Registration?,
                       paths: (before: String, after: String)) throws(ComparisonError) -> AlignedAfter {
        guard let registration, let beforePyramid = beforeSide.pyramid, let afterPyramid = afterSide.pyramid else {
            guard afterSide.fullWidth == beforeSide.fullWidth, afterSide.fullHeight == beforeSide.fullHeight else {
                throw .sizeMismatch(before: paths.before, after: paths.after,
                                    beforeSize: "\(beforeSide.fullWidth)x\(beforeSide.fullHeight)",
                                    afterSize: "\(afterSide.fullWidth)x\(afterSide.fullHeight)")
            }
            let all = Mask(width: afterSide.width, height: afterSide.height)
            return AlignedAfter(maps: afterSide.maps, covered: all, opaque: afterSide.roi,
                                clipped: afterSide.clipped, image: afterSide.image, transform: .identity, quality: nil,
                                warnings: [])
        }
        guard let result = registration.register(before: beforePyramid, after: afterPyramid)
        else { throw .alignmentFailed(before: paths.before, after: paths.after) }
        var warnings: [String] = []
        if result.quality < alignment.minimumQuality {
            guard alignment.allowPoor else {
                throw .poorAlignment(before: paths.before, after: paths.after, quality: result.quality,
                                     minimum: alignment.minimumQuality)
            }
            warnings.append(String(format: "%@: alignment onto %@ is poor (quality %.2f < %.2f); measured anyway (--allow-poor-alignment)",
                                   paths.after, paths.before, result.quality, alignment.minimumQuality))
        }
        let (width, height) = (beforeSide.width, beforeSide.height)
        let maps = afterSide.maps.planes
        let sources = maps + (afterSide.opacity.map { [$0] } ?? [])
        let warped = Warp.into(width: width, height: height, from: sources, through: result.transform, threads: threads)
        let clipped = afterSide.clipped.population == 0 ? Mask(width: width, height: height, value: false)
            : Warp.nearest(afterSide.clipped, width: width, height: height, sourcePoint: result.transform)
        let image = afterSide.image.map {
            Warp.into(width: width, height: height, from: $0, through: result.transform, threads: threads).image
        }
        return AlignedAfter(maps: PigmentMaps(Array(warped.planes.prefix(maps.count))), covered: warped.inside,
                            opaque: warped.planes.count > maps.count
                                ? Mask(plane: warped.planes[maps.count], threshold: 0.5) : warped.inside,
                            clipped: clipped, image: image, transform: result.transform, quality: result.quality,
                            warnings: warnings)
    }
}

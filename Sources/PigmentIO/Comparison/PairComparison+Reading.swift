import PigmentCore

/// Reading a pair: both photos and the mask decoded side by side, each photo's
/// maps, and the region both are measured over.
extension PairComparison {
    /// What the two analyses start from.
    struct PreparedPair {
        var beforeMaps: PigmentMaps
        var afterMaps: PigmentMaps
        var region: Mask
        var alignment: AlignmentReport
        var warnings: [String]
        var photos: PairPhotos?
    }

    /// Reads both photos, makes their maps, aligns the after photo's maps onto
    /// the before photo, and finds the region both are measured over and the
    /// warnings the photos earn.
    func prepare(before: String, after: String, mask: String?,
                         keepingPhotos: Bool) throws(ComparisonError) -> PreparedPair {
        let registration = try makeRegistration(paths: (before, after))
        let (beforeSide, afterSide, aligned) = try read(before: before, after: after, mask: mask, registration: registration,
                                                        keepingPhotos: keepingPhotos)
        let roi = beforeSide.roi
        let region = roi.intersection(aligned.covered).intersection(aligned.opaque)
        var warnings = aligned.warnings
        warnings += Self.clippingWarnings([(before, beforeSide.clipped), (after, aligned.clipped)], region: region)
        let share = Double(region.population) / Double(region.bits.count)
        if share < Self.smallRegionShare {
            warnings.append(String(format: "the region of interest is small (%d pixels, %.1f %% of the frame): numbers are less stable",
                                   region.population, 100 * share))
        }
        let report = AlignmentReport(method: alignment.model?.rawValue ?? "none",
                                     transform: aligned.transform.rescaled(input: beforeSide.scale, output: 1 / afterSide.scale),
                                     beforeSize: (beforeSide.fullWidth, beforeSide.fullHeight),
                                     afterSize: (afterSide.fullWidth, afterSide.fullHeight), quality: aligned.quality,
                                     roiPixels: roi.population, coveredPixels: roi.intersection(aligned.covered).population)
        let photos = beforeSide.image.flatMap { before in aligned.image.map { PairPhotos(before: before, alignedAfter: $0) } }
        return PreparedPair(beforeMaps: beforeSide.maps, afterMaps: aligned.maps, region: region, alignment: report,
                            warnings: warnings, photos: photos)
    }

    /// One photo as the comparison needs it, made as soon as it is decoded.
    struct PreparedPhoto: Sendable {
        /// The photo's own size, the right way up, and analysis pixels per full-size pixel.
        var fullWidth: Int, fullHeight: Int, scale: Double
        var maps: PigmentMaps
        /// Its structure pyramid for alignment (`nil`: `--no-align`).
        var pyramid: StructurePyramid?
        /// Opacity (0–1), when the file has an alpha channel.
        var opacity: Plane?
        /// Pixels with a channel at 99 % of full scale or more (overexposed).
        var clipped: Mask
        /// Pixels opaque enough to measure, within the mask if one was given
        /// (set for the before photo once the mask is read; for the after
        /// photo, its opaque pixels).
        var roi: Mask
        /// The pixels, when they are to be kept.
        var image: LinearImage?

        init(_ photo: DecodedPhoto, maps: PigmentMaps, pyramid: StructurePyramid?, keepingImage: Bool) {
            let image = photo.image
            (fullWidth, fullHeight, scale) = (photo.fullWidth, photo.fullHeight, photo.scale)
            self.maps = maps
            self.pyramid = pyramid
            opacity = image.opacity
            roi = image.opaqueMask
            clipped = image.mask(anyChannelAtLeast: PairComparison.clippedLevel)
            self.image = keepingImage ? image : nil
        }

        var width: Int { maps.melanin.width }
        var height: Int { maps.melanin.height }
    }

    /// One step of reading a pair, and what it gives.
    private enum ReadStep: Sendable {
        case mask(String), before, after, align
    }
    private enum ReadOutcome: Sendable {
        case mask(Result<DecodedPhoto, ComparisonError>)
        /// A photo's outcome went to its ``Handoff``.
        case photo
        /// `nil` when a photo could not be read.
        case aligned(Result<AlignedAfter, ComparisonError>?)
    }

    /// Decodes the mask and the photos, makes each photo's maps and alignment
    /// pyramid, and aligns the after photo: four steps taken in that order by
    /// whichever thread is free. The alignment waits for both photos but not
    /// for the mask, so a large mask (a 24 MP PNG inflates for about as long as
    /// both photos' steps take) runs beside both photos' work and the
    /// alignment. Errors are reported in the order before photo, mask, after
    /// photo, alignment.
    private func read(before: String, after: String, mask: String?, registration: Registration?, keepingPhotos: Bool)
        throws(ComparisonError) -> (before: PreparedPhoto, after: PreparedPhoto, aligned: AlignedAfter) {
        let steps: [ReadStep] = (mask.map { [.mask($0)] } ?? []) + [.before, .after, .align]
        let beforeRead = Handoff<Result<PreparedPhoto, ComparisonError>>()
        let afterRead = Handoff<Result<PreparedPhoto, ComparisonError>>()
        @Sendable func prepared(_ path: String) -> Result<PreparedPhoto, ComparisonError> {
            Result { () throws(ComparisonError) in
                let photo = try decode(path)
                let (maps, pyramid) = analyzer.maps(of: photo.image, pyramidFor: registration)
                return PreparedPhoto(photo, maps: maps, pyramid: pyramid, keepingImage: keepingPhotos)
            }
        }
        let outcomes = ParallelWork.mapOnOwnThreads(steps, threads: threads) { step -> ReadOutcome in
            switch step {
            case .mask(let path): return .mask(Result { () throws(ComparisonError) in try decode(path, blocks: .centre) })
            case .before:
                beforeRead.set(prepared(before))
                return .photo
            case .after:
                afterRead.set(prepared(after))
                return .photo
            case .align:
                // Taken after both photos' steps, which are running or done.
                guard case .success(let beforeSide) = beforeRead.get(), case .success(let afterSide) = afterRead.get()
                else { return .aligned(nil) }
                return .aligned(Result { () throws(ComparisonError) in
                    try align(afterSide, onto: beforeSide, registration: registration, paths: (before, after))
                })
            }
        }
        var maskRead: Result<DecodedPhoto, ComparisonError>?
        var aligned: Result<AlignedAfter, ComparisonError>?
        for outcome in outcomes {
            switch outcome {
            case .mask(let result): maskRead = result
            case .aligned(let result): aligned = result
            case .photo: break
            }
        }
        var beforeSide = try beforeRead.get().get()
        if let mask, let maskRead { beforeSide.roi = try regionOfInterest(of: beforeSide, mask: (mask, try maskRead.get())) }
        let afterSide = try afterRead.get().get()
        // Both photos were read, so the alignment was tried.
        return (beforeSide, afterSide, try aligned!.get())
    }

    /// The before photo's opaque pixels, within the mask (white: at least
    /// mid-gray, sRGB code 128 of 255) taken into the photo's analysis frame:
    /// each analysis pixel takes the mask pixel nearest its centre (a large
    /// mask is read at the centre of each block, not averaged).
    private func regionOfInterest(of photo: PreparedPhoto, mask: (path: String, photo: DecodedPhoto)) throws(ComparisonError) -> Mask {
        let (path, maskPhoto) = mask
        guard maskPhoto.fullWidth == photo.fullWidth, maskPhoto.fullHeight == photo.fullHeight else {
            throw .maskMismatch(mask: path, maskSize: "\(maskPhoto.fullWidth)x\(maskPhoto.fullHeight)",
                                photoSize: "\(photo.fullWidth)x\(photo.fullHeight)")
        }
        func reduced(_ plane: Plane) -> Plane {
            Resample.nearest(plane, width: photo.width, height: photo.height, scale: photo.scale / maskPhoto.scale)
        }
        var roi = photo.roi.intersection(Mask(plane: reduced(maskPhoto.image.green), threshold: Float(SRGB.decode(0.5))))
        if let opacity = maskPhoto.image.opacity { roi = roi.intersection(Mask(plane: reduced(opacity), threshold: 0.5)) }
        return roi
    }
}

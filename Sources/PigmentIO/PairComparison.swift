import PigmentCore

/// Why two photos could not be compared.
public enum ComparisonError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A photo or mask could not be read.
    case image(ImageFileError)
    /// The photos differ in size and alignment is off (`--no-align`).
    case sizeMismatch(before: String, after: String, beforeSize: String, afterSize: String)
    /// No consistent map from the before photo onto the after photo was found.
    case alignmentFailed(before: String, after: String)
    /// The photos were aligned, but their skin structure agrees too little.
    case poorAlignment(before: String, after: String, quality: Double, minimum: Double)
    /// The mask does not have the before photo's size.
    case maskMismatch(mask: String, maskSize: String, photoSize: String)
    /// The region to measure is empty or too small.
    case regionTooSmall(path: String, pixels: Int)
    /// The settings cannot be used.
    case invalidSettings(String)

    public var description: String {
        switch self {
        case .image(let error): return error.description
        case .sizeMismatch(let b, let a, let bs, let asz):
            return "\(a): size \(asz) differs from \(b) (\(bs)); with --no-align photos must have the same size"
        case .alignmentFailed(let b, let a):
            return "\(a): cannot be aligned onto \(b) (no consistent match: different skin, or moved beyond ±15 % shift, ±15° rotation, 0.85–1.15 scale?)"
        case .poorAlignment(let b, let a, let quality, let minimum):
            return "\(a): alignment onto \(b) is poor (quality \(String(format: "%.2f", quality)) < \(String(format: "%.2f", minimum))): "
                + "the photos may show different skin; check them, or use --allow-poor-alignment"
        case .maskMismatch(let mask, let ms, let ps):
            return "\(mask): mask size \(ms) differs from the before photo (\(ps))"
        case .regionTooSmall(let path, let pixels):
            return "\(path): region of interest has only \(pixels) skin pixels"
        case .invalidSettings(let text): return text
        }
    }
}

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

/// The two photos of a measured pair, in the before photo's frame at the analysis size.
public struct PairPhotos: Sendable {
    public var before: LinearImage
    /// The after photo resampled into the before photo's frame.
    public var alignedAfter: LinearImage
}

/// Reads a before/after pair (and optional mask), aligns the after photo onto
/// the before photo, and measures both by the same rule over the same region.
public struct PairComparison: Sendable {
    public let analyzer: Analyzer
    public let decoder: ImageDecoder
    public let alignment: AlignmentSettings
    /// Photos are reduced so that their long side is at most this many pixels
    /// before anything is measured; `nil` measures at full size.
    public let analysisSize: Int?

    /// Threads for one pair: 2 measures both photos at once; 1 works on one
    /// photo at a time (a batch runs pairs side by side instead).
    public let threads: Int

    /// The default working resolution: long side 1024 px. The smoothing is
    /// 0.3 % of the long side (3 px here), so finer pixels add nothing the
    /// analysis uses; `ReducedDecodingTests` holds the numbers to full size.
    public static let defaultAnalysisSize = 1024

    public init(settings: AnalysisSettings = .standard, alignment: AlignmentSettings = .standard,
                analysisSize: Int? = defaultAnalysisSize, decoder: ImageDecoder = .init(),
                threads: Int = 2) throws(ComparisonError) {
        do { analyzer = try Analyzer(settings: settings) } catch { throw .invalidSettings(error.description) }
        self.alignment = alignment
        self.analysisSize = analysisSize
        self.decoder = decoder
        self.threads = max(1, threads)
    }

    /// Compares the photos at `before` and `after`; `mask` marks skin (white) in the before frame.
    public func compare(before: String, after: String, mask: String? = nil) throws(ComparisonError) -> ComparisonReport {
        let measured = try measure(before: before, after: after, mask: mask)
        return report(measured, before: before, after: after, mask: mask)
    }

    /// The report of a measured pair.
    public func report(_ measured: MeasuredPair, before: String, after: String, mask: String?) -> ComparisonReport {
        ComparisonReport(
            before: PhotoReport(file: before, measurement: measured.before),
            after: PhotoReport(file: after, measurement: measured.after),
            change: PigmentChange(before: measured.before, after: measured.after),
            alignment: measured.alignment,
            warnings: measured.warnings,
            settings: settingsReport(mask: mask))
    }

    /// The settings as reports and baselines record them.
    public func settingsReport(mask: String?) -> SettingsReport {
        SettingsReport(settings: analyzer.settings, alignment: alignment, analysisSize: analysisSize, mask: mask,
                       maxPixels: decoder.maxPixels)
    }

    /// Aligns the after photo onto the before photo and measures both over the
    /// skin they share (and the mask, if any). The photos themselves are kept
    /// (for pictures and `--save-aligned`) only when `keepingPhotos` is set;
    /// otherwise only their maps outlive reading.
    public func measure(before: String, after: String, mask: String? = nil,
                        keepingPhotos: Bool = false) throws(ComparisonError) -> MeasuredPair {
        let prepared = try prepare(before: before, after: after, mask: mask, keepingPhotos: keepingPhotos)
        let region = prepared.region
        let analyses = ParallelWork.map([(prepared.beforeMaps, mask ?? before), (prepared.afterMaps, mask ?? after)],
                                        threads: threads) { maps, path in
            Result { () throws(ComparisonError) in try analyze(maps, roi: region, path: path) }
        }
        let (beforeAnalysis, afterAnalysis) = PhotoAnalysis.tracked(before: try analyses[0].get(), after: try analyses[1].get())
        return MeasuredPair(before: beforeAnalysis.measurement, after: afterAnalysis.measurement,
                            alignment: prepared.alignment, warnings: prepared.warnings, photos: prepared.photos,
                            beforeAnalysis: beforeAnalysis, afterAnalysis: afterAnalysis, region: region)
    }

    /// What the two analyses start from.
    private struct PreparedPair {
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
    private func prepare(before: String, after: String, mask: String?,
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
    private struct PreparedPhoto: Sendable {
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

    /// The after photo's maps in the before photo's frame.
    private struct AlignedAfter {
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
    private func makeRegistration(paths: (before: String, after: String)) throws(ComparisonError) -> Registration? {
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
    private func align(_ afterSide: PreparedPhoto, onto beforeSide: PreparedPhoto, registration: Registration?,
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

    /// Below this share of the frame the region of interest earns a warning.
    public static let smallRegionShare = 0.05
    /// Above this share of clipped skin pixels a photo earns a warning.
    public static let clippedShare = 0.01
    /// A pixel with a channel at this level or above (of full scale) is clipped.
    static let clippedLevel: Float = 0.99

    /// Warnings for photos whose skin is clipped (a channel at 99 % or more of
    /// full scale): there the colour, and so melanin, is wrong. `clipped` marks
    /// those pixels in the region's frame.
    static func clippingWarnings(_ photos: [(path: String, clipped: Mask)], region: Mask) -> [String] {
        photos.compactMap { path, clipped in
            let share = Double(region.intersection(clipped).population) / Double(max(region.population, 1))
            guard share > clippedShare else { return nil }
            return String(format: "%@: %.1f %% of the skin is clipped (overexposed); pigment there is not measured", path, 100 * share)
        }
    }

    private func decode(_ path: String, blocks: ImageDecoder.BlockReduction = .average) throws(ComparisonError) -> DecodedPhoto {
        do { return try decoder.decode(path, maxLongSide: analysisSize, blocks: blocks) } catch { throw .image(error) }
    }

    private func analyze(_ maps: PigmentMaps, roi: Mask, path: String) throws(ComparisonError) -> PhotoAnalysis {
        do { return try analyzer.analyze(maps, roi: roi) } catch {
            if case .regionTooSmall(let pixels) = error { throw .regionTooSmall(path: path, pixels: pixels) }
            throw .invalidSettings(error.description)
        }
    }
}

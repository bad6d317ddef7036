extension Analyzer {
    /// The maps of `image` (``maps(of:threads:)``) and, when `registration` is
    /// given, its structure pyramid (``Registration/pyramid(of:)``). When the
    /// pyramid's working level is the image itself, one pass of logarithms
    /// makes both.
    public func maps(of image: LinearImage, pyramidFor registration: Registration?,
                     threads: Int = 1) -> (maps: PigmentMaps, pyramid: StructurePyramid?) {
        guard let registration else { return (maps(of: image, threads: threads), nil) }
        guard Registration.binning(image) == 1 else {
            return (maps(of: image, threads: threads), registration.pyramid(of: image))
        }
        var planes = Decomposition.density(of: image, weights: decomposition.mapWeights + [registration.signal.weights],
                                           threads: threads)
        let signal = planes.removeLast()
        return (PigmentMaps(planes), registration.pyramid(signal: signal, factor: 1, width: image.width, height: image.height))
    }
}

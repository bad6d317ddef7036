import CLCMS2
import PigmentCore

/// Turns a photo's colours, encoded in the RGB space of its embedded ICC
/// profile (Display P3 on most phones, Adobe RGB on some cameras) or of a
/// HEIF's coded primaries, into linear sRGB, the light pigment measures. A
/// photo that states sRGB, or states nothing, needs none (`make` is `nil`).
final class ProfileConversion {
    private enum Method {
        /// Each channel's curve to linear light, tabulated at 4096 even steps
        /// (4097 values, channel after channel), then a 3×3 matrix (row by row).
        case matrixShaper(curves: [Float], matrix: [Float])
        /// lcms2's own floating-point transform, for profiles made otherwise.
        case exact(cmsHTRANSFORM)
    }

    private let method: Method
    /// How far from linear sRGB a profile may read and still count as sRGB.
    static let tolerance: Float = 1e-3

    private init(method: Method) {
        self.method = method
    }

    deinit {
        if case .exact(let transform) = method { cmsDeleteTransform(transform) }
    }

    /// The conversion `icc` states, `nil` when it is sRGB's own (to within
    /// ``tolerance`` of linear light). Throws why the profile cannot be used.
    static func make(icc: UnsafeRawBufferPointer) throws(ProfileError) -> ProfileConversion? {
        guard let base = icc.baseAddress, let profile = cmsOpenProfileFromMem(base, cmsUInt32Number(icc.count)) else {
            throw .unreadable
        }
        defer { cmsCloseProfile(profile) }
        return try make(profile)
    }

    /// The conversion coded primaries (x, y of red, green, blue and white)
    /// and a CICP transfer characteristic state (a HEIF's nclx box), `nil`
    /// when that is sRGB or the primaries are not given. sRGB's curve stands
    /// for the video curves (BT.709, 601, 2020) too, as stills are shown.
    static func make(primaries: [Float], transfer: Int) throws(ProfileError) -> ProfileConversion? {
        guard primaries.count == 8, primaries.allSatisfy({ $0 > 0 && $0 < 1 }) else { return nil }
        var parameters: [Double] = [2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045]
        let curve: OpaquePointer? = switch transfer {
        case 1, 2, 6, 13, 14, 15: cmsBuildParametricToneCurve(nil, 4, &parameters)
        case 4: cmsBuildGamma(nil, 2.2)
        case 5: cmsBuildGamma(nil, 2.8)
        case 8: cmsBuildGamma(nil, 1)
        default: throw .transfer(transfer)
        }
        guard let curve else { throw .unusable }
        defer { cmsFreeToneCurve(curve) }
        let p = primaries.map(Double.init)
        var white = cmsCIExyY(x: p[6], y: p[7], Y: 1)
        var triple = cmsCIExyYTRIPLE(Red: cmsCIExyY(x: p[0], y: p[1], Y: 1), Green: cmsCIExyY(x: p[2], y: p[3], Y: 1),
                                     Blue: cmsCIExyY(x: p[4], y: p[5], Y: 1))
        let curves: [OpaquePointer?] = [curve, curve, curve]
        guard let profile = curves.withUnsafeBufferPointer({ cmsCreateRGBProfile(&white, &triple, $0.baseAddress) }) else {
            throw .unusable
        }
        defer { cmsCloseProfile(profile) }
        return try make(profile)
    }

    /// The conversion an open RGB profile states (see ``make(icc:)``).
    private static func make(_ profile: cmsHPROFILE) throws(ProfileError) -> ProfileConversion? {
        guard cmsGetColorSpace(profile) == cmsSigRgbData else { throw .notRGB }
        var white = cmsCIExyY(x: 0.3127, y: 0.3290, Y: 1)
        var primaries = cmsCIExyYTRIPLE(Red: cmsCIExyY(x: 0.64, y: 0.33, Y: 1), Green: cmsCIExyY(x: 0.30, y: 0.60, Y: 1),
                                        Blue: cmsCIExyY(x: 0.15, y: 0.06, Y: 1))
        guard let linear = cmsBuildGamma(nil, 1) else { throw .unreadable }
        defer { cmsFreeToneCurve(linear) }
        let curves: [OpaquePointer?] = [linear, linear, linear]
        guard let target = curves.withUnsafeBufferPointer({ cmsCreateRGBProfile(&white, &primaries, $0.baseAddress) }) else {
            throw .unreadable
        }
        defer { cmsCloseProfile(target) }
        guard let transform = cmsCreateTransform(profile, clcms2_type_rgb_float, target, clcms2_type_rgb_float,
                                                 cmsUInt32Number(INTENT_RELATIVE_COLORIMETRIC), 0) else {
            throw .unusable
        }
        let exact = ProfileConversion(method: .exact(transform))
        // Encoded values at five levels per channel, and what lcms2 makes of them.
        let levels: [Float] = [0, 0.25, 0.5, 0.75, 1]
        let grid = levels.flatMap { r in levels.flatMap { g in levels.flatMap { b in [r, g, b] } } }
        let expected = exact.converted(grid)
        if zip(grid, expected).allSatisfy({ abs(SRGB.decodeFast($0) - $1) <= tolerance }) { return nil }
        guard cmsIsMatrixShaper(profile) != 0, let shaper = matrixShaper(of: profile, exact: exact) else { return exact }
        // The faster form must say what lcms2 says.
        return zip(shaper.converted(grid), expected).allSatisfy({ abs($0 - $1) <= tolerance }) ? shaper : exact
    }

    /// The matrix-shaper form of a profile: its three curves, and the matrix
    /// whose columns are what `exact` makes of each primary at full strength.
    private static func matrixShaper(of profile: cmsHPROFILE, exact: ProfileConversion) -> ProfileConversion? {
        var curves: [Float] = []
        for tag in [cmsSigRedTRCTag, cmsSigGreenTRCTag, cmsSigBlueTRCTag] {
            guard let curve = cmsReadTag(profile, tag) else { return nil }
            curves += (0...4096).map { cmsEvalToneCurveFloat(OpaquePointer(curve), Float($0) / 4096) }
        }
        let columns = exact.converted([1, 0, 0, 0, 1, 0, 0, 0, 1])
        var matrix = [Float](repeating: 0, count: 9)
        for column in 0..<3 {
            let full = curves[column * 4097 + 4096]
            guard full > 0 else { return nil }
            for row in 0..<3 { matrix[row * 3 + column] = columns[column * 3 + row] / full }
        }
        return ProfileConversion(method: .matrixShaper(curves: curves, matrix: matrix))
    }

    /// Converts `pixels` interleaved R, G, B samples (encoded, 0–1) into linear sRGB in `out`.
    func convert(_ row: UnsafePointer<Float>, pixels: Int, into out: UnsafeMutablePointer<Float>) {
        switch method {
        case .exact(let transform):
            cmsDoTransform(transform, row, out, cmsUInt32Number(pixels))
        case .matrixShaper(let curves, let matrix):
            let (m0, m1, m2, m3, m4, m5, m6, m7, m8) = (matrix[0], matrix[1], matrix[2], matrix[3], matrix[4], matrix[5],
                                                        matrix[6], matrix[7], matrix[8])
            curves.withUnsafeBufferPointer { curves in
                let red = UnsafeBufferPointer(rebasing: curves[0...4096]), green = UnsafeBufferPointer(rebasing: curves[4097...8193])
                let blue = UnsafeBufferPointer(rebasing: curves[8194...12290])
                for i in 0..<pixels {
                    let at = 3 &* i
                    let r = SRGB.decodeFast(row[at], table: red), g = SRGB.decodeFast(row[at &+ 1], table: green)
                    let b = SRGB.decodeFast(row[at &+ 2], table: blue)
                    out[at] = m0 * r + m1 * g + m2 * b
                    out[at &+ 1] = m3 * r + m4 * g + m5 * b
                    out[at &+ 2] = m6 * r + m7 * g + m8 * b
                }
            }
        }
    }

    /// ``convert(_:pixels:into:)`` of interleaved samples held in an array.
    private func converted(_ samples: [Float]) -> [Float] {
        [Float](unsafeUninitializedCapacity: samples.count) { out, count in
            samples.withUnsafeBufferPointer { convert($0.baseAddress!, pixels: samples.count / 3, into: out.baseAddress!) }
            count = samples.count
        }
    }
}

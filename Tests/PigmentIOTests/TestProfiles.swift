import CLCMS2

/// ICC profiles made by Little CMS 2 for the colour tests: RGB spaces with
/// sRGB's white (D65).
enum TestProfiles {
    static let d65 = cmsCIExyY(x: 0.3127, y: 0.3290, Y: 1)
    static let srgb = cmsCIExyYTRIPLE(Red: cmsCIExyY(x: 0.64, y: 0.33, Y: 1), Green: cmsCIExyY(x: 0.30, y: 0.60, Y: 1),
                                      Blue: cmsCIExyY(x: 0.15, y: 0.06, Y: 1))
    static let displayP3 = cmsCIExyYTRIPLE(Red: cmsCIExyY(x: 0.680, y: 0.320, Y: 1), Green: cmsCIExyY(x: 0.265, y: 0.690, Y: 1),
                                           Blue: cmsCIExyY(x: 0.150, y: 0.060, Y: 1))
    static let adobeRGB = cmsCIExyYTRIPLE(Red: cmsCIExyY(x: 0.64, y: 0.33, Y: 1), Green: cmsCIExyY(x: 0.21, y: 0.71, Y: 1),
                                          Blue: cmsCIExyY(x: 0.15, y: 0.06, Y: 1))
    /// Adobe RGB (1998)'s curve: a pure power.
    static let adobeGamma = 563.0 / 256

    /// An RGB profile with `primaries` and sRGB's curve, a power `gamma`, or
    /// (`linear`) none; the caller closes it.
    static func rgb(_ primaries: cmsCIExyYTRIPLE, gamma: Double? = nil, linear: Bool = false) -> cmsHPROFILE {
        var white = d65, primaries = primaries
        var parameters: [Double] = [2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045]
        let curve = linear ? cmsBuildGamma(nil, 1)!
            : gamma.map { cmsBuildGamma(nil, $0)! } ?? cmsBuildParametricToneCurve(nil, 4, &parameters)!
        defer { cmsFreeToneCurve(curve) }
        let curves: [OpaquePointer?] = [curve, curve, curve]
        return curves.withUnsafeBufferPointer { cmsCreateRGBProfile(&white, &primaries, $0.baseAddress)! }
    }

    /// The bytes of `profile` (closed afterwards).
    static func bytes(of profile: cmsHPROFILE) -> [UInt8] {
        defer { cmsCloseProfile(profile) }
        var size: cmsUInt32Number = 0
        cmsSaveProfileToMem(profile, nil, &size)
        var bytes = [UInt8](repeating: 0, count: Int(size))
        cmsSaveProfileToMem(profile, &bytes, &size)
        return bytes
    }
}

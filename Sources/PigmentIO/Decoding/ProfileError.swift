/// Why a photo's embedded ICC profile cannot be used.
enum ProfileError: Error, Equatable {
    /// lcms2 cannot read it (truncated or not an ICC profile).
    case unreadable
    /// It describes another colour space than RGB (gray, CMYK, Lab).
    case notRGB
    /// lcms2 reads it but cannot convert from it to sRGB.
    case unusable
    /// A HEIF's coded colour (nclx) states a transfer curve pigment does not
    /// convert (PQ and HLG HDR among them): its CICP code.
    case transfer(Int)

    /// The one-line reason.
    var reason: String {
        switch self {
        case .unreadable: "the embedded ICC profile cannot be read"
        case .notRGB: "the embedded ICC profile is not an RGB profile"
        case .unusable: "the embedded ICC profile cannot be converted to sRGB"
        case .transfer(let code): "the stated transfer curve (CICP \(code)) is not supported (HDR images are not measured)"
        }
    }
}

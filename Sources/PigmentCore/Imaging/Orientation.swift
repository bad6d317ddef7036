/// EXIF orientation (tag 0x0112): how the stored pixels must be turned to be
/// displayed the right way up.
public enum Orientation: Int, Sendable, CaseIterable {
    case up = 1
    case upMirrored = 2
    case down = 3
    case downMirrored = 4
    case leftMirrored = 5
    case right = 6
    case rightMirrored = 7
    case left = 8

    /// Whether displaying swaps width and height.
    public var swapsAxes: Bool { rawValue >= 5 }

    /// The orientation that undoes this one: storing a displayed image with
    /// `inverse` applied and tagging it `self` displays it unchanged.
    public var inverse: Orientation {
        switch self {
        case .right: return .left
        case .left: return .right
        default: return self
        }
    }

    /// Where stored pixel (x, y) of a `width`×`height` image lands when displayed.
    public func displayPosition(x: Int, y: Int, width: Int, height: Int) -> (x: Int, y: Int) {
        switch self {
        case .up: return (x, y)
        case .upMirrored: return (width - 1 - x, y)
        case .down: return (width - 1 - x, height - 1 - y)
        case .downMirrored: return (x, height - 1 - y)
        case .leftMirrored: return (y, x)
        case .right: return (height - 1 - y, x)
        case .rightMirrored: return (height - 1 - y, width - 1 - x)
        case .left: return (y, width - 1 - x)
        }
    }

    /// The plane as it is displayed.
    public func apply(to plane: Plane) -> Plane {
        if self == .up { return plane }
        let outWidth = swapsAxes ? plane.height : plane.width
        var out = Plane(width: outWidth, height: swapsAxes ? plane.width : plane.height)
        for y in 0..<plane.height {
            for x in 0..<plane.width {
                let p = displayPosition(x: x, y: y, width: plane.width, height: plane.height)
                out.samples[p.y * outWidth + p.x] = plane.samples[y * plane.width + x]
            }
        }
        return out
    }

    /// The image as it is displayed.
    public func apply(to image: LinearImage) -> LinearImage {
        self == .up ? image : image.mapPlanes(apply(to:))
    }
}

/// How the camera moved between the before and the after photo: the after
/// photo shows the before scene zoomed, turned and shifted, possibly on a
/// canvas of another size, and may be stored with an EXIF orientation tag.
public struct CameraMotion: Sendable, Equatable, Codable {
    /// Shift of the scene in the after photo, in after-photo pixels.
    public var dx: Double
    public var dy: Double
    /// Rotation of the scene, degrees (clockwise on screen).
    public var rotationDegrees: Double
    /// After-photo pixels per before-photo pixel (above 1: closer, or a
    /// higher-resolution camera).
    public var zoom: Double
    /// Size of the after photo as displayed; `nil` keeps the before photo's size.
    public var width: Int?
    public var height: Int?
    /// EXIF orientation the after file is stored with (1–8); the rendered
    /// pixels are the displayed ones. `nil` writes no tag.
    public var orientation: Int?

    public init(dx: Double = 0, dy: Double = 0, rotationDegrees: Double = 0, zoom: Double = 1,
                width: Int? = nil, height: Int? = nil, orientation: Int? = nil) {
        self.dx = dx
        self.dy = dy
        self.rotationDegrees = rotationDegrees
        self.zoom = zoom
        self.width = width
        self.height = height
        self.orientation = orientation
    }

    /// The true map from before-photo pixel coordinates to after-photo pixel
    /// coordinates: the before frame's centre goes to the after frame's centre
    /// plus (dx, dy).
    public func transform(beforeWidth: Int, beforeHeight: Int) -> AffineTransform {
        let w = Double(width ?? beforeWidth), h = Double(height ?? beforeHeight)
        return .similarity(scale: zoom, degrees: rotationDegrees,
                           centre: (Double(beforeWidth) / 2, Double(beforeHeight) / 2),
                           target: (w / 2, h / 2), dx: dx, dy: dy)
    }
}

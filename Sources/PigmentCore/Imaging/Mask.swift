/// A binary image: `true` marks a pixel that belongs to the region.
public struct Mask: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public var bits: [Bool]

    public init(width: Int, height: Int, bits: [Bool]) {
        precondition(bits.count == width * height, "bit count does not match size")
        self.width = width
        self.height = height
        self.bits = bits
    }

    /// A mask with every pixel set to `value`.
    public init(width: Int, height: Int, value: Bool = true) {
        self.init(width: width, height: height, bits: [Bool](repeating: value, count: width * height))
    }

    /// Thresholds a plane: pixels whose value is at least `threshold` are set.
    public init(plane: Plane, threshold: Float) {
        self.init(width: plane.width, height: plane.height, bits: plane.samples.map { $0 >= threshold })
    }

    public subscript(x: Int, y: Int) -> Bool {
        get { bits[y * width + x] }
        set { bits[y * width + x] = newValue }
    }

    /// Number of set pixels.
    public var population: Int { bits.reduce(0) { $0 + ($1 ? 1 : 0) } }

    /// Pixels set in both masks.
    public func intersection(_ other: Mask) -> Mask { combined(with: other) { $0 && $1 } }

    /// Pixels set in either mask.
    public func union(_ other: Mask) -> Mask { combined(with: other) { $0 || $1 } }

    /// Pixels set here but not in `other`.
    public func subtracting(_ other: Mask) -> Mask { combined(with: other) { $0 && !$1 } }

    private func combined(with other: Mask, _ rule: (Bool, Bool) -> Bool) -> Mask {
        precondition(width == other.width && height == other.height, "mask sizes differ")
        return Mask(width: width, height: height, bits: zip(bits, other.bits).map(rule))
    }

    /// Grows the set region by `radius` pixels (square structuring element, separable).
    public func dilated(by radius: Int) -> Mask {
        guard radius > 0 else { return self }
        var horizontal = [Bool](repeating: false, count: bits.count)
        var distanceLeft = [Int](repeating: Int.max, count: width)
        for y in 0..<height {
            var lastSet = Int.min / 2
            // Forward pass records the distance to the last set pixel on the left.
            for x in 0..<width {
                if bits[y * width + x] { lastSet = x }
                distanceLeft[x] = x - lastSet
            }
            var nextSet = Int.max / 2
            for x in stride(from: width - 1, through: 0, by: -1) {
                if bits[y * width + x] { nextSet = x }
                horizontal[y * width + x] = distanceLeft[x] <= radius || nextSet - x <= radius
            }
        }
        var result = [Bool](repeating: false, count: bits.count)
        var distanceUp = [Int](repeating: Int.max, count: height)
        for x in 0..<width {
            var lastSet = Int.min / 2
            for y in 0..<height {
                if horizontal[y * width + x] { lastSet = y }
                distanceUp[y] = y - lastSet
            }
            var nextSet = Int.max / 2
            for y in stride(from: height - 1, through: 0, by: -1) {
                if horizontal[y * width + x] { nextSet = y }
                result[y * width + x] = distanceUp[y] <= radius || nextSet - y <= radius
            }
        }
        return Mask(width: width, height: height, bits: result)
    }
}

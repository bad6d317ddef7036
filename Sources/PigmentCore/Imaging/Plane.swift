/// A single-channel image of `Float` samples, row-major, top row first.
public struct Plane: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public var samples: [Float]

    public init(width: Int, height: Int, samples: [Float]) {
        precondition(samples.count == width * height, "sample count does not match size")
        self.width = width
        self.height = height
        self.samples = samples
    }

    public init(width: Int, height: Int, value: Float = 0) {
        self.init(width: width, height: height, samples: [Float](repeating: value, count: width * height))
    }

    public var count: Int { samples.count }

    public subscript(x: Int, y: Int) -> Float {
        get { samples[y * width + x] }
        set { samples[y * width + x] = newValue }
    }

    /// This plane less `other` (same size), sample by sample.
    public func minus(_ other: Plane) -> Plane {
        precondition(width == other.width && height == other.height, "planes differ in size")
        let difference = samples.withUnsafeBufferPointer { a in
            other.samples.withUnsafeBufferPointer { b in
                [Float](unsafeUninitializedCapacity: a.count) { out, count in
                    for i in 0..<a.count { out[i] = a[i] - b[i] }
                    count = a.count
                }
            }
        }
        return Plane(width: width, height: height, samples: difference)
    }
}

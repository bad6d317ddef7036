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
}

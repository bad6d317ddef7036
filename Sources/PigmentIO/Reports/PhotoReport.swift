import PigmentCore

/// One photo's numbers with the file they came from. In JSON the file name
/// sits beside the measurement's fields: `{"file": …, "width": …, …}`.
public struct PhotoReport: Sendable, Equatable, Codable {
    public var file: String
    public var measurement: PhotoMeasurement

    public init(file: String, measurement: PhotoMeasurement) {
        self.file = file
        self.measurement = measurement
    }

    enum CodingKeys: String, CodingKey { case file }

    public init(from decoder: Decoder) throws {
        file = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .file)
        measurement = try PhotoMeasurement(from: decoder)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try measurement.encode(to: encoder)
    }
}

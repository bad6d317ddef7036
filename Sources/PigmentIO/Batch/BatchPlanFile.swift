import Foundation

/// `plan.json`: which shard an output folder holds and every pair id of the
/// whole batch, so that `pigment merge` can tell missing pairs from duplicates.
public struct BatchPlanFile: Sendable, Codable, Equatable {
    public var shard: Shard
    /// Ids of every pair (and input problem) of the whole batch, sorted.
    public var ids: [String]
    public var settings: SettingsReport

    public init(shard: Shard, ids: [String], settings: SettingsReport) {
        self.shard = shard
        self.ids = ids
        self.settings = settings
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self) + "\n"
    }
}

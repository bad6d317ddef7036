/// Why a batch (or a merge) could not run at all. Per-pair failures are rows, not errors.
public enum BatchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The root is missing or not a folder.
    case notAFolder(String)
    /// The manifest could not be read.
    case unreadableManifest(String, String)
    /// The manifest is not in the documented shape.
    case badManifest(String, String)
    /// `--shard` is malformed, or `auto` found no scheduler variables.
    case badShard(String)
    /// An output file could not be written.
    case cannotWrite(String, String)
    /// A shard output folder lacks its plan or results.
    case notABatchOutput(String, String)

    public var description: String {
        switch self {
        case .notAFolder(let path): return "\(path): not a folder"
        case .unreadableManifest(let path, let reason): return "\(path): cannot read manifest: \(reason)"
        case .badManifest(let path, let reason): return "\(path): bad manifest: \(reason)"
        case .badShard(let reason): return reason
        case .cannotWrite(let path, let reason): return "\(path): cannot write: \(reason)"
        case .notABatchOutput(let path, let reason): return "\(path): not a batch output folder: \(reason)"
        }
    }
}

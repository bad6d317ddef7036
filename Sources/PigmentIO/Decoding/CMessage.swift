/// A message buffer for the C layer, and its text once filled.
struct CMessage {
    var buffer = [CChar](repeating: 0, count: 512)

    var text: String {
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A JSON number that remembers how it was written.
///
/// Two numbers are equal when their values are (`1` == `1.0`), but the writer reproduces the original
/// literal, so a 19-digit id survives a read/write cycle untouched.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    public let literal: String
    public let double: Double

    /// Wraps a literal already checked to be valid JSON number syntax.
    init(validatedLiteral literal: String) {
        self.literal = literal
        self.double = Double(literal) ?? .nan
    }

    public init(_ value: Int) {
        literal = String(value)
        double = Double(value)
    }

    public init(_ value: Double) {
        double = value
        literal = JSONNumber.format(value)
    }

    public var exactInt: Int? {
        if let i = Int(literal) { return i }
        guard double.isFinite, double.rounded() == double, abs(double) < 9.0e15 else { return nil }
        return Int(double)
    }

    public var description: String { literal }

    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        lhs.literal == rhs.literal || lhs.double == rhs.double
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(double) }

    /// JSON has no NaN or infinity; like `JSON.stringify`, they become `null` at write time (see JSONWriter).
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}

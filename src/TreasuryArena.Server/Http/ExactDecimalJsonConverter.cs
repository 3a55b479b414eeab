using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Server.Http;

/// <summary>
/// Reads a JSON number into a <see cref="decimal"/> only when the literal is held exactly
/// (<see cref="ExactDecimal"/>): <c>1.0000000000000000000000000000001</c> is refused with 400 naming the field instead
/// of being rounded to 1. Writing is the serializer's own.
/// </summary>
public sealed class ExactDecimalJsonConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException();
        }

        var raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        Span<char> text = stackalloc char[Math.Min(raw.Length, 512)];
        if (raw.Length > text.Length)
        {
            throw new InexactNumberException();
        }

        var written = Encoding.UTF8.GetChars(raw, text);
        return ExactDecimal.TryParse(text[..written], out var value) ? value : throw new InexactNumberException();
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value);
    }
}

/// <summary>A number with more digits than a decimal holds: refused rather than rounded.</summary>
public sealed class InexactNumberException : JsonException
{
    public InexactNumberException()
        : base("the number has more digits than can be held exactly (at most 28 significant digits)")
    {
    }

    public InexactNumberException(string message)
        : base(message)
    {
    }

    public InexactNumberException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace TreasuryArena.Infrastructure.Advice;

/// <summary>The JSON shape of stored journal payloads: snake_case, enums as snake_case strings.</summary>
internal static class AdviceJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException("null payload");
}

using System.Globalization;

namespace TreasuryArena.Load;

/// <summary>Command-line options of <c>arena-load</c>.</summary>
public sealed record LoadOptions(
    Uri Url,
    double Rate,
    double DurationSeconds,
    double WarmupSeconds,
    HttpMethod Method,
    string? Body,
    string? Key,
    bool Idempotency,
    int Connections,
    int MaxInFlight,
    double TimeoutSeconds)
{
    public const string Usage = """
        usage: arena-load --url URL --rate N [--duration S] [--warmup S] [--method GET|POST] [--body JSON|@FILE]
                          [--key KEY] [--idempotency] [--connections N] [--max-in-flight N] [--timeout S]
          Sends N requests per second (open loop) to a loopback URL for S seconds (default 10) and prints throughput,
          status counts, errors and latency percentiles measured from each request's due time. --idempotency sends a
          unique Idempotency-Key per request; --key sends Authorization: Bearer KEY. POST is the default with a body.
          Exit code 1 when any request failed, was not 2xx or was dropped (more than --max-in-flight waiting).
        """;

    public static LoadOptions? Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                return null;
            }

            if (name == "--idempotency")
            {
                values[name] = "true";
            }
            else if (i + 1 < args.Length)
            {
                values[name] = args[++i];
            }
            else
            {
                return null;
            }
        }

        if (!values.TryGetValue("--url", out var url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || !Number(values, "--rate", 0, out var rate) || rate <= 0)
        {
            return null;
        }

        var body = values.GetValueOrDefault("--body");
        if (body is not null && body.StartsWith('@'))
        {
            body = File.ReadAllText(body[1..]);
        }

        if (!Number(values, "--duration", 10, out var duration) || !Number(values, "--warmup", 0, out var warmup) || !Number(values, "--connections", 256, out var connections)
            || !Number(values, "--max-in-flight", 20_000, out var maxInFlight) || !Number(values, "--timeout", 30, out var timeout) || duration <= 0 || connections < 1)
        {
            return null;
        }

        var method = values.GetValueOrDefault("--method") is { } m ? new HttpMethod(m.ToUpperInvariant()) : body is null ? HttpMethod.Get : HttpMethod.Post;
        return new LoadOptions(uri, rate, duration, warmup, method, body, values.GetValueOrDefault("--key"), values.ContainsKey("--idempotency"), (int)connections, (int)maxInFlight, timeout);
    }

    private static bool Number(Dictionary<string, string?> values, string name, double fallback, out double value)
    {
        if (!values.TryGetValue(name, out var text))
        {
            value = fallback;
            return true;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}

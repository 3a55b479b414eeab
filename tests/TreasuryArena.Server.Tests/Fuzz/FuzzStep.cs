namespace TreasuryArena.Server.Tests.Fuzz;

/// <summary>
/// One generated request, still symbolic: <see cref="Path"/> and <see cref="Body"/> hold placeholders such as
/// <c>{wallet:own:3}</c> that <see cref="FuzzWorld"/> resolves against the ids that exist when the step runs.
/// <see cref="MustRefuse"/> is set only when the request is certainly refused (bad key, wrong role, malformed JSON,
/// wrong type, unknown id…), with <see cref="Why"/> naming the reason; other steps are only held to "no 5xx" and "no
/// state change on refusal".
/// </summary>
public sealed record FuzzStep(
    string Endpoint,
    FuzzRole Role,
    string Method,
    string Path,
    string? Body,
    string? ContentType,
    string? IdempotencyKey,
    string BodyClass,
    bool MustRefuse,
    string Why)
{
    public override string ToString() =>
        $"{Role} {Method} {Path} [{BodyClass}] ct={ContentType ?? "-"} idem={IdempotencyKey ?? "-"} must_refuse={MustRefuse} ({Why}) body={Body ?? "<none>"}";
}

using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace TreasuryArena.Server.Tests.Fuzz;

/// <summary>
/// The FsCheck generator of fuzz steps: an endpoint (weighted), a role (mostly the one the endpoint admits), path ids
/// (known, another organisation's, unknown, garbage), a body (valid-shaped, one hostile field, a missing, extra or
/// duplicate property, control characters, malformed or non-object JSON, empty, huge, deeply nested), a content type
/// and an <c>Idempotency-Key</c> (none, one of a small reused pool, or invalid).
/// </summary>
public static class FuzzGen
{
    public const int IdempotencyPool = 6;

    private static readonly (string Placeholder, (int Weight, string Class, FuzzRefusal Refusal)[] Classes)[] PathIds =
    [
        ("{wallet}", [(75, "own", FuzzRefusal.None), (10, "other", FuzzRefusal.UnlessAdmin), (8, "unknown", FuzzRefusal.Always), (7, "garbage", FuzzRefusal.Always)]),
        ("{org}", [(10, "main", FuzzRefusal.None), (60, "spare", FuzzRefusal.None), (20, "unknown", FuzzRefusal.Always), (10, "garbage", FuzzRefusal.Always)]),
        ("{key}", [(70, "spare", FuzzRefusal.None), (20, "unknown", FuzzRefusal.Always), (10, "garbage", FuzzRefusal.Always)]),
        ("{hold}", [(70, "known", FuzzRefusal.None), (20, "unknown", FuzzRefusal.Always), (10, "garbage", FuzzRefusal.Always)]),
        ("{proposal}", [(70, "known", FuzzRefusal.None), (20, "unknown", FuzzRefusal.Always), (10, "garbage", FuzzRefusal.Always)]),
        ("{token}", [(50, "active", FuzzRefusal.None), (25, "any", FuzzRefusal.None), (15, "unknown", FuzzRefusal.Always), (10, "lower", FuzzRefusal.None)]),
        ("{job}", [(70, "known", FuzzRefusal.None), (30, "unknown", FuzzRefusal.Always)]),
    ];

    private static readonly string[] Malformed =
    [
        "{", "{\"a\":}", "{'address':'x'}", "{\"address\":\"x\",}", "{}{}", "{\"a\":1e}", "{\"a\":NaN}", "{\"a\":\"x\u0001y\"}", "{\"a\":\"\\x41\"}", "{\"a\" 1}",
    ];

    private static readonly string[] NotAnObject = ["[1,2,3]", "42", "\"text\"", "true", "[]"];

    public static Gen<FuzzStep> Step(IReadOnlyList<FuzzEndpoint> endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return from endpoint in Gen.Frequency(endpoints.Select(e => (e.Weight, Gen.Constant(e))).ToArray())
               from role in Role(endpoint)
               from path in Path(endpoint)
               from body in Body(endpoint)
               from contentType in ContentType(endpoint)
               from idempotency in Idempotency(endpoint)
               select Assemble(endpoint, role, path, body, contentType, idempotency);
    }

    public static Gen<FuzzStep> Step() => Step(FuzzEndpoints.All);

    private static FuzzStep Assemble(FuzzEndpoint e, FuzzRole role, (string Path, FuzzValue Id) path, FuzzValue body, string? contentType, FuzzValue idempotency)
    {
        var reasons = new List<string>();
        if (RoleRefused(e.Access, role))
        {
            reasons.Add("role");
        }

        foreach (var part in new[] { path.Id, body, idempotency })
        {
            if (part.Refusal == FuzzRefusal.Always || (part.Refusal == FuzzRefusal.UnlessAdmin && role != FuzzRole.Admin))
            {
                reasons.Add(part.Class);
            }
        }

        var hasBody = body.Json.Length > 0 && body.Class != "none";
        if (e.Body == FuzzBodyMode.Required && hasBody && contentType is not ("application/json" or "application/json; charset=utf-8"))
        {
            reasons.Add("content-type:" + (contentType ?? "none"));
        }

        return new FuzzStep(e.Label, role, e.Method, path.Path, hasBody ? body.Json : null, hasBody ? contentType : null,
            idempotency.Json.Length == 0 ? null : idempotency.Json, body.Class, reasons.Count > 0, string.Join(", ", reasons));
    }

    private static bool RoleRefused(FuzzAccess access, FuzzRole role) =>
        role is FuzzRole.BadKey or FuzzRole.Anonymous or FuzzRole.MalformedAuth
        || (access == FuzzAccess.Admin && role != FuzzRole.Admin)
        || (access == FuzzAccess.Treasurer && role is FuzzRole.Admin or FuzzRole.Viewer);

    private static Gen<FuzzRole> Role(FuzzEndpoint e)
    {
        var natural = e.Access switch
        {
            FuzzAccess.Admin => Gen.Constant(FuzzRole.Admin),
            FuzzAccess.Treasurer => Gen.Frequency((3, Gen.Constant(FuzzRole.Treasurer)), (1, Gen.Constant(FuzzRole.OtherTreasurer))),
            _ => Gen.Elements(FuzzRole.Admin, FuzzRole.Treasurer, FuzzRole.Viewer, FuzzRole.OtherTreasurer),
        };
        return Gen.Frequency((80, natural), (20, Gen.Elements(Enum.GetValues<FuzzRole>())));
    }

    private static Gen<(string Path, FuzzValue Id)> Path(FuzzEndpoint e)
    {
        foreach (var (placeholder, classes) in PathIds)
        {
            if (e.Path.Contains(placeholder, StringComparison.Ordinal))
            {
                var kind = placeholder[1..^1];
                return from c in Gen.Frequency(classes.Select(c => (c.Weight, Gen.Constant(c))).ToArray())
                       from i in FuzzValues.Index
                       let token = "{" + kind + ":" + c.Class + ":" + i.ToString(CultureInfo.InvariantCulture) + "}"
                       select (e.Path.Replace(placeholder, token, StringComparison.Ordinal), new FuzzValue(token, kind + ":" + c.Class, c.Refusal));
            }
        }

        return Gen.Constant((e.Path, new FuzzValue("", "no-id")));
    }

    private static Gen<string?> ContentType(FuzzEndpoint e) =>
        e.Body == FuzzBodyMode.None
            ? Gen.Constant<string?>("application/json")
            : Gen.Frequency(
                (88, Gen.Constant<string?>("application/json")),
                (3, Gen.Constant<string?>("text/plain")),
                (3, Gen.Constant<string?>(null)),
                (3, Gen.Constant<string?>("application/x-www-form-urlencoded")),
                (3, Gen.Constant<string?>("application/json; charset=utf-16")));

    private static Gen<FuzzValue> Idempotency(FuzzEndpoint e) =>
        e.IsRead
            ? Gen.Constant(new FuzzValue("", "no-key"))
            : Gen.Frequency(
                (75, Gen.Constant(new FuzzValue("", "no-key"))),
                (22, Gen.Choose(0, IdempotencyPool - 1).Select(i => new FuzzValue("fz-key-" + i.ToString(CultureInfo.InvariantCulture), "key:pool"))),
                (3, Gen.Constant(new FuzzValue(new string('k', 201), "key:too-long", FuzzRefusal.Always))));

    private static Gen<FuzzValue> Body(FuzzEndpoint e)
    {
        var none = new FuzzValue("", "none");
        var huge = new FuzzValue("{\"x\":\"" + new string('a', 300 * 1024) + "\"}", "body:huge", FuzzRefusal.Always);
        if (e.Body == FuzzBodyMode.None)
        {
            return Gen.Frequency((95, Gen.Constant(none)), (3, Gen.Constant(new FuzzValue("{\"x\":1}", "body:ignored"))), (2, Gen.Constant(huge)));
        }

        var structural = e.Body == FuzzBodyMode.Required ? FuzzRefusal.Always : FuzzRefusal.None;
        var fields = e.Fields;
        var options = new List<(int, Gen<FuzzValue>)>
        {
            (45, Object(fields, null, null)),
            (4, Gen.Constant(structural == FuzzRefusal.Always ? new FuzzValue("", "body:empty", FuzzRefusal.Always) : none)),
            (2, Gen.Constant(new FuzzValue("null", "body:null"))),
            (5, Gen.Elements(Malformed).Select(m => new FuzzValue(m, "body:malformed", FuzzRefusal.Always))),
            (3, Gen.Elements(NotAnObject).Select(m => new FuzzValue(m, "body:not-an-object", structural))),
            (2, Gen.Constant(new FuzzValue("{\"x\":" + new string('[', 300) + new string(']', 300) + "}", "body:deep"))),
            (1, Gen.Constant(huge)),
            (5, Object(fields, null, null).Select(v => v with { Json = v.Json.Insert(1, "\"unexpected_extra\":{\"nested\":[1,2]},").Replace(",}", "}", StringComparison.Ordinal), Class = "extra-property" })),
        };
        if (fields.Length > 0)
        {
            options.Add((15, Gen.Choose(0, fields.Length - 1).SelectMany(i => FuzzValues.Hostile(fields[i]).SelectMany(v => Object(fields, i, v)))));
            options.Add((5, Gen.Choose(0, fields.Length - 1).SelectMany(i => Object(fields, null, null).Select(v => Duplicate(v, fields[i])))));
        }

        var required = fields.Select((f, i) => (f, i)).Where(x => x.f.Required).Select(x => x.i).ToArray();
        if (required.Length > 0)
        {
            options.Add((6, Gen.Elements(required).SelectMany(i => Object(fields, i, new FuzzValue("", "missing:" + fields[i].Name, FuzzRefusal.Always)))));
        }

        var texts = fields.Select((f, i) => (f, i)).Where(x => FuzzValues.IsText(x.f)).Select(x => x.i).ToArray();
        if (texts.Length > 0)
        {
            options.Add((6, Gen.Elements(texts).SelectMany(i => FuzzValues.Control.SelectMany(v => Object(fields, i, v)))));
        }

        return Gen.Frequency(options.ToArray());
    }

    /// <summary>
    /// A JSON object of the fields with valid values (optional ones half the time), field <paramref name="at"/> set to
    /// <paramref name="value"/> (left out when its JSON is empty); the result carries that value's class and refusal.
    /// </summary>
    private static Gen<FuzzValue> Object(FuzzField[] fields, int? at, FuzzValue? value)
    {
        var parts = fields.Select((f, i) => i == at
            ? Gen.Constant<(FuzzField, FuzzValue?)>((f, value!.Json.Length == 0 ? null : value))
            : f.Required
                ? FuzzValues.Valid(f).Select(v => ((FuzzField, FuzzValue?))(f, v))
                : Gen.Frequency(
                    (1, Gen.Constant<(FuzzField, FuzzValue?)>((f, null))),
                    (1, FuzzValues.Valid(f).Select(v => ((FuzzField, FuzzValue?))(f, v))))).ToArray();
        return Gen.CollectToArray(parts).Select(chosen =>
        {
            var json = new StringBuilder("{");
            var refusal = FuzzRefusal.None;
            var classes = new List<string>();
            foreach (var (f, v) in chosen)
            {
                if (v is null)
                {
                    continue;
                }

                if (json.Length > 1)
                {
                    json.Append(',');
                }

                json.Append('"').Append(f.Name).Append("\":").Append(v.Json);
                refusal = Worst(refusal, v.Refusal);
                classes.Add(f.Name + "=" + v.Class);
            }

            if (value is not null)
            {
                refusal = Worst(refusal, value.Refusal);
            }

            var label = value is null ? "valid" : value.Class.StartsWith("missing:", StringComparison.Ordinal) ? value.Class : fields[at!.Value].Name + ":" + value.Class;
            return new FuzzValue(json.Append('}').ToString(), label + " {" + string.Join(" ", classes) + "}", refusal);
        });
    }

    private static FuzzValue Duplicate(FuzzValue body, FuzzField field)
    {
        var marker = "\"" + field.Name + "\":";
        var at = body.Json.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return body with { Json = body.Json.Insert(1, marker + "1,").Replace(",}", "}", StringComparison.Ordinal), Class = "duplicate-absent:" + field.Name };
        }

        return body with { Json = body.Json.Insert(1, marker + "null,"), Class = "duplicate:" + field.Name, Refusal = FuzzRefusal.Always };
    }

    private static FuzzRefusal Worst(FuzzRefusal a, FuzzRefusal b) => (FuzzRefusal)Math.Max((int)a, (int)b);
}

using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace TreasuryArena.Server.Tests.Fuzz;

/// <summary>
/// Values for one body field: well-shaped ones (which business rules may still refuse) and hostile ones (wrong JSON
/// type, 30-digit decimals, overflowing exponents, negative, zero and sub-cent amounts, over-long, empty, control
/// characters), each marked with whether it is certainly refused. Control characters are never marked: the free-text
/// policy is another change's, so the fuzzer holds them only to "no 5xx, no state change on refusal".
/// </summary>
public static class FuzzValues
{
    private static readonly FuzzValue[] WrongTypeForText =
    [
        new("42", "wrong-type:number", FuzzRefusal.Always),
        new("true", "wrong-type:bool", FuzzRefusal.Always),
        new("{}", "wrong-type:object", FuzzRefusal.Always),
        new("[\"x\"]", "wrong-type:array", FuzzRefusal.Always),
    ];

    private static readonly FuzzValue[] WrongTypeForNumber =
    [
        new("\"100\"", "wrong-type:string", FuzzRefusal.Always),
        new("true", "wrong-type:bool", FuzzRefusal.Always),
        new("{}", "wrong-type:object", FuzzRefusal.Always),
        new("[1]", "wrong-type:array", FuzzRefusal.Always),
        new("1e400", "overflow", FuzzRefusal.Always),
        new("-1e400", "overflow-negative", FuzzRefusal.Always),
        new("1.000000000000000000000000000001", "inexact-30-digits", FuzzRefusal.Always),
        new("123456789012345678901234567890", "inexact-30-digit-integer", FuzzRefusal.Always),
        new("0.123456789012345678901234567890", "inexact-30-decimals", FuzzRefusal.Always),
    ];

    private static readonly FuzzValue[] ControlText =
    [
        new("\"a\\u0000b\"", "control:nul"),
        new("\"\\u001b[31mred\\u001b[0m\"", "control:ansi"),
        new("\"line\\nforged row\"", "control:newline"),
        new("\"\\u202egnp.exe\"", "control:bidi"),
        new("\"tab\\there\"", "control:tab"),
        new("\"\\ud800\"", "control:lone-surrogate"),
        new("\"\\u0007bell\"", "control:bell"),
    ];

    private static readonly string[] NiceNames =
    [
        "St Mary's Parish", "Église Saint-Paul", "Fundação São José", "Церковь Христа", "教会", "Grace & Mercy Trust", "A", "x y z",
    ];

    public static Gen<int> Index { get; } = Gen.Choose(0, 9999);

    public static Gen<FuzzValue> Valid(FuzzField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Kind switch
        {
            FuzzFieldKind.Address => Gen.Frequency(
                (70, Ref("wallet", "own")),
                (10, Ref("wallet", "other").Select(v => v with { Refusal = FuzzRefusal.UnlessAdmin })),
                (8, Ref("wallet", "unknown").Select(v => v with { Refusal = FuzzRefusal.Always })),
                (4, Ref("wallet", "upper")),
                (8, Gen.Elements(
                    new FuzzValue("\"not-an-address\"", "address:garbage", FuzzRefusal.Always),
                    new FuzzValue("\"0x\"", "address:short", FuzzRefusal.Always),
                    new FuzzValue("\"\"", "address:empty", FuzzRefusal.Always),
                    new FuzzValue("\"0x" + new string('f', 63) + "\"", "address:too-long", FuzzRefusal.Always)))),
            FuzzFieldKind.Symbol => Gen.Frequency(
                (75, Ref("token", "active")),
                (10, Ref("token", "any")),
                (10, Ref("token", "unknown").Select(v => v with { Refusal = FuzzRefusal.Always })),
                (5, Ref("token", "lower"))),
            FuzzFieldKind.NewSymbol => Gen.Frequency(
                (80, Index.Select(i => new FuzzValue("\"FZ" + i.ToString(CultureInfo.InvariantCulture) + "\"", "symbol:new"))),
                (10, Ref("token", "any").Select(v => v with { Class = "symbol:existing", Refusal = FuzzRefusal.Always })),
                (10, Gen.Elements(new FuzzValue("\"fz-lower\"", "symbol:odd"), new FuzzValue("\"A B\"", "symbol:space"), new FuzzValue("\"Ω\"", "symbol:unicode")))),
            FuzzFieldKind.Usd or FuzzFieldKind.LooseNumber => Gen.Frequency(
                (70, Gen.Choose(1, 500_000).Select(c => Number((c / 100m).ToString("0.00", CultureInfo.InvariantCulture), "amount:cents"))),
                (20, Gen.Elements(Number("1e2", "amount:exponent"), Number("12.5", "amount:one-decimal"), Number("30000", "amount:large"), Number("0.01", "amount:one-cent"), Number("1E3", "amount:upper-exponent"))),
                (10, Gen.Choose(1, 99).Select(d => Number(d.ToString(CultureInfo.InvariantCulture), "amount:small")))),
            FuzzFieldKind.Shares => Gen.Frequency(
                (70, Gen.Choose(1, 20_000).Select(c => Number((c / 100m).ToString("0.00", CultureInfo.InvariantCulture), "shares:hundredths"))),
                (30, Gen.Elements(Number("0.00000001", "shares:smallest"), Number("1e1", "shares:exponent"), Number("1", "shares:one"), Number("99999", "shares:many")))),
            FuzzFieldKind.Side => Gen.Elements(Str("buy", "side"), Str("sell", "side"), Str("SELL", "side:upper"), Str(" buy ", "side:padded")),
            FuzzFieldKind.Mode => Gen.Elements(Str("manual", "mode"), Str("hybrid", "mode"), Str("full_ai", "mode"), Str("MANUAL", "mode:upper")),
            FuzzFieldKind.Risk => Gen.Elements(Str("conservative", "risk"), Str("moderate", "risk"), Str("aggressive", "risk")),
            FuzzFieldKind.Plan => Gen.Elements(Str("free", "plan"), Str("basic", "plan"), Str("premium", "plan")),
            FuzzFieldKind.OrganisationType => Gen.Elements(Str("church", "type"), Str("trust", "type"), Str("ministry", "type")),
            FuzzFieldKind.Role => Gen.Elements(Str("treasurer", "role"), Str("viewer", "role"), Str("admin", "role")),
            FuzzFieldKind.Name or FuzzFieldKind.Text => Gen.Frequency(
                (60, Gen.Elements(NiceNames).Select(n => Str(n, "text:nice"))),
                (30, Gen.Choose(1, 40).SelectMany(n => Gen.ArrayOf(Gen.Elements("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -'.".ToCharArray()), n))
                    .Select(cs => Str("Fz " + new string(cs), "text:random"))),
                (10, Gen.Constant(Str(new string('x', Math.Max(1, field.MaxLength is 0 ? 200 : field.MaxLength)), "text:max-length")))),
            FuzzFieldKind.Bool => Gen.Elements(new FuzzValue("true", "bool"), new FuzzValue("false", "bool")),
            FuzzFieldKind.Strategy => Gen.Frequency((90, Gen.Constant(Str("ma-trend", "strategy"))), (10, Gen.Constant(Str("no-such-strategy", "strategy:unknown", FuzzRefusal.Always)))),
            FuzzFieldKind.Nav => Gen.Elements(Number("1", "nav"), Number("0.5", "nav"), Number("2.25", "nav"), Number("100", "nav")),
            FuzzFieldKind.Parameters => Gen.Elements(new FuzzValue("{}", "parameters:empty"), new FuzzValue("null", "parameters:null"), new FuzzValue("{\"x\":\"1\"}", "parameters:unknown")),
            FuzzFieldKind.Date => Gen.Elements(new FuzzValue("null", "date:null"), Str("2024-01-02", "date"), Str("2025-06-02", "date")),
            FuzzFieldKind.Hurdle => Gen.Elements(Str("none", "hurdle"), Str("tbill", "hurdle"), new FuzzValue("null", "hurdle:null")),
            FuzzFieldKind.DisclosureVersion => Gen.Frequency((9, Gen.Constant(Str("v1", "version:current"))), (1, Gen.Constant(Str("v9", "version:unknown", FuzzRefusal.Always)))),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field.Kind, "no generator"),
        };
    }

    /// <summary>A hostile value for the field; <see cref="FuzzRefusal.Always"/> only where the request is certainly refused.</summary>
    public static Gen<FuzzValue> Hostile(FuzzField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var required = field.Required ? FuzzRefusal.Always : FuzzRefusal.None;
        switch (field.Kind)
        {
            case FuzzFieldKind.Usd or FuzzFieldKind.Shares or FuzzFieldKind.Nav:
                var semantic = new List<FuzzValue>
                {
                    Number("-5", "amount:negative", FuzzRefusal.Always),
                    Number("0", "amount:zero", FuzzRefusal.Always),
                    Number("-0", "amount:negative-zero", FuzzRefusal.Always),
                    Number("0e5", "amount:zero-exponent", FuzzRefusal.Always),
                    Number("1e15", "amount:absurd", FuzzRefusal.Always),
                    Number("7.9228162514264337593543950335e28", "amount:decimal-max", FuzzRefusal.Always),
                    Number("1e-30", "amount:tiny-exponent", FuzzRefusal.Always),
                    new("null", "null", required),
                };
                if (field.Kind == FuzzFieldKind.Usd)
                {
                    semantic.Add(Number("1.001", "amount:sub-cent", FuzzRefusal.Always));
                    semantic.Add(Number("1001e-3", "amount:sub-cent-exponent", FuzzRefusal.Always));
                }
                else
                {
                    semantic.Add(Number("0.000000001", "amount:below-scale", FuzzRefusal.Always));
                }

                return Gen.Frequency((1, Gen.Elements(WrongTypeForNumber)), (1, Gen.Elements(semantic.ToArray())));
            case FuzzFieldKind.LooseNumber:
                return Gen.Frequency((2, Gen.Elements(WrongTypeForNumber)), (1, Gen.Elements(Number("-5", "amount:negative"), Number("0", "amount:zero"), Number("1.001", "amount:sub-cent"))));
            case FuzzFieldKind.Bool:
                return Gen.Elements(new FuzzValue("\"true\"", "wrong-type:string", FuzzRefusal.Always), new FuzzValue("1", "wrong-type:number", FuzzRefusal.Always), new FuzzValue("null", "null"));
            case FuzzFieldKind.Parameters:
                return Gen.Elements(new FuzzValue("\"x\"", "wrong-type:string", FuzzRefusal.Always), new FuzzValue("{\"fast\":10}", "wrong-type:value", FuzzRefusal.Always), new FuzzValue("[]", "wrong-type:array", FuzzRefusal.Always));
            case FuzzFieldKind.Mode or FuzzFieldKind.Risk or FuzzFieldKind.Plan or FuzzFieldKind.OrganisationType or FuzzFieldKind.Role:
                return Gen.Elements(
                    new FuzzValue("1", "enum:number", FuzzRefusal.Always),
                    new FuzzValue("\"casino\"", "enum:unknown", FuzzRefusal.Always),
                    new FuzzValue("\"\"", "enum:empty", FuzzRefusal.Always),
                    new FuzzValue("true", "enum:bool", FuzzRefusal.Always),
                    new FuzzValue("null", "enum:null"));
            case FuzzFieldKind.Date:
                return Gen.Elements(
                    Str("2024-13-01", "date:invalid", FuzzRefusal.Always),
                    Str("yesterday", "date:words", FuzzRefusal.Always),
                    new FuzzValue("20240101", "date:number", FuzzRefusal.Always),
                    Str("0001-01-01", "date:min"),
                    Str("9999-12-31", "date:max"),
                    Str("2024-01-02T00:00:00Z", "date:instant"));
            default:
                var text = new List<FuzzValue>(WrongTypeForText) { new("null", "null", required) };
                if (field.MaxLength > 0)
                {
                    text.Add(Str(new string('y', field.MaxLength + 1), "text:too-long", FuzzRefusal.Always));
                }

                if (field.Required && field.Kind != FuzzFieldKind.Text)
                {
                    // Names, addresses, symbols and versions need at least one character; a reason may be empty.
                    text.Add(Str("", "text:empty", FuzzRefusal.Always));
                }

                text.Add(Str("   ", "text:blank"));
                return Gen.Elements(text.ToArray());
        }
    }

    /// <summary>Text with control, escape, bidi or surrogate characters (JSON-escaped, so the body is valid JSON).</summary>
    public static Gen<FuzzValue> Control { get; } = Gen.Elements(ControlText);

    public static bool IsText(FuzzField field) =>
        field is not null && field.Kind is FuzzFieldKind.Name or FuzzFieldKind.Text or FuzzFieldKind.DisclosureVersion or FuzzFieldKind.Symbol or FuzzFieldKind.NewSymbol or FuzzFieldKind.Address or FuzzFieldKind.Strategy;

    /// <summary>A path or body placeholder (<c>{kind:class:n}</c>) resolved by <see cref="FuzzWorld"/> when the step runs.</summary>
    public static Gen<FuzzValue> Ref(string kind, string @class) =>
        Index.Select(i => new FuzzValue("\"{" + kind + ":" + @class + ":" + i.ToString(CultureInfo.InvariantCulture) + "}\"", kind + ":" + @class));

    private static FuzzValue Str(string text, string @class, FuzzRefusal refusal = FuzzRefusal.None) =>
        new(System.Text.Json.JsonSerializer.Serialize(text), @class, refusal);

    private static FuzzValue Number(string literal, string @class, FuzzRefusal refusal = FuzzRefusal.None) => new(literal, @class, refusal);
}

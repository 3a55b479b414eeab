using System.Reflection;
using System.Reflection.Emit;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Architecture.Tests;

/// <summary>
/// Rules about numbers that BannedApiAnalyzers cannot express (a cast is not an API call in source): in Core, money
/// (<see cref="decimal"/>) and analytics (<see cref="double"/>) meet only in <see cref="AnalyticsBoundary"/>. The test reads
/// the IL of every method of Core (lambdas, iterators and async state machines included, attributed to the type that wrote
/// them) and lists each call that converts between the two anywhere else.
/// </summary>
public sealed class NumberBoundaryTests
{
    private static readonly Assembly Core = typeof(AnalyticsBoundary).Assembly;

    [Fact]
    public void Core_ConvertsDoubleAndDecimal_OnlyInTheBoundary()
    {
        var offenders = ConversionSites(Core)
            .Where(s => s.Owner != typeof(AnalyticsBoundary))
            .Select(s => $"{s.Owner.FullName}.{s.Method}: {s.Conversion}")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(offenders.Count == 0, "double ↔ decimal outside AnalyticsBoundary:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void TheScan_FindsTheBoundarysOwnConversions()
    {
        // Guards the scanner itself: the boundary's casts must be seen, or the rule above would pass vacuously.
        var inBoundary = ConversionSites(Core).Where(s => s.Owner == typeof(AnalyticsBoundary)).Select(s => s.Conversion).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("decimal → double", inBoundary);
        Assert.Contains("double → decimal", inBoundary);
    }

    internal sealed record Site(Type Owner, string Method, string Conversion);

    internal static IEnumerable<Site> ConversionSites(Assembly assembly)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in assembly.GetTypes())
        {
            var owner = type;
            while (owner.DeclaringType is { } outer)
            {
                owner = outer;
            }

            foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                byte[]? il;
                try
                {
                    il = method.GetMethodBody()?.GetILAsByteArray();
                }
                catch (InvalidOperationException)
                {
                    il = null;
                }

                if (il is null)
                {
                    continue;
                }

                foreach (var callee in Callees(method, il))
                {
                    if (Conversion(callee) is { } conversion)
                    {
                        yield return new Site(owner, method.Name, conversion);
                    }
                }
            }
        }
    }

    /// <summary>A BCL member (a cast operator, <c>Convert.ToDouble</c>, <c>decimal.ToDouble</c>, <c>new decimal(double)</c>) from one to the other.</summary>
    private static string? Conversion(MethodBase callee)
    {
        var returns = callee is MethodInfo mi ? mi.ReturnType : callee.DeclaringType;
        var parameters = callee.GetParameters();
        if (parameters.Length != 1 || returns is null || callee.DeclaringType?.Namespace != "System")
        {
            return null;
        }

        var from = parameters[0].ParameterType;
        static bool Binary(Type t) => t == typeof(double) || t == typeof(float);
        return from == typeof(decimal) && Binary(returns) ? "decimal → double"
            : Binary(from) && returns == typeof(decimal) ? "double → decimal"
            : null;
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private static List<MethodBase> Callees(MethodBase method, byte[] il)
    {
        var found = new List<MethodBase>();
        var typeArgs = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var i = 0;
        while (i < il.Length)
        {
            short value = il[i++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[i++]);
            }

            var op = OpCodesByValue[value];
            switch (op.OperandType)
            {
                case OperandType.InlineMethod:
                    var token = BitConverter.ToInt32(il, i);
                    try
                    {
                        if (method.Module.ResolveMethod(token, typeArgs, methodArgs) is { } callee)
                        {
                            found.Add(callee);
                        }
                    }
                    catch (ArgumentException)
                    {
                        // A member of an open generic the scan cannot bind; conversions are never such members.
                    }

                    i += 4;
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.InlineSwitch:
                    var n = BitConverter.ToInt32(il, i);
                    i += 4 + (4 * n);
                    break;
                default:
                    i += 4;
                    break;
            }
        }

        return found;
    }
}

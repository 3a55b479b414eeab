using System.Collections;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Infrastructure.Configuration;

/// <summary>
/// Finds configuration keys that nothing reads: a key under a known section that no options property names
/// (<c>Arena:WebhookUrll</c> → "did you mean Arena:WebhookUrl"), a top-level section whose name is a near miss of a known
/// one (<c>Arnea__Database</c> → <c>Arena</c>), and deprecated aliases that still work. Other top-level keys (every
/// environment variable of the process, <c>Logging</c>, <c>Kestrel</c>, <c>AllowedHosts</c>…) are not ours to judge.
/// These are warnings, not errors: the value is ignored, so the process is as correct as without it, and a stricter
/// rule would stop a fleet whose shared environment carries a key that only a newer or older version reads.
/// </summary>
public static class ConfigurationCheck
{
    /// <summary>Deprecated keys that still work, and the documented key to use instead.</summary>
    public static IReadOnlyDictionary<string, string> DeprecatedKeys { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Arena:WebhookUrl"] = "Notifications:WebhookUrl",
    };

    public static IReadOnlyList<ConfigurationWarning> Check(IConfiguration configuration, IEnumerable<KnownSection> sections)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(sections);
        var root = new Node();
        foreach (var section in sections)
        {
            var node = root;
            foreach (var part in section.Path.Split(':'))
            {
                node = node.Child(part);
            }

            node.AddProperties(section.OptionsType, 0);
        }

        var warnings = new List<ConfigurationWarning>();
        foreach (var child in configuration.GetChildren())
        {
            if (root.Children.TryGetValue(child.Key, out var known))
            {
                Walk(child, known, warnings);
            }
            else if (child.GetChildren().Any() && Nearest(child.Key, root.Children.Keys, maxDistance: 2) is { } near)
            {
                warnings.Add(new ConfigurationWarning(child.Path, near,
                    $"configuration section '{child.Path}' is not read by anything (did you mean '{near}'?); its keys are ignored"));
            }
        }

        foreach (var (key, replacement) in DeprecatedKeys)
        {
            if (!string.IsNullOrEmpty(configuration[key]))
            {
                warnings.Add(new ConfigurationWarning(key, replacement, $"configuration key '{key}' is deprecated: use '{replacement}'"));
            }
        }

        return warnings;
    }

    private static void Walk(IConfigurationSection section, Node node, List<ConfigurationWarning> warnings)
    {
        if (node.AnyChildren)
        {
            return;
        }

        foreach (var child in section.GetChildren())
        {
            if (node.Element is { } element)
            {
                Walk(child, element, warnings);
            }
            else if (node.Children.TryGetValue(child.Key, out var known))
            {
                Walk(child, known, warnings);
            }
            else
            {
                var parent = section.Path;
                var near = Nearest(child.Key, node.Children.Keys, Math.Max(2, child.Key.Length / 3));
                var suggestion = near is null ? null : parent + ":" + near;
                warnings.Add(new ConfigurationWarning(child.Path, suggestion, suggestion is null
                    ? $"configuration key '{child.Path}' is not a known key of '{parent}' and is ignored"
                    : $"configuration key '{child.Path}' is not a known key and is ignored (did you mean '{suggestion}'?)"));
            }
        }
    }

    private static string? Nearest(string key, IEnumerable<string> candidates, int maxDistance)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates.Order(StringComparer.Ordinal))
        {
            var d = Distance(key.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (d < bestDistance)
            {
                (best, bestDistance) = (candidate, d);
            }
        }

        return bestDistance <= maxDistance ? best : null;
    }

    /// <summary>Edit distance with adjacent transpositions (<see cref="EditDistance.Osa"/>): <c>Arnea</c> is one edit from <c>Arena</c>.</summary>
    internal static int Distance(string a, string b) => EditDistance.Osa(a, b);

    private sealed class Node
    {
        public Dictionary<string, Node> Children { get; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>Any key below is accepted (a dictionary or a list of plain values, or a free-form section).</summary>
        public bool AnyChildren { get; private set; }

        /// <summary>The shape of each item of a list or dictionary of objects (keys below are indexes or names).</summary>
        public Node? Element { get; private set; }

        public Node Child(string name)
        {
            if (!Children.TryGetValue(name, out var node))
            {
                node = new Node();
                Children[name] = node;
            }

            return node;
        }

        public void AddProperties(Type type, int depth)
        {
            if (depth > 8)
            {
                AnyChildren = true;
                return;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetMethod is null || property.GetIndexParameters().Length > 0)
                {
                    continue;
                }

                // Settable (set or init) properties, and get-only collections or objects the binder fills in place.
                var shape = Classify(property.PropertyType);
                if (!property.CanWrite && shape == Shape.Leaf)
                {
                    continue;
                }

                Child(property.Name).Describe(property.PropertyType, shape, depth + 1);
            }
        }

        private void Describe(Type type, Shape shape, int depth)
        {
            switch (shape)
            {
                case Shape.Leaf:
                    return;
                case Shape.Collection:
                    var item = ItemType(type);
                    if (item is null || Classify(item) == Shape.Leaf)
                    {
                        AnyChildren = true;
                    }
                    else
                    {
                        Element = new Node();
                        Element.Describe(item, Classify(item), depth + 1);
                    }

                    return;
                default:
                    AddProperties(Nullable.GetUnderlyingType(type) ?? type, depth);
                    return;
            }
        }

        private static Shape Classify(Type type)
        {
            var t = Nullable.GetUnderlyingType(type) ?? type;
            if (t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(TimeSpan) || t == typeof(DateOnly)
                || t == typeof(TimeOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(Guid) || t == typeof(Uri))
            {
                return Shape.Leaf;
            }

            return typeof(IEnumerable).IsAssignableFrom(t) ? Shape.Collection : Shape.Object;
        }

        private static Type? ItemType(Type type)
        {
            if (type.IsArray)
            {
                return type.GetElementType();
            }

            var dictionary = type.GetInterfaces().Append(type)
                .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() is var g && (g == typeof(IDictionary<,>) || g == typeof(IReadOnlyDictionary<,>)));
            if (dictionary is not null)
            {
                return dictionary.GetGenericArguments()[1];
            }

            var enumerable = type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
            return enumerable?.GetGenericArguments()[0];
        }
    }

    private enum Shape
    {
        Leaf,
        Collection,
        Object,
    }
}

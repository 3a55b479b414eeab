using System.Security.Cryptography;
using System.Text;

namespace TreasuryArena.Core.Compliance;

/// <summary>A published risk-disclosure document version; <see cref="Sha256"/> pins the exact text attested to.</summary>
public sealed record RiskDisclosure(string Version, string Text, string Sha256, DateTimeOffset PublishedAt, string PublishedBy)
{
    public static string HashText(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

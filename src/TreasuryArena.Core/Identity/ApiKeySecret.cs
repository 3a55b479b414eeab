using System.Security.Cryptography;
using System.Text;

namespace TreasuryArena.Core.Identity;

/// <summary>Makes and hashes API keys: 32 random bytes, base64url, prefixed <c>ta_</c>; stored as SHA-256 hex.</summary>
public static class ApiKeySecret
{
    public const string KeyPrefix = "ta_";
    private const int PrefixLength = 10;

    public static string Generate()
    {
        Span<byte> bytes = stackalloc byte[32];
        RandomNumberGenerator.Fill(bytes);
        return KeyPrefix + Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>The first characters of a key, safe to show in listings so a person can tell keys apart.</summary>
    public static string DisplayPrefix(string key) => key.Length <= PrefixLength ? key : key[..PrefixLength];
}

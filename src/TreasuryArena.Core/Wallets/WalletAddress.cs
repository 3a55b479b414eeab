using System.Security.Cryptography;
using System.Text;

namespace TreasuryArena.Core.Wallets;

/// <summary>
/// Wallet addresses: <c>0x</c> followed by 40 lower-case hex digits. An address is derived from the owning
/// organisation and the creating request's idempotency key (SHA-256, first 20 bytes), so retrying a creation
/// yields the same wallet and distinct requests yield distinct addresses.
/// </summary>
public static class WalletAddress
{
    public static string Derive(string organisation, string idempotencyKey)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes("wallet\n" + organisation + "\n" + idempotencyKey));
        return "0x" + Convert.ToHexStringLower(bytes.AsSpan(0, 20));
    }

    public static bool IsValid(string? address) =>
        address is { Length: 42 } && address.StartsWith("0x", StringComparison.Ordinal) &&
        address.Skip(2).All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}

using System.Globalization;
using System.Text;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Ports;
using TreasuryArena.Core.Wallets;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Infrastructure.Reports;

/// <summary>
/// A wallet's monthly statement, the one use case behind <c>arena report statement</c> and
/// <c>GET /api/wallet/{address}/statement?month=yyyy-MM&amp;format=html|csv|pdf</c>. Readable by the owning organisation's
/// members (treasurer or viewer) and by an admin (an operator); any other wallet, or an address that is no wallet, is
/// <c>wallet_not_found</c>. The month is <c>yyyy-MM</c> on the business calendar (default: the platform date's month);
/// a malformed month, one that has not started by the platform date, or one that ended before the wallet opened is
/// <c>invalid_query</c> naming <c>month</c>. The statement names the organisation and the wallet; the PDF is the HTML page
/// printed by <see cref="ChromiumPdf"/> (no Chromium: <c>pdf_unavailable</c>).
/// </summary>
public sealed class WalletStatementUseCases(IIdentityStore identity, LedgerService ledger, ArenaDatabase database, TimeProvider time, IBusinessClock clock, ChromiumPdf pdf)
{
    /// <summary>Parses <c>yyyy-MM</c> (null or blank: the platform date's month).</summary>
    public DateOnly ParseMonth(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            var today = clock.Today;
            return new DateOnly(today.Year, today.Month, 1);
        }

        return DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            ? first
            : throw new DomainException(Outcome.InvalidQuery, $"month `{text}` is not a yyyy-MM month") { Field = "month" };
    }

    /// <summary>The statement of <paramref name="address"/> for <paramref name="month"/>, with the organisation's and the wallet's names.</summary>
    public async Task<WalletStatement> StatementAsync(Caller caller, string? address, string? month, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var first = ParseMonth(month);
        var wallet = Find(caller, address);
        var inputs = await StatementInputs.LoadAsync(database, ledger, time, [wallet.Address], ct);
        WalletStatement statement;
        try
        {
            statement = WalletStatementBuilder.Build(wallet, inputs.Entries, inputs.History, inputs.CurrentNav, first, clock.Today);
        }
        catch (ArgumentException ex)
        {
            throw new DomainException(Outcome.InvalidQuery, ex.Message) { Field = "month" };
        }

        var org = Guid.TryParse(wallet.Organisation, out var id) ? await identity.FindOrganisationAsync(id, ct) : null;
        return statement with { OrganisationName = org?.Name };
    }

    /// <summary>The statement rendered as <paramref name="format"/>: the bytes, their content type and a download file name.</summary>
    public async Task<(byte[] Content, string ContentType, string FileName)> RenderAsync(WalletStatement statement, StatementFormat format, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var name = string.Create(CultureInfo.InvariantCulture, $"statement-{statement.Address}-{statement.Month:yyyy-MM}");
        return format switch
        {
            StatementFormat.Csv => (Encoding.UTF8.GetBytes(WalletStatementCsv.Render(statement)), "text/csv; charset=utf-8", name + ".csv"),
            StatementFormat.Pdf => (await pdf.PrintAsync(WalletStatementHtml.Render(statement), ct), "application/pdf", name + ".pdf"),
            _ => (Encoding.UTF8.GetBytes(WalletStatementHtml.Render(statement)), "text/html; charset=utf-8", name + ".html"),
        };
    }

    private Wallet Find(Caller caller, string? address)
    {
        var text = address?.Trim().ToLowerInvariant();
        var wallet = WalletAddress.IsValid(text) ? ledger.GetWallet(text!)?.Wallet : null;
        return wallet is not null && Guid.TryParse(wallet.Organisation, out var org) && caller.CanRead(org)
            ? wallet
            : throw new DomainException(Outcome.WalletNotFound, $"no such wallet {address}" + (caller.Role == Role.Admin ? "" : " in your organisation"));
    }
}

using TreasuryArena.Core.Audit;

namespace TreasuryArena.Core.Tests.Audit;

public sealed class AuditChainTests
{
    private static List<AuditEntry> Chain(int n)
    {
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var previous = AuditChain.Genesis;
        var list = new List<AuditEntry>();
        for (var i = 1; i <= n; i++)
        {
            var e = AuditChain.Link(i, at.AddMinutes(i), new AuditRecord("admin", "org.create", "org-" + i, AuditOutcome.Done, "{}"), previous);
            previous = e.Hash;
            list.Add(e);
        }

        return list;
    }

    [Fact]
    public void Verify_IntactChain_IsValid()
    {
        var result = AuditChain.Verify(Chain(5));
        Assert.True(result.Valid);
        Assert.Equal(5, result.Entries);
    }

    [Fact]
    public void Verify_EditedEntry_FailsAtThatEntry()
    {
        var chain = Chain(5);
        chain[2] = chain[2] with { Subject = "forged" };
        var result = AuditChain.Verify(chain);
        Assert.False(result.Valid);
        Assert.Equal(3, result.FirstBadSequence);
    }

    [Fact]
    public void Verify_RemovedEntry_FailsWithGap()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);
        var result = AuditChain.Verify(chain);
        Assert.False(result.Valid);
        Assert.Equal(3, result.FirstBadSequence);
    }

    [Fact]
    public void Verify_RehashedForgery_BreaksTheNextLink()
    {
        var chain = Chain(4);
        var forged = AuditChain.Link(2, chain[1].At, new AuditRecord("admin", "org.create", "forged", AuditOutcome.Done, "{}"), chain[0].Hash);
        chain[1] = forged;
        var result = AuditChain.Verify(chain);
        Assert.False(result.Valid);
        Assert.Equal(3, result.FirstBadSequence);
    }
}

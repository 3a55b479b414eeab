using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TreasuryArena.Core.Application;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Policy;

namespace TreasuryArena.Server.Tests.Browser;

/// <summary>
/// Issue 21 in the browser: the second approval of a policy change given on the Approvals page by the church's trustee
/// (approver role), and an ESIGN signature made on the Organisation page (typed full name, explicit consent).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardApprovalsTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task Approvals_TrusteeGivesTheSecondApprovalInTheBrowser_PolicyChangeApplies()
    {
        await using var d = await DashboardPage.OpenAsync(browser);
        var services = d.Server.Services;
        var identity = services.GetRequiredService<IdentityService>();
        var treasurer = (await identity.AuthenticateAsync(d.Demo.TreasurerKey, CancellationToken.None))!;
        var org = treasurer.OrganisationId!.Value;
        var trusteeKey = (await identity.IssueKeyAsync(Caller.Operator("browser test"), org, "Morgan Trustee", Role.Approver, CancellationToken.None)).Key;
        var policies = services.GetRequiredService<PolicyUseCases>();
        var before = await policies.ShowAsync(treasurer, org, CancellationToken.None);
        var requested = await policies.ProposeChangeAsync(treasurer, org, new PolicyChange { MinTokens = 4 }, CancellationToken.None);
        var id = requested.Approval!.Id.ToString();

        await d.SignInAsync(trusteeKey);
        await d.Page.GetByRole(AriaRole.Link, new() { Name = "Approvals", Exact = true }).ClickAsync();
        await d.Page.GetByRole(AriaRole.Heading, new() { Name = "Approvals", Level = 1 }).WaitForAsync();
        var card = d.Page.Locator($"[data-approval-id='{id}']");
        await card.WaitForAsync();
        Assert.Contains("policy change (min_tokens)", await card.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("requested by Pat Treasurer", await card.InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(d.Page, "approvals");

        await card.GetByRole(AriaRole.Button, new() { Name = "Approve (second approval)" }).ClickAsync();
        await card.GetByRole(AriaRole.Status).WaitForAsync();
        Assert.Contains($"executed — policy version {before.Version + 1} set (min_tokens)", await card.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);

        var after = await policies.ShowAsync(treasurer, org, CancellationToken.None);
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal(4, after.Policy.MinTokens);
        Assert.Equal(before.Policy.MaxTokenWeight, after.Policy.MaxTokenWeight);
    }

    [BrowserFact]
    public async Task Organisation_TreasurerSignsADocumentWithTypedNameAndConsent_SignatureListed()
    {
        await using var d = await DashboardPage.OpenAsync(browser);
        var documents = d.Server.Services.GetRequiredService<ComplianceDocumentUseCases>();
        var published = await documents.PublishAsync(Caller.Operator("browser test"), "membership_agreement", "browser-1",
            "The member organisation agrees to the platform's terms. Browser test version.", CancellationToken.None);

        await d.SignInAsync(d.Demo.TreasurerKey);
        await d.Page.GetByRole(AriaRole.Link, new() { Name = "Organisation", Exact = true }).ClickAsync();
        await d.Page.GetByRole(AriaRole.Heading, new() { Name = "Organisation", Level = 1 }).WaitForAsync();
        await d.Page.GetByRole(AriaRole.Heading, new() { Name = "Compliance review", Level = 2 }).WaitForAsync();

        // The investment policy in force (the demo's IPS: its excluded strategies) and the breaches table (issue 21).
        var policy = await d.Page.Locator("[data-testid='policy']").InnerTextAsync();
        Assert.Contains("fear-greed-contrarian", policy, StringComparison.Ordinal);
        Assert.Contains("Breaches of the investment policy", policy, StringComparison.Ordinal);
        Assert.Matches("Investment policy · version [0-9]+", await d.Page.Locator("#main").InnerTextAsync());

        var form = d.Page.Locator("[data-sign-form='membership_agreement']");
        await form.GetByLabel("Type your full name").FillAsync("Pat Q. Treasurer");
        var consent = form.GetByRole(AriaRole.Checkbox);
        Assert.False(await consent.IsCheckedAsync());
        await consent.CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Sign membership agreement" }).ClickAsync();
        var status = form.GetByRole(AriaRole.Status);
        await status.WaitForAsync();
        Assert.Contains("Signed membership agreement version browser-1 as Pat Q. Treasurer", await status.InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(d.Page, "organisation");

        var identity = d.Server.Services.GetRequiredService<IdentityService>();
        var treasurer = (await identity.AuthenticateAsync(d.Demo.TreasurerKey, CancellationToken.None))!;
        var signature = Assert.Single(await documents.SignaturesAsync(treasurer, treasurer.OrganisationId!.Value, CancellationToken.None), s => s.DocumentVersion == "browser-1");
        Assert.Equal("Pat Q. Treasurer", signature.TypedName);
        Assert.True(signature.Consent);
        Assert.Equal(published.Sha256, signature.DocumentHash);

        // Reloaded, the signature is on record in the list.
        await d.GoAsync("#/organisation", "Organisation");
        await d.SettledAsync();
        Assert.Contains("Pat Q. Treasurer", await d.Page.Locator("#main").InnerTextAsync(), StringComparison.Ordinal);
    }
}

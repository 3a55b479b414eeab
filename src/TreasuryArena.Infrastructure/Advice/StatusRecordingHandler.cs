namespace TreasuryArena.Infrastructure.Advice;

/// <summary>
/// Sits under the shared resilience handler and records each attempt's HTTP status in the current
/// <see cref="ClaudeCallState"/>, so a failure after the retries can be named (<c>rate_limited</c> for 429,
/// <c>overloaded</c> for 529, …) whatever exception the SDK turns it into.
/// </summary>
internal sealed class StatusRecordingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (ClaudeCallState.Current is { } state)
        {
            state.LastStatus = (int)response.StatusCode;
            state.Attempts++;
        }

        return response;
    }
}

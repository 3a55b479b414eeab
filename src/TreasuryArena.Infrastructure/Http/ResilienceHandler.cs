using Polly;

namespace TreasuryArena.Infrastructure.Http;

/// <summary>
/// The one shared resilience <see cref="DelegatingHandler"/> (timeout, retry with jitter honouring <c>Retry-After</c>,
/// circuit breaker). Add it to a typed client with <see cref="HttpClientBuilderResilienceExtensions.AddArenaResilience"/>.
/// </summary>
public sealed class ResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        await pipeline.ExecuteAsync(
            static (state, ct) => new ValueTask<HttpResponseMessage>(state.Self.SendInner(state.Request, ct)),
            (Self: this, Request: request),
            cancellationToken);

    private Task<HttpResponseMessage> SendInner(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}

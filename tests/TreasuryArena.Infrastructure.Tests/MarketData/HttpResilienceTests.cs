using System.Net;
using System.Net.Http.Headers;
using TreasuryArena.Infrastructure.Http;

namespace TreasuryArena.Infrastructure.Tests.MarketData;

public sealed class HttpResilienceTests
{
    private static readonly DateTimeOffset Now = new(2024, 4, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RetryAfter_HttpDate_IsTheWaitUntilThen()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(Now.AddSeconds(20));

        Assert.Equal(TimeSpan.FromSeconds(20), HttpResiliencePipelines.RetryAfter(response, new ManualTimeProvider(Now)));
    }

    [Fact]
    public void RetryAfter_DateInThePast_IsZero()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(Now.AddSeconds(-5));

        Assert.Equal(TimeSpan.Zero, HttpResiliencePipelines.RetryAfter(response, new ManualTimeProvider(Now)));
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, null, true)]
    [InlineData(HttpStatusCode.BadGateway, null, true)]
    [InlineData(HttpStatusCode.RequestTimeout, null, true)]
    [InlineData(HttpStatusCode.TooManyRequests, null, true)]
    [InlineData(HttpStatusCode.TooManyRequests, 5, true)]
    [InlineData(HttpStatusCode.TooManyRequests, 600, false)]
    [InlineData(HttpStatusCode.BadRequest, null, false)]
    [InlineData(HttpStatusCode.Unauthorized, null, false)]
    public void IsTransient_StatusAndRetryAfter(HttpStatusCode status, int? retryAfterSeconds, bool expected)
    {
        using var response = new HttpResponseMessage(status);
        if (retryAfterSeconds is { } s)
        {
            response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(s));
        }

        Assert.Equal(expected, HttpResiliencePipelines.IsTransient(response, TimeSpan.FromSeconds(30), new ManualTimeProvider(Now)));
    }
}

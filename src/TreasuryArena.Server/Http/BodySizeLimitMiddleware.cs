using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using TreasuryArena.Server.Hosting;

namespace TreasuryArena.Server.Http;

/// <summary>Rejects bodies above <see cref="ArenaServerOptions.MaxRequestBodyBytes"/> with 413 before anything reads them.</summary>
public sealed class BodySizeLimitMiddleware(RequestDelegate next, IOptions<ArenaServerOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limit = options.Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            throw new BadHttpRequestException("request body too large", StatusCodes.Status413PayloadTooLarge);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        return next(context);
    }
}

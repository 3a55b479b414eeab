using System.Security.Cryptography;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace TreasuryArena.Server.Http;

/// <summary>
/// A JSON body serialised once and served as is to every request until replaced: the UTF-8 bytes, their length and a
/// strong ETag (a hash of the bytes, so equal across instances and restarts) are computed when it is built, not per
/// request. A request whose <c>If-None-Match</c> names the ETag (or <c>*</c>) gets 304 with no body. Responses carry
/// <c>Cache-Control: private, no-cache</c>: a client may keep the body but must revalidate it.
/// </summary>
public sealed class CachedJson : IResult
{
    private static readonly StringValues ContentType = "application/json; charset=utf-8";
    private static readonly StringValues CacheControl = "private, no-cache";
    private readonly byte[] _utf8;
    private readonly StringValues _etagHeader;

    public CachedJson(byte[] utf8)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        _utf8 = utf8;
        ETag = "\"" + Convert.ToHexStringLower(SHA256.HashData(utf8).AsSpan(0, 16)) + "\"";
        _etagHeader = ETag;
    }

    /// <summary>The strong ETag, quoted (as sent in the header).</summary>
    public string ETag { get; }

    public ReadOnlyMemory<byte> Utf8 => _utf8;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        var headers = response.Headers;
        headers.ETag = _etagHeader;
        headers.CacheControl = CacheControl;
        if (Matches(httpContext.Request.Headers.IfNoneMatch))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        headers.ContentType = ContentType;
        response.ContentLength = _utf8.Length;
        return response.BodyWriter.WriteAsync(_utf8, httpContext.RequestAborted).AsTask();
    }

    /// <summary>True when an <c>If-None-Match</c> header lists this body's ETag (weak comparison, as RFC 9110 asks for GET) or <c>*</c>.</summary>
    public bool Matches(StringValues ifNoneMatch)
    {
        if (StringValues.IsNullOrEmpty(ifNoneMatch) || !EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
        {
            return false;
        }

        foreach (var tag in tags)
        {
            if (tag.Equals(EntityTagHeaderValue.Any) || StringSegment.Equals(tag.Tag, ETag, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

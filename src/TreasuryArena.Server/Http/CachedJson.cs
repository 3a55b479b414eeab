using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace TreasuryArena.Server.Http;

/// <summary>
/// A JSON body serialised once and served as is to every request until replaced: the UTF-8 bytes, a gzip copy, their
/// lengths and strong ETags (a hash of the bytes, so equal across instances and restarts) are computed when it is
/// built, not per request. A client that accepts gzip gets the gzip copy (<c>Content-Encoding: gzip</c>, its own ETag);
/// responses carry <c>Vary: Accept-Encoding</c> and <c>Cache-Control: private, no-cache</c> (a client may keep the body
/// but must revalidate it). A request whose <c>If-None-Match</c> names either ETag (or <c>*</c>) gets 304 with no body.
/// </summary>
public sealed class CachedJson : IResult
{
    private static readonly StringValues ContentType = "application/json; charset=utf-8";
    private static readonly StringValues CacheControl = "private, no-cache";
    private static readonly StringValues Gzip = "gzip";
    private static readonly StringValues VaryEncoding = "Accept-Encoding";
    private readonly byte[] _utf8;
    private readonly byte[] _gzip;
    private readonly StringValues _etagHeader;
    private readonly StringValues _gzipETagHeader;

    public CachedJson(byte[] utf8)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        _utf8 = utf8;
        using (var buffer = new MemoryStream())
        {
            using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                gzip.Write(utf8);
            }

            _gzip = buffer.ToArray();
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(utf8).AsSpan(0, 16));
        ETag = "\"" + hash + "\"";
        GzipETag = "\"" + hash + "-gzip\"";
        _etagHeader = ETag;
        _gzipETagHeader = GzipETag;
    }

    /// <summary>The strong ETag of the plain body, quoted (as sent in the header).</summary>
    public string ETag { get; }

    /// <summary>The strong ETag of the gzip copy.</summary>
    public string GzipETag { get; }

    public ReadOnlyMemory<byte> Utf8 => _utf8;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var request = httpContext.Request.Headers;
        var response = httpContext.Response;
        var headers = response.Headers;
        var gzip = AcceptsGzip(request.AcceptEncoding);
        headers.ETag = gzip ? _gzipETagHeader : _etagHeader;
        headers.CacheControl = CacheControl;
        headers.Vary = VaryEncoding;
        if (Matches(request.IfNoneMatch))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        var body = gzip ? _gzip : _utf8;
        response.StatusCode = StatusCodes.Status200OK;
        headers.ContentType = ContentType;
        if (gzip)
        {
            headers.ContentEncoding = Gzip;
        }

        response.ContentLength = body.Length;
        return response.BodyWriter.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }

    /// <summary>True when an <c>If-None-Match</c> header lists one of this body's ETags (weak comparison, as RFC 9110 asks for GET) or <c>*</c>.</summary>
    public bool Matches(StringValues ifNoneMatch)
    {
        if (StringValues.IsNullOrEmpty(ifNoneMatch) || !EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
        {
            return false;
        }

        foreach (var tag in tags)
        {
            if (tag.Equals(EntityTagHeaderValue.Any) || StringSegment.Equals(tag.Tag, ETag, StringComparison.Ordinal)
                || StringSegment.Equals(tag.Tag, GzipETag, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <c>Accept-Encoding</c> lists gzip with a non-zero quality (or, gzip not named, <c>*</c>).</summary>
    public static bool AcceptsGzip(StringValues acceptEncoding)
    {
        if (StringValues.IsNullOrEmpty(acceptEncoding) || !StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var codings))
        {
            return false;
        }

        double? gzip = null;
        double? any = null;
        foreach (var coding in codings)
        {
            if (StringSegment.Equals(coding.Value, "gzip", StringComparison.OrdinalIgnoreCase))
            {
                gzip = coding.Quality ?? 1d;
            }
            else if (coding.Value == "*")
            {
                any = coding.Quality ?? 1d;
            }
        }

        return (gzip ?? any ?? 0d) > 0d;
    }
}

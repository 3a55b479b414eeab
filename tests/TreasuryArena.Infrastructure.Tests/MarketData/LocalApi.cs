using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TreasuryArena.Infrastructure.Tests.MarketData;

/// <summary>
/// A real HTTP server on 127.0.0.1 (HttpListener) replaying scripted replies per path: each route's replies are
/// served in order, the last one repeating. Records every request path and query.
/// </summary>
internal sealed class LocalApi : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Reply>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Reply> _last = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();

    public LocalApi()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public string BaseUrl { get; }

    public ConcurrentQueue<string> Requests { get; } = new();

    public int Count(string path) => Requests.Count(r => r.StartsWith(path, StringComparison.Ordinal));

    /// <summary>Scripts the replies of a path (without query), e.g. <c>/api/v3/simple/price</c>.</summary>
    public LocalApi On(string path, params Reply[] replies)
    {
        _routes[path] = new ConcurrentQueue<Reply>(replies);
        _last[path] = replies[^1];
        return this;
    }

    private bool _disposed;

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stop.Cancel();
        _listener.Close();
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(ctx));
        }
    }

    private async Task HandleAsync(HttpListenerContext ctx)
    {
        var path = ctx.Request.Url!.AbsolutePath;
        Requests.Enqueue(ctx.Request.Url.PathAndQuery);
        Reply reply;
        if (_routes.TryGetValue(path, out var queue))
        {
            reply = queue.TryDequeue(out var r) ? r : _last[path];
        }
        else
        {
            reply = new Reply(404, "{\"error\":\"not found\"}");
        }

        try
        {
            if (reply.Delay > TimeSpan.Zero)
            {
                await Task.Delay(reply.Delay, _stop.Token);
            }

            ctx.Response.StatusCode = reply.Status;
            if (reply.RetryAfter is { } ra)
            {
                ctx.Response.AddHeader("Retry-After", ra);
            }

            var bytes = Encoding.UTF8.GetBytes(reply.Body);
            ctx.Response.ContentType = "application/json";
            ctx.Response.ContentLength64 = bytes.Length;
            await ctx.Response.OutputStream.WriteAsync(bytes, _stop.Token);
            ctx.Response.Close();
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        catch (HttpListenerException)
        {
            // the client gave up (timeout test)
        }
        catch (ObjectDisposedException)
        {
        }
    }
}

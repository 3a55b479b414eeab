using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TreasuryArena.Infrastructure.Tests.Advice;

/// <summary>
/// A local HTTP listener on 127.0.0.1 that speaks the Messages API shape (<c>POST /v1/messages</c>). Each request is
/// answered by the scripted responder for its index (the last one repeats); every request body is recorded.
/// </summary>
internal sealed class FakeAnthropicServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<int, HttpListenerContext, Task>[] _responders;
    private readonly Task _loop;
    private readonly CancellationTokenSource _stop = new();
    private int _count;

    public FakeAnthropicServer(params Func<int, HttpListenerContext, Task>[] responders)
    {
        _responders = responders;
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string BaseUrl { get; }

    public List<string> Bodies { get; } = [];

    public List<string> Paths { get; } = [];

    public int Count => Volatile.Read(ref _count);

    public static string Message(string text, string stopReason = "end_turn", int input = 812, int output = 95) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = "msg_01TEST",
            ["type"] = "message",
            ["role"] = "assistant",
            ["model"] = "claude-test-model",
            ["content"] = new object[] { new Dictionary<string, object> { ["type"] = "text", ["text"] = text } },
            ["stop_reason"] = stopReason,
            ["stop_sequence"] = null,
            ["usage"] = new Dictionary<string, object> { ["input_tokens"] = input, ["output_tokens"] = output },
        });

    public static string Error(string type, string message) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = "error",
            ["error"] = new Dictionary<string, object> { ["type"] = type, ["message"] = message },
        });

    public static Func<int, HttpListenerContext, Task> Respond(int status, string body, string? retryAfter = null, TimeSpan? delay = null) =>
        async (_, ctx) =>
        {
            if (delay is { } d)
            {
                await Task.Delay(d);
            }

            ctx.Response.StatusCode = status;
            ctx.Response.ContentType = "application/json";
            if (retryAfter is not null)
            {
                ctx.Response.AddHeader("retry-after", retryAfter);
            }

            var bytes = Encoding.UTF8.GetBytes(body);
            ctx.Response.ContentLength64 = bytes.Length;
            await ctx.Response.OutputStream.WriteAsync(bytes);
            ctx.Response.Close();
        };

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            var index = Interlocked.Increment(ref _count) - 1;
            using (var reader = new StreamReader(ctx.Request.InputStream, Encoding.UTF8))
            {
                var body = await reader.ReadToEndAsync();
                lock (Bodies)
                {
                    Bodies.Add(body);
                    Paths.Add(ctx.Request.Url!.AbsolutePath);
                }
            }

            var responder = _responders[Math.Min(index, _responders.Length - 1)];
            _ = Task.Run(async () =>
            {
                try
                {
                    await responder(index, ctx);
                }
                catch (HttpListenerException)
                {
                    // The client gave up (timeout test); nothing to answer.
                }
                catch (ObjectDisposedException)
                {
                    // The listener stopped while answering.
                }
            });
        }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }
}

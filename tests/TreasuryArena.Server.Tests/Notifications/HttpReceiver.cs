using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TreasuryArena.Server.Tests.Notifications;

/// <summary>
/// A local HTTP listener (Kestrel on 127.0.0.1) standing in for webhook receivers (<c>POST /hook/{name}</c>) and the
/// Telegram Bot API (<c>POST /bot{token}/sendMessage</c>, answering <c>{"ok": true}</c>). <see cref="Down"/> makes every
/// answer a 503 (a receiver that is down). Every request is kept with its headers and raw body.
/// </summary>
public sealed class HttpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HttpReceiver(WebApplication app) => _app = app;

    public string Address { get; private set; } = "";

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    private volatile bool _down;

    /// <summary>Whether every request is answered 503 (the receiver is down).</summary>
    public bool Down
    {
        get => _down;
        set => _down = value;
    }

    public static async Task<HttpReceiver> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new HttpReceiver(app);
        app.MapPost("/{**path}", async (HttpRequest r) =>
        {
            using var body = new MemoryStream();
            await r.Body.CopyToAsync(body);
            if (receiver.Down)
            {
                return Results.StatusCode(503);
            }

            receiver.Requests.Enqueue(new ReceivedRequest(r.Path.Value ?? "", r.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body.ToArray()));
            return r.Path.Value?.EndsWith("/sendMessage", StringComparison.Ordinal) == true
                ? Results.Json(new { ok = true, result = new { message_id = receiver.Requests.Count } })
                : Results.Ok();
        });
        await app.StartAsync();
        receiver.Address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return receiver;
    }

    public IReadOnlyList<ReceivedRequest> At(string path) => Requests.Where(r => r.Path == path).ToList();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

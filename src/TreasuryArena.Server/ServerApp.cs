using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TreasuryArena.Core.Wallets.Optimization;
using TreasuryArena.Core.Audit;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.MarketData;
using TreasuryArena.Core.Intelligence;
using TreasuryArena.Core.Nav;
using TreasuryArena.Core.Ports;
using TreasuryArena.Infrastructure.Configuration;
using TreasuryArena.Infrastructure.Http;
using TreasuryArena.Infrastructure.MarketData;
using TreasuryArena.Infrastructure.MarketData.History;
using TreasuryArena.Infrastructure.Notifications;
using TreasuryArena.Infrastructure.Platform;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Server.Auth;
using TreasuryArena.Server.Endpoints;
using TreasuryArena.Server.Hosting;
using TreasuryArena.Server.Http;
using TreasuryArena.Server.Jobs;

namespace TreasuryArena.Server;

/// <summary>Builds the web host: used by <c>Program</c>, by <c>arena serve</c> and by the tests.</summary>
public static class ServerApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = WebRoot() });
        // No `Server: Kestrel` banner: what runs behind the port is nobody's business.
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        configure?.Invoke(builder);
        // The framework's per-request Information lines (request starting, endpoint executed, request finished) cost
        // more CPU than serving a cached GET; Warning unless the configuration names a level for the category.
        if (builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"] is null)
        {
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        }

        builder.Services.AddArenaServer(builder.Configuration);
        var app = builder.Build();
        app.UseArenaServer();
        return app;
    }

    /// <summary>
    /// Registers everything the API needs: the platform's composition root (<c>AddTreasuryArena</c>, shared with the CLI
    /// and the benchmarks) plus what only the web host has (the server's <c>Arena</c> keys, background WAL checkpoints,
    /// stored HTTP responses, jobs, caches, authentication, rate limiting, JSON and OpenAPI).
    /// </summary>
    public static IServiceCollection AddArenaServer(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ArenaServerOptions>().BindConfiguration(ArenaServerOptions.SectionName).ValidateAnnotationsOnStart(ArenaServerOptions.SectionName);
        services.AddSingleton(new KnownSection(ArenaServerOptions.SectionName, typeof(ArenaServerOptions)));

        // The database is opened (and every area's migrations applied) once, when the first service needs it: the
        // PlatformStartup hosted service resolves it before the server starts listening.
        // On SQLite the WAL is checkpointed by WalCheckpointService, not inside a writer's commit.
        services.AddSingleton(sp =>
        {
            var database = ArenaDatabase.OpenAsync(sp.GetRequiredService<IOptions<ArenaOptions>>().Value.Database, sp.GetRequiredService<TimeProvider>()).GetAwaiter().GetResult();
            if (sp.GetRequiredService<IOptions<ArenaServerOptions>>().Value.WalCheckpointMilliseconds > 0)
            {
                database.UseBackgroundCheckpoints();
            }

            return database;
        });
        services.AddTreasuryArena(configuration);
        services.AddHostedService<WalCheckpointService>();
        services.AddSingleton(sp => new SqlIdempotencyStore(
            sp.GetRequiredService<PlatformDatabase>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<ArenaOptions>>().Value.IdempotencyWindow));
        services.AddSingleton<SqlJobRunStore>();
        services.AddSingleton<IScheduledJob, NavStepJob>();
        services.AddSingleton<IScheduledJob, WalletRebalanceJob>();
        services.AddSingleton<IScheduledJob, ProposalExpiryJob>();
        services.AddSingleton<IScheduledJob, HoldExpiryJob>();
        services.AddSingleton<IScheduledJob, ApprovalExpiryJob>();
        services.AddSingleton<IScheduledJob, ComplianceReviewJob>();
        services.AddSingleton<IScheduledJob, FeeAccrualJob>();
        services.AddSingleton<IScheduledJob, WalletBreakerJob>();
        services.AddSingleton<IScheduledJob, TreasuryDailyJob>();
        services.AddSingleton<IScheduledJob, TreasuryWeeklyReviewJob>();
        services.AddSingleton<JobRunner>();
        services.AddHostedService<JobScheduler>();
        services.AddSingleton<CallerCache>();
        services.AddSingleton<TokenListCache>();
        services.AddSingleton<DataSpan>();
        services.AddHostedService<PlatformStartup>();
        services.AddHostedService<NotificationDeliveryService>();
        services.AddDashboard();
        services.AddArenaForwardedHeaders();

        services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = FrameworkProblems.AddCode);
        services.AddExceptionHandler<DomainExceptionHandler>();
        services.AddValidation();
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Treasury Arena API";
            doc.Info.Description = "Strategy tokens, AI-managed wallets and nonprofit treasury management. Authenticate with `Authorization: Bearer <key>`.";
            return Task.CompletedTask;
        }));

        services.AddAuthentication(ApiKeyDefaults.Scheme).AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyDefaults.AdminPolicy, p => p.RequireClaim(ApiKeyDefaults.RoleClaim, "admin"))
            .AddPolicy(ApiKeyDefaults.TreasurerPolicy, p => p.RequireClaim(ApiKeyDefaults.RoleClaim, "treasurer"))
            .AddPolicy(ApiKeyDefaults.MemberPolicy, p => p.RequireAuthenticatedUser())
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (ctx, _) =>
            {
                if (ctx.HttpContext.Features.Get<Caller>() is not null)
                {
                    return new ValueTask(RateLimitProblem.WriteAsync(ctx.HttpContext, RateLimitProblem.RetryAfter(ctx.Lease), "this key"));
                }

                ctx.HttpContext.RequestServices.GetRequiredService<RefusalAuditSummary>().RateLimited(ctx.HttpContext);
                return new ValueTask(RateLimitProblem.WriteAsync(ctx.HttpContext, RateLimitProblem.RetryAfter(ctx.Lease), AnonymousRateLimitMiddleware.Who));
            };
        });
        services.AddSingleton<ApiRateLimiter>();
        services.AddOptions<RateLimiterOptions>().Configure<ApiRateLimiter>((o, limiter) => o.GlobalLimiter = limiter.Limiter);
        services.AddSingleton<RefusalAuditSummary>();
        services.AddHostedService(sp => sp.GetRequiredService<RefusalAuditSummary>());
        return services;
    }

    /// <summary>The request pipeline and the endpoint map.</summary>
    public static WebApplication UseArenaServer(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseArenaForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<BodySizeLimitMiddleware>();
        // Before anything that resolves a caller: a source out of anonymous budget gets 429 here (issue 20).
        app.UseMiddleware<AnonymousRateLimitMiddleware>();
        // The dashboard's files and the docs page are never under /api: API requests skip those middlewares (each
        // probes the file system or matches paths on every request it sees).
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase), web =>
        {
            web.UseDefaultFiles();
            web.UseStaticFiles();
            web.UseSwaggerUI(o =>
            {
                o.SwaggerEndpoint("/openapi/v1.json", "Treasury Arena API v1");
                o.RoutePrefix = "docs";
                o.DocumentTitle = "Treasury Arena API";
            });
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseMiddleware<RefusalAuditMiddleware>();
        app.UseAuthorization();
        app.UseMiddleware<IdempotencyMiddleware>();

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapHealthEndpoints();
        app.MapSessionEndpoints();
        app.MapAdminOrganisationEndpoints();
        app.MapAdminComplianceEndpoints();
        app.MapOrganisationEndpoints();
        app.MapPolicyEndpoints();
        app.MapComplianceDocumentEndpoints();
        app.MapTokenEndpoints();
        app.MapApprovalEndpoints();
        app.MapTokenQuoteEndpoints();
        app.MapWalletEndpoints();
        app.MapWalletOptimizerEndpoints();
        app.MapAdminTokenEndpoints();
        app.MapAdminJobEndpoints();
        app.MapNotificationEndpoints();
        app.MapAdminBreakerEndpoints();
        app.MapAdminEvaluationEndpoints();
        app.MapTreasuryEndpoints();
        app.MapMarketEndpoints();
        app.MapReportEndpoints();
        return app;
    }

    public static void ConfigureJson(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.AllowDuplicateProperties = false;
        options.Converters.Add(new ExactDecimalJsonConverter());
    }

    private static string? WebRoot()
    {
        var candidate = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        return Directory.Exists(candidate) ? candidate : null;
    }
}

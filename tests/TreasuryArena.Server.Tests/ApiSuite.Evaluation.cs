using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TreasuryArena.Infrastructure.Evaluation;
using TreasuryArena.Server.Endpoints;
using TreasuryArena.Infrastructure.Configuration;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests;

public abstract partial class ApiSuite
{
    [DbFact]
    public async Task LatestEvaluation_IsServedToAdminsOnly_WithItsOwnPolicy()
    {
        var directory = AdminEvaluationEndpoints.Directory(Factory.Services.GetRequiredService<IOptions<ArenaOptions>>().Value);
        if (!UsePostgres)
        {
            // SQLite: beside the database file, where `arena evaluate --db <that file>` keeps it.
            Assert.Equal(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(Database.Connection))!, "evaluation"), directory);
        }

        // PostgreSQL resolves to the shared data directory: start from nothing.
        Delete(directory);
        try
        {
            using var admin = Admin();
            foreach (var path in new[] { "/api/admin/evaluation/latest", "/api/admin/evaluation/latest.json" })
            {
                var (missing, problem) = await Api.GetAsync(admin, path);
                Assert.Equal(HttpStatusCode.NotFound, missing);
                Assert.Equal("no_evaluation", problem!["code"]!.GetValue<string>());
                Assert.Contains("no evaluation yet: run arena evaluate", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
            }

            const string html = "<!doctype html><html><head><style>body{color:#0f172a}</style></head><body><h1>Evaluation</h1><svg xmlns=\"http://www.w3.org/2000/svg\"><path d=\"M0 0L5 5\"/></svg></body></html>";
            const string json = "{\"window\":{\"from\":\"2019-01-01\",\"to\":\"2026-11-30\"},\"success_metrics\":[{\"name\":\"tokens_beating_hodl\",\"met\":false}]}";
            await LatestEvaluation.WriteAsync(directory, html, json, CancellationToken.None);

            using (var response = await admin.GetAsync(new Uri("/api/admin/evaluation/latest", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal(html, await response.Content.ReadAsStringAsync());
                var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
                Assert.Contains("style-src 'unsafe-inline'", policy, StringComparison.Ordinal);
                Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
                Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
            }

            var (ok, body) = await Api.GetAsync(admin, "/api/admin/evaluation/latest.json");
            Assert.Equal(HttpStatusCode.OK, ok);
            Assert.Equal("2026-11-30", body!["window"]!["to"]!.GetValue<string>());
            Assert.False(body["success_metrics"]!.AsArray()[0]!["met"]!.GetValue<bool>());

            var a = await Api.OnboardAsync(Factory, "Evaluation Church");
            using var treasurer = Factory.ClientWithKey(a.TreasurerKey);
            Assert.Equal(HttpStatusCode.Forbidden, (await Api.GetAsync(treasurer, "/api/admin/evaluation/latest")).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await Api.GetAsync(treasurer, "/api/admin/evaluation/latest.json")).Status);
            Assert.Equal(HttpStatusCode.Unauthorized, (await Api.GetAsync(Factory.ClientWithKey(null), "/api/admin/evaluation/latest")).Status);
        }
        finally
        {
            Delete(directory);
        }

        static void Delete(string directory)
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}

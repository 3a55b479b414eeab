using TreasuryArena.Server;

var app = ServerApp.Build(args);
await app.RunAsync();

/// <summary>The entry point, public so that WebApplicationFactory&lt;Program&gt; can find it.</summary>
public partial class Program;

using System.ComponentModel.DataAnnotations;

namespace TreasuryArena.Server.Endpoints;

/// <summary>The dashboard sign-in body: <c>{"key": "…"}</c>.</summary>
public sealed record SignInRequest([property: Required] string? Key);

using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace WebexCalls.Simulator;

/// <summary>Builds the simulator's web application; used by Program and, in-process, by the tests.</summary>
public static class SimulatorApp
{
    /// <summary>Where the simulator listens when no --urls is given.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5099";

    /// <summary>Builds the app. <paramref name="configureServices"/> lets tests replace services such as the clock.</summary>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<SimulatorOptions>(builder.Configuration.GetSection("Simulator"));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CallStore>();
        builder.Services.AddSingleton<RequestLog>();
        builder.Services.AddSingleton<FaultInjector>();
        builder.Services.AddSingleton<TokenRegistry>();
        builder.Services.AddSingleton<Organization>();
        builder.Services.AddSingleton<Latency>();
        builder.Services.AddSingleton<WebhookHub>();
        builder.Services.AddHostedService(services => services.GetRequiredService<WebhookHub>());
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.Use(WebexGateway);
        WebexApiRoutes.Map(app);
        DirectoryApiRoutes.Map(app);
        ConferenceApiRoutes.Map(app);
        WebhookApiRoutes.Map(app);
        ControlApiRoutes.Map(app);
        return app;
    }

    /// <summary>The addresses the started app listens on (with real ports when it was asked for port 0).</summary>
    public static string ListeningAddress(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        foreach (var address in addresses ?? Array.Empty<string>())
        {
            return address.TrimEnd('/');
        }

        throw new InvalidOperationException("The simulator has no listening address; was it started?");
    }

    /// <summary>
    /// What every /v1 request meets before its endpoint, as at Webex: a trackingid header on the response, bearer
    /// token and scope checks, injected faults; and, after it, an entry in the request log.
    /// </summary>
    private static async Task WebexGateway(HttpContext context, Func<Task> next)
    {
        if (!context.Request.Path.StartsWithSegments("/v1", out var relativePath))
        {
            await next();
            context.RequestServices.GetRequiredService<WebhookHub>().Poke();
            return;
        }

        // Counted from arrival to the end of the response, so benchmarks can prove how many requests a client had in flight.
        using var inFlight = context.RequestServices.GetRequiredService<RequestLog>().Enter();
        var trackingId = "ROUTER_" + Guid.NewGuid().ToString("D").ToUpperInvariant();
        context.Items[WebexErrors.TrackingIdItem] = trackingId;
        context.Response.Headers["trackingid"] = trackingId;

        context.Request.EnableBuffering();
        string? body;
        using (var reader = new StreamReader(context.Request.Body, leaveOpen: true))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        context.Request.Body.Position = 0;

        // The token endpoint's form holds a client secret and a refresh token: the log keeps that it came, not what.
        var isTokenEndpoint = relativePath.Equals("/access_token", StringComparison.OrdinalIgnoreCase);
        if (isTokenEndpoint && !string.IsNullOrEmpty(body))
        {
            body = "(form body not logged: it holds secrets)";
        }

        if (body != null && relativePath.StartsWithSegments("/webhooks") && body.Contains("\"secret\"", StringComparison.Ordinal))
        {
            body = System.Text.RegularExpressions.Regex.Replace(body, "(\"secret\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"", "$1\"(redacted)\"");
        }

        var bearer = BearerToken(context.Request);

        var delay = context.RequestServices.GetRequiredService<Latency>().For(context.Request.Method, relativePath.Value ?? "/");
        if (delay > 0)
        {
            try
            {
                await Task.Delay(delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up: nobody is left to answer, but the attempt is logged, so tests can count it.
                Log(context, body, bearer, trackingId);
                return;
            }
        }

        // The token endpoint authenticates the client in its form, not with a bearer token.
        var denial = isTokenEndpoint ? null : Authorize(context, relativePath.Value ?? "/");
        if (denial != null)
        {
            await denial.ExecuteAsync(context);
        }
        else if (context.RequestServices.GetRequiredService<FaultInjector>().Take(context.Request.Method, relativePath.Value ?? "/") is { } fault)
        {
            if (fault.Action == "processThenDrop")
            {
                // The simulator carries the request out; its answer goes nowhere, and the connection is dropped.
                var realBody = context.Response.Body;
                context.Response.Body = new MemoryStream();
                await next();
                context.Response.Body = realBody;
                context.Abort();
            }
            else
            {
                await WriteFault(context, fault);
            }
        }
        else
        {
            await next();
        }

        Log(context, body, bearer, trackingId);
        context.RequestServices.GetRequiredService<WebhookHub>().Poke();
    }

    private static void Log(HttpContext context, string? body, string? bearer, string trackingId) =>
        context.RequestServices.GetRequiredService<RequestLog>().Add(new LoggedRequest(
            DateTimeOffset.UtcNow,
            context.Request.Method,
            context.Request.Path.Value ?? string.Empty,
            context.Request.QueryString.HasValue ? context.Request.QueryString.Value : null,
            context.Request.Headers["TrackingID"].ToString() is { Length: > 0 } sent ? sent : null,
            context.Request.ContentType,
            bearer is not null,
            string.IsNullOrEmpty(body) ? null : body,
            context.Response.StatusCode,
            trackingId,
            context.RequestServices.GetRequiredService<TokenRegistry>().LabelOf(bearer),
            context.RequestAborted.IsCancellationRequested,
            context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget));

    private static IResult? Authorize(HttpContext context, string relativePath)
    {
        var token = BearerToken(context.Request);
        if (token is null)
        {
            return WebexErrors.Error(context, 401, "The request requires a valid access token set in the Authorization request header.");
        }

        // Members routes (admin mode) need the admin scopes; a user's token, without them, gets 403 there, and a
        // Service App's token, with only them, gets 403 on the user-level routes.
        // Conference Controls' members/me routes are the token's own user: user scopes (the reference notes' reading).
        var admin = relativePath.StartsWith("/telephony/calls/members/", StringComparison.OrdinalIgnoreCase)
            || (relativePath.StartsWith("/telephony/conference/members/", StringComparison.OrdinalIgnoreCase)
                && !relativePath.StartsWith("/telephony/conference/members/me/", StringComparison.OrdinalIgnoreCase));
        var read = HttpMethods.IsGet(context.Request.Method);
        // The directory APIs need their own admin read scopes (the spec's; People also has a user scope, which
        // the simulator does not model: the look-ups are for admin mode).
        // Webhooks need the read scope of their resource (the spec): the user's, or an administrator's.
        if (relativePath.StartsWith("/webhooks", StringComparison.OrdinalIgnoreCase)
            && context.RequestServices.GetRequiredService<TokenRegistry>().HasScope(token, TokenRegistry.AdminReadScope) == true)
        {
            return null;
        }

        var scope = relativePath.StartsWith("/webhooks", StringComparison.OrdinalIgnoreCase) ? TokenRegistry.ReadScope : DirectoryScope(relativePath)
            ?? (admin ? (read ? TokenRegistry.AdminReadScope : TokenRegistry.AdminWriteScope) : (read ? TokenRegistry.ReadScope : TokenRegistry.WriteScope));
        return context.RequestServices.GetRequiredService<TokenRegistry>().HasScope(token, scope) switch
        {
            null => WebexErrors.Error(context, 401, "The request requires a valid access token set in the Authorization request header."),
            false => WebexErrors.Error(context, 403, "The server understood the request, but refused to fulfill it because the access token is missing required scopes.", "Missing scope " + scope),
            true => null,
        };
    }

    private static string? DirectoryScope(string relativePath) =>
        relativePath.StartsWith("/telephony/webhookInterestRegistrations", StringComparison.OrdinalIgnoreCase) ? TokenRegistry.AdminReadScope
        : relativePath.StartsWith("/people", StringComparison.OrdinalIgnoreCase) ? TokenRegistry.PeopleReadScope
        : relativePath.StartsWith("/workspaces", StringComparison.OrdinalIgnoreCase) ? TokenRegistry.WorkspacesReadScope
        : relativePath.StartsWith("/telephony/config/", StringComparison.OrdinalIgnoreCase) ? TokenRegistry.TelephonyConfigReadScope
        : null;

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = header[scheme.Length..].Trim();
        return token.Length == 0 ? null : token;
    }

    private static async Task WriteFault(HttpContext context, Fault fault)
    {
        if (fault.DelayMs > 0 && fault.Action != "slowBody")
        {
            try
            {
                await Task.Delay(fault.DelayMs, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;   // The client gave up (or was cancelled): nobody is left to answer; the gateway logs it.
            }
        }

        context.Response.StatusCode = fault.Status;
        if (fault.RetryAfterSeconds is int seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (fault.Body is null && fault.BodyBase64 is null)
        {
            return;
        }

        context.Response.ContentType = fault.ContentType ?? "application/json";
        var bytes = fault.BodyBase64 is { } base64 ? Convert.FromBase64String(base64) : System.Text.Encoding.UTF8.GetBytes(fault.Body!);
        switch (fault.Action)
        {
            case "truncate":
                // Promise the whole length, send half, and drop the connection: a body cut off on the way.
                context.Response.ContentLength = bytes.Length;
                await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                context.Abort();
                break;
            case "slowBody":
                context.Response.ContentLength = bytes.Length;
                var pause = TimeSpan.FromMilliseconds(Math.Max(1, fault.DelayMs) / (double)Math.Max(1, bytes.Length));
                for (var i = 0; i < bytes.Length; i++)
                {
                    await context.Response.Body.WriteAsync(bytes.AsMemory(i, 1), context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                    await Task.Delay(pause, context.RequestAborted);
                }

                break;
            default:
                await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
                break;
        }
    }
}

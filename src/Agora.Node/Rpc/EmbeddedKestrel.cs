using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Agora.Node.Rpc;

/// <summary>
/// A minimal Kestrel app embedded in the node process: the node's logger factory, no server header, and no
/// console lifetime (the command's own cancellation stops it).
/// </summary>
internal static class EmbeddedKestrel
{
    /// <summary>
    /// An app listening on <paramref name="listenAddress"/>:<paramref name="port"/> (0 = a free port);
    /// <paramref name="configureListener"/> adds connection middleware (e.g. a <see cref="ConnectionLimiter"/>).
    /// </summary>
    public static WebApplication Build(
        ILoggerFactory loggerFactory,
        string listenAddress,
        int port,
        Action<KestrelServerOptions>? configure = null,
        Action<ListenOptions>? configureListener = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            configure?.Invoke(kestrel);
            kestrel.Listen(IPAddress.Parse(listenAddress), port, listener => configureListener?.Invoke(listener));
        });
        return builder.Build();
    }

    /// <summary>Starts <paramref name="app"/>; when the port cannot be bound, disposes it and says what to do.</summary>
    public static async Task StartAsync(WebApplication app, string cannot, string fix, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
#pragma warning disable IDISP007 // the caller hands the app over to start; if it cannot bind, nobody else holds it
            await app.DisposeAsync();
#pragma warning restore IDISP007
            throw new IOException($"{cannot}: {e.Message}; {fix}", e);
        }
    }
}

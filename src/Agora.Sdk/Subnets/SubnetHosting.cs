using Agora.Sdk.Client;
using Agora.Sdk.Synapses;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Agora.Sdk.Subnets;

/// <summary>
/// Wires a subnet's miner or validator into a .NET generic host: options from appsettings.json, then
/// <c>AGORA_</c>-prefixed environment variables (<c>AGORA_Netuid=2</c>), then the command line (<c>--Netuid 2</c>);
/// console logs; a clean stop on Ctrl-C or SIGTERM.
/// <code>
/// var builder = SubnetHosting.CreateBuilder(args);
/// builder.AddSubnetMiner(ForecastSynapse.Forecast, _ => new MyMiner());
/// await builder.Build().RunAsync();
/// </code>
/// </summary>
public static class SubnetHosting
{
    /// <summary>A host builder reading configuration as above from <paramref name="args"/>.</summary>
    public static HostApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);

        // After the host's own sources, so AGORA_ variables win over appsettings.json and the command line wins over both.
        builder.Configuration.AddEnvironmentVariables("AGORA_");
        builder.Configuration.AddCommandLine(args);
        return builder;
    }

    /// <summary>Runs <paramref name="miner"/> on <paramref name="synapse"/> in a <see cref="MinerHost{TRequest, TResponse}"/>; returns its options.</summary>
    public static MinerHostOptions AddSubnetMiner<TRequest, TResponse>(
        this HostApplicationBuilder builder, Synapse<TRequest, TResponse> synapse, Func<IServiceProvider, ISubnetMiner<TRequest, TResponse>> miner)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(miner);
        var options = builder.Configuration.Get<MinerHostOptions>() ?? new MinerHostOptions();
        AddRpc(builder.Services, options);
        builder.Services.AddHostedService(services => new MinerHost<TRequest, TResponse>(
            synapse, miner(services), options, services.GetRequiredService<IRpcCaller>(), services.GetRequiredService<ILoggerFactory>()));
        return options;
    }

    /// <summary>Runs <paramref name="validator"/> on <paramref name="synapse"/> in a <see cref="ValidatorHost{TRequest, TResponse}"/>; returns its options.</summary>
    public static ValidatorHostOptions AddSubnetValidator<TRequest, TResponse>(
        this HostApplicationBuilder builder, Synapse<TRequest, TResponse> synapse, Func<IServiceProvider, ISubnetValidator<TRequest, TResponse>> validator)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(validator);
        var options = builder.Configuration.Get<ValidatorHostOptions>() ?? new ValidatorHostOptions();
        AddRpc(builder.Services, options);
        builder.Services.AddHostedService(services => new ValidatorHost<TRequest, TResponse>(
            synapse, validator(services), options, services.GetRequiredService<IRpcCaller>(), services.GetRequiredService<ILoggerFactory>()));
        return options;
    }

    private static void AddRpc(IServiceCollection services, SubnetHostOptions options)
    {
        services.AddSingleton(_ => new HttpClient { Timeout = options.RpcTimeout });
        services.AddSingleton<IRpcCaller>(provider => new RpcClient(provider.GetRequiredService<HttpClient>(), options.RpcUrl));
    }
}

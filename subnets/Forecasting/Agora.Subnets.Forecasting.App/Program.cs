using Agora.Sdk.Subnets;
using Agora.Subnets.Forecasting.App;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

// agora-forecasting miner --model last|ar|gbt [--HotkeyUri //Bob] [--AxonPort 8091] …
// agora-forecasting validator [--HotkeyUri //Alice] [--QueryInterval 00:00:12] …
var role = args.FirstOrDefault();
var builder = SubnetHosting.CreateBuilder(args.Skip(1).ToArray());
switch (role)
{
    case "miner":
        var model = builder.Configuration["model"] ?? "ar";
        var forecaster = ForecastMiner.Create(model);
        builder.AddSubnetMiner(ForecastSynapse.Forecast, _ => new ForecastMiner(forecaster));
        break;
    case "validator":
        var options = builder.Configuration.Get<ForecastValidatorOptions>() ?? new ForecastValidatorOptions();
        builder.AddSubnetValidator(ForecastSynapse.Forecast, _ => new ForecastValidator(options));
        break;
    default:
        await Console.Error.WriteLineAsync("usage: agora-forecasting miner --model last|ar|gbt | validator  [--RpcUrl URL] [--Netuid N] [--HotkeyUri URI | --Wallet W --Hotkey H]");
        return 2;
}

using var host = builder.Build();
await host.RunAsync();
return 0;

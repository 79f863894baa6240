using Agora.Sdk.Subnets;
using Agora.Subnets.Compute.App;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

// agora-compute miner --kind honest|wrong|stale|lazy [--HotkeyUri //Bob] [--AxonPort 8091] …
// agora-compute validator [--HotkeyUri //Alice] [--QueryInterval 00:00:12] …
var role = args.FirstOrDefault();
var builder = SubnetHosting.CreateBuilder(args.Skip(1).ToArray());
switch (role)
{
    case "miner":
        var miner = ComputeMiner.Create(builder.Configuration["kind"] ?? "honest");
        builder.AddSubnetMiner(ComputeSynapse.MatrixProduct, _ => new ComputeMiner(miner));
        break;
    case "validator":
        var options = builder.Configuration.Get<ComputeValidatorOptions>() ?? new ComputeValidatorOptions();
        builder.AddSubnetValidator(ComputeSynapse.MatrixProduct, _ => new ComputeValidator(options));
        break;
    default:
        await Console.Error.WriteLineAsync("usage: agora-compute miner --kind honest|wrong|stale|lazy | validator  [--RpcUrl URL] [--Netuid N] [--HotkeyUri URI | --Wallet W --Hotkey H]");
        return 2;
}

using var host = builder.Build();
await host.RunAsync();
return 0;

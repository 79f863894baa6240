using Agora.Protocol.Balances;
using Agora.Protocol.Governance;
using Agora.Protocol.Modules;
using Agora.Protocol.Staking;
using Agora.Protocol.Subnets;
using Agora.Sdk.Client;

namespace Agora.Sdk.Tests.Client;

public sealed class CallErrorTextTests
{
    public static TheoryData<ModuleId, ushort> EveryModuleError()
    {
        var data = new TheoryData<ModuleId, ushort>();
        foreach (var code in Enum.GetValues<BalancesError>())
        {
            data.Add(ModuleId.Balances, (ushort)code);
        }

        foreach (var code in Enum.GetValues<StakingError>())
        {
            data.Add(ModuleId.Staking, (ushort)code);
        }

        foreach (var code in Enum.GetValues<SubnetsError>())
        {
            data.Add(ModuleId.Subnets, (ushort)code);
        }

        foreach (var code in Enum.GetValues<GovernanceError>())
        {
            data.Add(ModuleId.Governance, (ushort)code);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryModuleError))]
    public void Every_runtime_module_error_has_a_meaning(ModuleId module, ushort code)
    {
        var meaning = CallErrorText.Describe(SnakeCase.Of(module.ToString()), CallErrors.NameOf(module, code));

        Assert.NotEmpty(meaning);
    }

    [Fact]
    public void An_unknown_error_has_no_meaning_and_its_failure_still_prints_module_and_error()
    {
        var failure = new CallFailure("weights", "too_soon", 3);

        Assert.Equal(string.Empty, failure.Meaning);
        Assert.Equal("weights.too_soon", failure.ToString());
    }
}

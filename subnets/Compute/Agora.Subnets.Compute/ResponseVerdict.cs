namespace Agora.Subnets.Compute;

/// <summary>What a validator found in a miner's answer. Only <see cref="Correct"/> earns a score. Values are frozen.</summary>
public enum ResponseVerdict
{
    /// <summary>Passed every check.</summary>
    Correct = 0,

    /// <summary>No answer arrived (timeout, refusal, transport error) or it had no matrix.</summary>
    NoResponse = 1,

    /// <summary>The answer's task id is not the request's.</summary>
    WrongTaskId = 2,

    /// <summary>C is not n×m.</summary>
    WrongShape = 3,

    /// <summary>An entry of C is not a residue below p.</summary>
    EntryOutOfField = 4,

    /// <summary>C failed Freivalds' test: it is not A · B.</summary>
    WrongProduct = 5,
}

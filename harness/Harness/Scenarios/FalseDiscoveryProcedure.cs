namespace Harness.Scenarios;

/// <summary>How the warnings of a scenario's ungated metrics are controlled as one family (docs/gating.md).</summary>
public enum FalseDiscoveryProcedure
{
    /// <summary>Benjamini-Hochberg: valid when the p-values are independent or positively dependent.</summary>
    BenjaminiHochberg,

    /// <summary>Benjamini-Yekutieli: valid under any dependence, at the cost of fewer discoveries.</summary>
    BenjaminiYekutieli,
}

namespace ImpClusterSim.Pki;

public enum TrustUploadOutcome
{
    Added,
    AlreadyPresent,
    Replaced,
    Refused,
}

/// <summary>The result of uploading a certificate to a trust store: the store after the upload and the message shown.</summary>
public sealed record TrustStoreUpload(TrustStore Store, TrustUploadOutcome Outcome, string Message)
{
    /// <summary>True unless the upload was refused (a duplicate upload is accepted and changes nothing).</summary>
    public bool Accepted => Outcome != TrustUploadOutcome.Refused;
}

namespace ImpClusterSim.Pki;

/// <summary>What an upload to a trust store did (Certificate Management, Upload Certificate/Certificate chain).</summary>
public enum TrustUploadOutcome
{
    /// <summary>The certificate was added under its file name (the CN-based name listings show).</summary>
    Added,
    /// <summary>The same certificate was already there: accepted, nothing changed.</summary>
    AlreadyPresent,
    /// <summary>Certificates with the same subject and an earlier validity start were replaced by this one.</summary>
    Replaced,
    /// <summary>Refused (a FIPS policy violation, an intermediate whose issuer is not in the store, or not newer than a same-named entry): the store is unchanged.</summary>
    Refused,
}

/// <summary>The result of uploading a certificate to a trust store: the store after the upload and the message shown.</summary>
public sealed record TrustStoreUpload(TrustStore Store, TrustUploadOutcome Outcome, string Message)
{
    /// <summary>True unless the upload was refused (a duplicate upload is accepted and changes nothing).</summary>
    public bool Accepted => Outcome != TrustUploadOutcome.Refused;
}

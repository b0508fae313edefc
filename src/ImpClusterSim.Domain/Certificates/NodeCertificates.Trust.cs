using System.Collections.Immutable;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Domain.Certificates;

/// <summary>Trust store operations: upload, import, delete, and changes arriving by replication.</summary>
public sealed partial record NodeCertificates
{
    /// <summary>Uploads PEM text (one or more certificates, or PKCS#7) into a trust store. Atomic: all or nothing.</summary>
    public CertificateResult UploadTrust(string store, string pem, string description, string? signedBy = null)
    {
        IReadOnlyList<Certificate> certificates;
        try
        {
            certificates = CertificateReader.ReadPem(pem, "upload");
        }
        catch (PkiFormatException e)
        {
            return CertificateResult.Refused(this, e.Message);
        }
        return ImportTrust(store, certificates, description, signedBy);
    }

    /// <summary>
    /// Imports certificates into a trust store, root first, each by Pki's <see cref="TrustStore.Upload"/> rules
    /// (issuer present, FIPS policy, idempotence, same-name rule of domain facts §3.2.12), plus the named signer.
    /// </summary>
    public CertificateResult ImportTrust(string store, IReadOnlyList<Certificate> certificates, string description, string? signedBy = null)
    {
        var name = TrustStoreNames.Resolve(store, Kind);
        if (name is null)
        {
            return CertificateResult.Refused(this, CertificateTexts.UnknownStore(store, TrustStoreNames.StoresFor(Kind)));
        }
        var working = TrustStores[name];
        Certificate? signer = null;
        if (!string.IsNullOrWhiteSpace(signedBy))
        {
            signer = FindTrust(working, signedBy)?.Certificate;
            if (signer is null)
            {
                return CertificateResult.Refused(this, CertificateTexts.SignerNotInStore(signedBy, name));
            }
        }
        var ordered = SignatureCheck.RootFirst(certificates);
        var descriptions = Descriptions;
        var events = ImmutableArray.CreateBuilder<CertificateEvent>();
        var messages = new List<string>();
        foreach (var certificate in ordered)
        {
            var signedInUpload = ordered.Any(o => !o.Equals(certificate) && certificate.IsSignedBy(o));
            if (signer is not null && !certificate.IsSelfSigned && !signedInUpload && !certificate.IsSignedBy(signer))
            {
                return CertificateResult.Refused(this, CertificateTexts.NotSignedBy(certificate.SubjectCommonName, signer.SubjectCommonName));
            }
            var upload = working.Upload(certificate, Fips);
            if (!upload.Accepted)
            {
                return CertificateResult.Refused(this, upload.Message);
            }
            messages.Add(upload.Message);
            foreach (var removed in working.Entries.Where(e => !upload.Store.EntriesByFileName.ContainsKey(e.FileName)))
            {
                descriptions = descriptions.Remove(Key(name, removed.FileName));
                events.Add(new TrustCertificateRemoved(name, removed.FileName, RestartAdvice.ForTrustStore(name)));
            }
            foreach (var added in upload.Store.Entries.Where(e => !working.EntriesByFileName.ContainsKey(e.FileName)))
            {
                var entry = TrustCertificate.For(name, added.Certificate, description);
                descriptions = descriptions.SetItem(Key(name, added.FileName), entry.Description);
                events.Add(new TrustCertificateAdded(name, entry, RestartAdvice.ForTrustStore(name)));
            }
            working = upload.Store;
        }
        var state = events.Count == 0 ? this : this with { TrustStores = TrustStores.SetItem(name, working), Descriptions = descriptions };
        return new CertificateResult(state, true, string.Join("\n", messages), events.ToImmutable());
    }

    /// <summary>Deletes a trust certificate by file name (or "&lt;store&gt;/&lt;file&gt;").</summary>
    public CertificateResult DeleteTrust(string store, string fileName)
    {
        var name = TrustStoreNames.Resolve(store, Kind);
        if (name is null)
        {
            return CertificateResult.Refused(this, CertificateTexts.UnknownStore(store, TrustStoreNames.StoresFor(Kind)));
        }
        var file = fileName.Contains('/', StringComparison.Ordinal) ? fileName[(fileName.LastIndexOf('/') + 1)..] : fileName;
        var entry = FindTrust(TrustStores[name], file);
        if (entry is null)
        {
            return CertificateResult.Refused(this, CertificateTexts.FileNotFound($"{name}/{file}"));
        }
        var state = this with
        {
            TrustStores = TrustStores.SetItem(name, TrustStores[name].Remove(entry.FileName)),
            Descriptions = Descriptions.Remove(Key(name, entry.FileName)),
        };
        return new CertificateResult(state, true, CertificateTexts.TrustDeleted(entry.FileName, name),
            [new TrustCertificateRemoved(name, entry.FileName, RestartAdvice.ForTrustStore(name))]);
    }

    /// <summary>
    /// Applies a trust change that arrived by cluster replication: no upload rules (the node that accepted it checked
    /// them), idempotent. Stores this node does not have are ignored.
    /// </summary>
    public (NodeCertificates State, ImmutableArray<CertificateEvent> Events) ApplyReplicated(CertificateEvent change)
    {
        switch (change)
        {
            case TrustCertificateAdded added when TrustStoreNames.Resolve(added.Store, Kind) is { } name:
            {
                var store = TrustStores[name];
                if (store.Contains(added.Entry.Certificate))
                {
                    return (this, []);
                }
                var state = this with
                {
                    TrustStores = TrustStores.SetItem(name, TrustStore.Of(name, store.Certificates.Append(added.Entry.Certificate))),
                    Descriptions = Descriptions.SetItem(Key(name, added.Entry.FileName), added.Entry.Description),
                };
                return (state, [added with { Store = name, Entry = added.Entry with { Store = name } }]);
            }
            case TrustCertificateRemoved removed when TrustStoreNames.Resolve(removed.Store, Kind) is { } name:
            {
                var store = TrustStores[name];
                if (!store.EntriesByFileName.ContainsKey(removed.FileName))
                {
                    return (this, []);
                }
                var state = this with
                {
                    TrustStores = TrustStores.SetItem(name, store.Remove(removed.FileName)),
                    Descriptions = Descriptions.Remove(Key(name, removed.FileName)),
                };
                return (state, [removed with { Store = name }]);
            }
            case TrustCertificateDeletedOnNode deleted when deleted.Node == NodeName:
                return ApplyReplicated(new TrustCertificateRemoved(deleted.Store, deleted.FileName, deleted.ServicesToRestart));
            default:
                return (this, []);
        }
    }
}

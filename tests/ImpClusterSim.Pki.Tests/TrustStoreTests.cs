namespace ImpClusterSim.Pki.Tests;

public sealed class TrustStoreTests
{
    private static readonly CertificateAuthority Root = TestPki.Root("Store Root");
    private static readonly CertificateAuthority Intermediate1 = Root.CreateIntermediate("Store Intermediate 1", TestPki.Key("store-int1"), TestPki.Now.AddYears(-1));
    private static readonly CertificateAuthority Intermediate2 = Intermediate1.CreateIntermediate("Store Intermediate 2", TestPki.Key("store-int2"), TestPki.Now.AddYears(-1));

    [Fact]
    public void Uploading_an_intermediate_before_its_root_is_refused()
    {
        var upload = TrustStore.Empty("tomcat-trust").Upload(Intermediate1.Certificate);

        Assert.Equal(TrustUploadOutcome.Refused, upload.Outcome);
        Assert.False(upload.Accepted);
        Assert.Equal(0, upload.Store.Count);
        Assert.Contains("its issuer 'CN=Store Root' is not in tomcat-trust", upload.Message, StringComparison.Ordinal);
        Assert.Contains("root > intermediate-1 > ... > intermediate-N", upload.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_chain_uploaded_in_the_guides_order_is_accepted()
    {
        var store = TrustStore.Empty("cup-xmpp-trust");
        foreach (var certificate in new[] { Root.Certificate, Intermediate1.Certificate, Intermediate2.Certificate })
        {
            var upload = store.Upload(certificate);
            Assert.Equal(TrustUploadOutcome.Added, upload.Outcome);
            store = upload.Store;
        }

        Assert.Equal(3, store.Count);
    }

    [Fact]
    public void Skipping_an_intermediate_is_refused()
    {
        var store = TrustStore.Empty("tomcat-trust").Upload(Root.Certificate).Store;

        Assert.Equal(TrustUploadOutcome.Refused, store.Upload(Intermediate2.Certificate).Outcome);
    }

    [Fact]
    public void A_duplicate_upload_is_idempotent()
    {
        var store = TrustStore.Empty("tomcat-trust").Upload(Root.Certificate).Store;

        var again = store.Upload(Root.Certificate);

        Assert.Equal(TrustUploadOutcome.AlreadyPresent, again.Outcome);
        Assert.True(again.Accepted);
        Assert.Same(store, again.Store);
    }

    [Fact]
    public void A_same_name_certificate_with_a_later_validity_start_replaces_the_earlier_one()
    {
        var older = TestPki.Root("Renewed Root", notBefore: TestPki.Now.AddYears(-2)).Certificate;
        var newer = CertificateAuthority.CreateRoot("test", "Renewed Root", TestPki.Key("renewed-2"), TestPki.Now.AddYears(-1)).Certificate;
        var store = TrustStore.Empty("tomcat-trust").Upload(older).Store;

        var upload = store.Upload(newer);

        Assert.Equal(TrustUploadOutcome.Replaced, upload.Outcome);
        Assert.Equal([newer], upload.Store.Certificates);
    }

    [Fact]
    public void A_same_name_certificate_with_an_earlier_validity_start_is_not_uploaded()
    {
        var older = TestPki.Root("Renewed Root", notBefore: TestPki.Now.AddYears(-2)).Certificate;
        var newer = CertificateAuthority.CreateRoot("test", "Renewed Root", TestPki.Key("renewed-2"), TestPki.Now.AddYears(-1)).Certificate;
        var store = TrustStore.Empty("tomcat-trust").Upload(newer).Store;

        var upload = store.Upload(older);

        Assert.Equal(TrustUploadOutcome.Refused, upload.Outcome);
        Assert.Contains("not done", upload.Message, StringComparison.Ordinal);
        Assert.Equal([newer], upload.Store.Certificates);
    }

    [Fact]
    public void A_peer_self_signed_leaf_is_accepted_into_a_trust_store()
    {
        var cup = new NodeCertificateFactory("store", KeyPool.Shared)
            .CreateSelfSigned(new NodeIdentity("imp1.example.com"), CertificateUnit.Cup, TestPki.Now, algorithm: KeyAlgorithm.EcP256);

        var upload = TrustStore.Empty(CertificateUnit.CallManager.TrustStoreName).Upload(cup.Certificate);

        Assert.Equal(TrustUploadOutcome.Added, upload.Outcome);
        Assert.Equal("CallManager-trust", upload.Store.Name);
    }

    [Fact]
    public void A_CA_signed_leaf_is_accepted_without_its_chain()
    {
        var leaf = TestPki.Leaf(Intermediate2, "peer.example.com").Certificate;

        Assert.Equal(TrustUploadOutcome.Added, TrustStore.Empty("tomcat-trust").Upload(leaf).Outcome);
    }

    [Fact]
    public void Trust_entries_are_named_after_the_CN_and_the_serial()
    {
        var store = TrustStore.Empty("tomcat-trust").Upload(Root.Certificate).Store;

        var entry = Assert.Single(store.Entries);

        Assert.Equal($"Store_Root_{Root.Certificate.SerialNumberHex}.pem", entry.FileName);
        Assert.Matches("^[0-9a-f]{32}$", Root.Certificate.SerialNumberHex);
    }

    [Fact]
    public void A_FIPS_node_refuses_a_weak_certificate()
    {
        var weak = TestPki.Leaf(Root, "weak-peer.example.com", fault: CertificateFault.WeakKey).Certificate;

        var upload = TrustStore.Empty("tomcat-trust").Upload(weak, fips: true);

        Assert.Equal(TrustUploadOutcome.Refused, upload.Outcome);
        Assert.Contains("FIPS", upload.Message, StringComparison.Ordinal);
        Assert.Equal(TrustUploadOutcome.Added, TrustStore.Empty("tomcat-trust").Upload(weak).Outcome);
    }

    [Fact]
    public void A_store_validates_chains_through_its_certificates()
    {
        var store = TrustStore.Empty("tomcat-trust").Upload(Root.Certificate).Store;
        var leaf = TestPki.Leaf(Intermediate2, "through-store.example.com").Certificate;

        var result = ChainValidator.Validate(leaf, [Intermediate2.Certificate, Intermediate1.Certificate], store, TestPki.At(TestPki.Now));

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(4, result.Path.Count);
    }

    [Fact]
    public void An_intermediate_signed_by_another_root_of_the_same_name_is_refused()
    {
        var impostorRoot = TestPki.Root("Store Root", KeyAlgorithm.EcP384);
        var store = TrustStore.Empty("tomcat-trust").Upload(impostorRoot.Certificate).Store;

        var upload = store.Upload(Intermediate1.Certificate);

        Assert.Equal(TrustUploadOutcome.Refused, upload.Outcome);
        Assert.Contains("no certificate named 'CN=Store Root' in tomcat-trust signs it", upload.Message, StringComparison.Ordinal);
    }
}

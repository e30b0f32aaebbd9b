package org.certgraph.core;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.certgraph.cert.CertificateParser;
import org.certgraph.sources.FactSink;
import org.certgraph.sources.Model;
import org.certgraph.testing.TestPki.TestCert;

/**
 * Builds small purpose-made estates through the real loader, for tests of the impact engine:
 * a pool, its servers and services, certificates, trust lists and phones.
 */
public final class EstateFixture {

    private final CertGraph graph;

    public EstateFixture(CertGraph graph) {
        this.graph = graph;
    }

    /** Loads facts as one source. */
    public void load(String source, Consumer<FactSink> facts) {
        FactLoader loader = new FactLoader(graph.graph(), new IssuerIndex(graph.graph()), true,
                source);
        loader.begin(source);
        facts.accept(loader);
        LoadReport report = loader.finish();
        if (!report.problems().isEmpty()) {
            throw new IllegalStateException(report.problems().toString());
        }
    }

    /** Certificates with their bytes. */
    public void certificates(TestCert... certs) {
        load("certificate-files", sink -> {
            for (TestCert c : certs) {
                sink.certificate(CertificateParser.parse(c.der()));
            }
        });
    }

    /** A pool with servers and one web service that presents {@code use}. */
    public void pool(String pool, String use, String... servers) {
        load("topology:" + pool, sink -> {
            sink.node(Model.POOL, pool, Map.of("site", "Redmond"));
            String service = "WebServer:" + pool;
            sink.node(Model.SERVICE, service, Map.of("role", "WebServer", "pool", pool,
                    "use", use));
            sink.relationship(Model.HOSTED_BY, Model.SERVICE, service, Model.POOL, pool,
                    Map.of());
            for (String server : servers) {
                sink.node(Model.SERVER, server, Map.of());
                sink.relationship(Model.MEMBER_OF, Model.SERVER, server, Model.POOL, pool,
                        Map.of());
            }
        });
    }

    /** What one server presents, by use. */
    public void assign(String server, String use, TestCert cert) {
        load("assignments:" + server + ":" + use, sink -> {
            sink.node(Model.SERVER, server, Map.of());
            sink.certificate(CertificateParser.parse(cert.der()));
            sink.relationship(Model.ASSIGNED, Model.SERVER, server, Model.CERTIFICATE,
                    cert.sha1(), Map.of("use", use));
        });
    }

    /** A trust list holding the certificates as roots. */
    public void trustList(String id, String kind, TestCert... roots) {
        load("list:" + id, sink -> {
            sink.node(Model.TRUST_LIST, id, Map.of("kind", kind));
            for (TestCert c : roots) {
                sink.certificate(CertificateParser.parse(c.der()));
                sink.relationship(Model.TRUSTS, Model.TRUST_LIST, id, Model.CERTIFICATE,
                        c.sha1(), Map.of("store", kind.equals("webservice")
                                ? "TrustedRootCA" : "Root"));
            }
        });
    }

    /**
     * A class of phones on a firmware whose capability is {@code hashes} (null for unknown),
     * registered to {@code pool} and validating with {@code trustList} (null for none).
     */
    public void phones(String model, String version, List<String> hashes, String pool,
                       int count, String trustList) {
        String firmware = model + "|" + version;
        String id = "group:" + model + "|" + version + "|" + pool;
        load("phones:" + id, sink -> {
            sink.node(Model.HANDSET_MODEL, model, Map.of());
            sink.node(Model.FIRMWARE, firmware, hashes == null
                    ? Map.of("model", model, "version", version, "capabilityKnown", false)
                    : Map.of("model", model, "version", version, "capabilityKnown", true,
                            "signatureHashes", hashes, "capabilitySource", "test"));
            sink.node(Model.HANDSET, id, Map.of("count", count, "pool", pool));
            sink.relationship(Model.IS_MODEL, Model.HANDSET, id, Model.HANDSET_MODEL, model,
                    Map.of());
            sink.relationship(Model.RUNS, Model.HANDSET, id, Model.FIRMWARE, firmware, Map.of());
            sink.relationship(Model.CONNECTS_TO, Model.HANDSET, id, Model.SERVICE,
                    "WebServer:" + pool, Map.of());
            if (trustList != null) {
                sink.relationship(Model.VALIDATES_WITH, Model.HANDSET, id, Model.TRUST_LIST,
                        trustList, Map.of());
            }
        });
    }

    /** A firmware the graph knows, e.g. an approved upgrade. */
    public void firmware(String model, String version, List<String> hashes) {
        load("firmware:" + model + "|" + version, sink -> sink.node(Model.FIRMWARE,
                model + "|" + version, Map.of("model", model, "version", version,
                        "capabilityKnown", true, "signatureHashes", hashes,
                        "capabilitySource", "test")));
    }
}

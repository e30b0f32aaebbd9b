package org.certgraph.sources.skype;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.certgraph.cert.Thumbprints;
import org.certgraph.sources.FactSink;
import org.certgraph.sources.Model;
import org.certgraph.sources.ReadOptions;
import org.certgraph.sources.SourceReadException;
import org.certgraph.sources.SourceReader;
import org.certgraph.sources.windows.CmdletOutput;
import org.certgraph.sources.windows.CmdletOutput.Record;
import org.certgraph.sources.windows.ExportFiles;

/**
 * The web service's own lists of trusted CAs, as Get-CsWebServiceConfiguration shows them per
 * scope (Global, Site:NAME, Service:WebServer:FQDN). Each scope becomes a trust list
 * {@code webservice:<scope>} {kind "webservice", scope, inferCertChainFromSsl} that TRUSTS
 * {store: TrustedRootCA | IntermediateCA | ThirdPartyRootCA} each certificate of its
 * TrustedCACerts, known by thumbprint. Source id {@value #SOURCE_ID}.
 */
public final class CsWebServiceConfigurationReader implements SourceReader {

    /** The source id of all web service configurations. */
    public static final String SOURCE_ID = "skype-webservice";

    /** The trust list kind this reader writes. */
    public static final String KIND = "webservice";

    /** The stores a TrustedCACerts entry can name, spelled as Skype spells them. */
    public static final List<String> CA_STORES = List.of("TrustedRootCA", "IntermediateCA",
            "ThirdPartyRootCA");

    @Override
    public String name() {
        return "cs-webservice";
    }

    @Override
    public String description() {
        return "Skype for Business / Lync web service configuration with its trusted CAs"
                + " (Get-CsWebServiceConfiguration as a list, Export-Csv or ConvertTo-Json)";
    }

    @Override
    public boolean recognises(String head) {
        Set<String> names = CmdletOutput.propertyNames(head);
        return names.contains("trustedcacerts") || names.contains("infercertchainfromssl");
    }

    /** The trust list id of a scope as Skype writes it, e.g. {@code webservice:site:Redmond};
     *  null when the identity is not a scope. */
    public static String trustListId(String identity) {
        String scope = SkypeNames.scope(identity);
        return scope == null ? null : "webservice:" + scope;
    }

    /** One TrustedCACerts entry. */
    private record Entry(String thumbprint, String store) {
    }

    @Override
    public void read(Path file, ReadOptions options, FactSink sink) throws SourceReadException {
        String fileName = String.valueOf(file.getFileName());
        CmdletOutput.Parsed parsed = CmdletOutput.parse(file);
        if (!parsed.records().isEmpty() && parsed.records().stream().noneMatch(
                r -> r.has("Identity") && (r.has("TrustedCACerts")
                        || r.has("InferCertChainFromSSL")))) {
            throw new SourceReadException(fileName + ": has no Identity with TrustedCACerts or"
                    + " InferCertChainFromSSL, so it is not Get-CsWebServiceConfiguration"
                    + " output; export it with the command in " + SkypeNames.GUIDE);
        }
        sink.begin(SOURCE_ID);
        ExportFiles.forwardProblems(fileName, parsed, sink);
        Set<String> refs = new LinkedHashSet<>();
        for (Record record : parsed.records()) {
            String identity = record.text("Identity");
            String scope = SkypeNames.scope(identity);
            if (scope == null) {
                ExportFiles.problem(sink, fileName, record.line(), "Identity \""
                        + (identity == null ? "" : identity) + "\" is not Global, Site:NAME or"
                        + " Service:WebServer:FQDN and the configuration is skipped; export"
                        + " the Identity as text as shown in " + SkypeNames.GUIDE);
                continue;
            }
            String listId = "webservice:" + scope;
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("kind", KIND);
            properties.put("scope", scope);
            String infer = record.text("InferCertChainFromSSL");
            if (infer != null && (infer.equalsIgnoreCase("true")
                    || infer.equalsIgnoreCase("false"))) {
                properties.put("inferCertChainFromSsl", Boolean.parseBoolean(
                        infer.toLowerCase(Locale.ROOT)));
            }
            sink.node(Model.TRUST_LIST, listId, properties);
            if (!ExportFiles.checkList(sink, fileName, record, "TrustedCACerts",
                    SkypeNames.GUIDE)) {
                continue;
            }
            Set<String> trusted = new LinkedHashSet<>();
            for (Entry entry : entries(sink, fileName, record)) {
                if (refs.add(entry.thumbprint())) {
                    sink.certificateRef(entry.thumbprint());
                }
                if (trusted.add(entry.thumbprint())) {
                    sink.relationship(Model.TRUSTS, Model.TRUST_LIST, listId, Model.CERTIFICATE,
                            entry.thumbprint(), Map.of("store", entry.store()));
                }
            }
        }
    }

    /** The entries of TrustedCACerts: JSON objects, or text such as
     *  {@code Thumbprint=AB...;CAStore=TrustedRootCA} (any order, ";" or "," between). */
    private static List<Entry> entries(FactSink sink, String fileName, Record record) {
        List<Map<String, String>> raw = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        for (Object item : record.list("TrustedCACerts")) {
            if (item instanceof Map<?, ?> map) {
                Map<String, String> entry = new LinkedHashMap<>();
                map.forEach((k, v) -> entry.put(String.valueOf(k).toLowerCase(Locale.ROOT),
                        String.valueOf(v).strip()));
                raw.add(entry);
                continue;
            }
            for (String pair : String.valueOf(item).split(";")) {
                if (pair.isBlank()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    ExportFiles.problem(sink, fileName, record.line(), "TrustedCACerts entry \""
                            + pair.strip() + "\" is not Thumbprint=...;CAStore=... and is"
                            + " skipped; export the configuration with ConvertTo-Json as"
                            + " shown in " + SkypeNames.GUIDE);
                    continue;
                }
                String key = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                if (current.containsKey(key)) {
                    raw.add(current);
                    current = new LinkedHashMap<>();
                }
                current.put(key, pair.substring(eq + 1).strip());
            }
        }
        if (!current.isEmpty()) {
            raw.add(current);
        }
        List<Entry> entries = new ArrayList<>();
        for (Map<String, String> entry : raw) {
            String thumbprint = entry.get("thumbprint");
            String store = store(entry.get("castore"));
            if (thumbprint == null || !Thumbprints.isSha1(thumbprint)) {
                ExportFiles.problem(sink, fileName, record.line(), "TrustedCACerts entry "
                        + entry + " has no 40-digit Thumbprint and is skipped; correct it with"
                        + " Set-CsWebServiceConfiguration or export again");
            } else if (store == null) {
                ExportFiles.problem(sink, fileName, record.line(), "TrustedCACerts entry "
                        + entry + " has CAStore \"" + entry.get("castore") + "\", not one of "
                        + CA_STORES + ", and is skipped; export CAStore as text as shown in "
                        + SkypeNames.GUIDE);
            } else {
                entries.add(new Entry(Thumbprints.normalise(thumbprint), store));
            }
        }
        return entries;
    }

    private static String store(String value) {
        if (value == null) {
            return null;
        }
        for (String known : CA_STORES) {
            if (known.equalsIgnoreCase(value.strip())) {
                return known;
            }
        }
        return null;
    }
}

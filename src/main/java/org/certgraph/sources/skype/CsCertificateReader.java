package org.certgraph.sources.skype;

import java.nio.file.Path;
import java.util.LinkedHashSet;
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
 * The certificates a server uses, as Get-CsCertificate lists them on that server: each Use
 * (Default, WebServicesInternal, WebServicesExternal, OAuthTokenIssuer, ...) with the thumbprint
 * of the certificate assigned to it. Gives the Server, a reference to each certificate, and
 * (:Server)-[:ASSIGNED {use}]->(:Certificate). Source id {@code skype-certificates:<fqdn>}.
 */
public final class CsCertificateReader implements SourceReader {

    /** The source id prefix; the server's FQDN follows. */
    public static final String SOURCE_PREFIX = "skype-certificates:";

    @Override
    public String name() {
        return "cs-certificate";
    }

    @Override
    public String description() {
        return "Skype for Business / Lync certificate assignments of one server"
                + " (Get-CsCertificate as a list, Export-Csv or ConvertTo-Json)";
    }

    @Override
    public boolean recognises(String head) {
        if (head != null && head.contains("Microsoft.Rtc.Management.Deployment.Certificate")) {
            return true;
        }
        Set<String> names = CmdletOutput.propertyNames(head);
        return names.contains("use") && names.contains("thumbprint");
    }

    @Override
    public void read(Path file, ReadOptions options, FactSink sink) throws SourceReadException {
        String fileName = String.valueOf(file.getFileName());
        CmdletOutput.Parsed parsed = CmdletOutput.parse(file);
        if (!parsed.records().isEmpty() && parsed.records().stream()
                .noneMatch(r -> r.has("Use") && r.has("Thumbprint"))) {
            throw new SourceReadException(fileName + ": has no Use and Thumbprint properties,"
                    + " so it is not Get-CsCertificate output; export it with the command in "
                    + SkypeNames.GUIDE);
        }
        String server = ExportFiles.server(fileName, parsed.records(), options,
                "fe01.contoso.com-certificates.txt");
        sink.begin(SOURCE_PREFIX + server);
        sink.node(Model.SERVER, server, Map.of());
        ExportFiles.forwardProblems(fileName, parsed, sink);
        Set<String> refs = new LinkedHashSet<>();
        for (Record record : parsed.records()) {
            String use = record.text("Use");
            String thumbprint = record.text("Thumbprint");
            if (use == null || thumbprint == null) {
                ExportFiles.problem(sink, fileName, record.line(), "the entry has no "
                        + (use == null ? "Use" : "Thumbprint") + " and is skipped; export"
                        + " Get-CsCertificate again with both properties");
                continue;
            }
            use = SkypeNames.use(use);
            if (use.matches("\\d+")) {
                ExportFiles.problem(sink, fileName, record.line(), "Use is the number " + use
                        + ", not a name such as Default, and the entry is skipped; export with"
                        + " the Use property as text as shown in " + SkypeNames.GUIDE);
                continue;
            }
            if (!Thumbprints.isSha1(thumbprint)) {
                ExportFiles.problem(sink, fileName, record.line(), "Thumbprint \"" + thumbprint
                        + "\" of use " + use + " is not 40 hex digits and the entry is"
                        + " skipped; correct the value or export again");
                continue;
            }
            String sha1 = Thumbprints.normalise(thumbprint);
            if (refs.add(sha1)) {
                sink.certificateRef(sha1);
            }
            sink.relationship(Model.ASSIGNED, Model.SERVER, server, Model.CERTIFICATE, sha1,
                    Map.of("use", use));
        }
    }
}

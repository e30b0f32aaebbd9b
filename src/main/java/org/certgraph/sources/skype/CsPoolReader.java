package org.certgraph.sources.skype;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.certgraph.sources.FactSink;
import org.certgraph.sources.Model;
import org.certgraph.sources.ReadOptions;
import org.certgraph.sources.SourceReadException;
import org.certgraph.sources.SourceReader;
import org.certgraph.sources.windows.CmdletOutput;
import org.certgraph.sources.windows.CmdletOutput.Record;
import org.certgraph.sources.windows.ExportFiles;
import org.certgraph.sources.windows.WindowsNames;

/**
 * The topology as Get-CsPool lists it: each pool with its site, the computers in it and the
 * services it runs. Gives Pool {fqdn, site}, Server {fqdn, site} MEMBER_OF the pool, and Service
 * {id, role, pool, use} HOSTED_BY its pool. Source id {@value #SOURCE_ID}.
 */
public final class CsPoolReader implements SourceReader {

    /** The source id of the topology. */
    public static final String SOURCE_ID = "skype-topology";

    @Override
    public String name() {
        return "cs-pool";
    }

    @Override
    public String description() {
        return "Skype for Business / Lync topology (Get-CsPool as a list, Export-Csv or"
                + " ConvertTo-Json)";
    }

    @Override
    public boolean recognises(String head) {
        if (head != null && head.contains("Microsoft.Rtc.Management.Xds.DisplayPool")) {
            return true;
        }
        Set<String> names = CmdletOutput.propertyNames(head);
        return names.contains("services") && names.contains("computers");
    }

    @Override
    public void read(Path file, ReadOptions options, FactSink sink) throws SourceReadException {
        String fileName = String.valueOf(file.getFileName());
        CmdletOutput.Parsed parsed = CmdletOutput.parse(file);
        if (!parsed.records().isEmpty() && parsed.records().stream()
                .noneMatch(r -> r.has("Services") || r.has("Computers"))) {
            throw new SourceReadException(fileName + ": has no Services or Computers property,"
                    + " so it is not Get-CsPool output; export it with the command in "
                    + SkypeNames.GUIDE);
        }
        sink.begin(SOURCE_ID);
        ExportFiles.forwardProblems(fileName, parsed, sink);
        Set<String> pools = new LinkedHashSet<>();
        Map<String, String> servicePools = new LinkedHashMap<>();
        for (Record record : parsed.records()) {
            String fqdn = record.text("Fqdn");
            if (fqdn == null) {
                fqdn = record.text("Identity");
            }
            if (fqdn == null || !WindowsNames.isFqdn(fqdn)) {
                ExportFiles.problem(sink, fileName, record.line(), "the pool's Fqdn/Identity \""
                        + (fqdn == null ? "" : fqdn) + "\" is not a fully qualified name and"
                        + " the pool is skipped; check the export");
                continue;
            }
            String pool = WindowsNames.fqdn(fqdn);
            String site = record.text("Site") == null ? null
                    : SkypeNames.site(record.text("Site"));
            Map<String, Object> properties = new LinkedHashMap<>();
            if (site != null && !site.isEmpty()) {
                properties.put("site", site);
            }
            sink.node(Model.POOL, pool, properties);
            pools.add(pool);
            if (ExportFiles.checkList(sink, fileName, record, "Computers", SkypeNames.GUIDE)) {
                for (Object item : record.list("Computers")) {
                    String computer = String.valueOf(item);
                    if (!WindowsNames.isFqdn(computer)) {
                        ExportFiles.problem(sink, fileName, record.line(), "computer \""
                                + computer + "\" of pool " + pool + " is not a fully"
                                + " qualified name and is skipped; check the export");
                        continue;
                    }
                    String server = WindowsNames.fqdn(computer);
                    sink.node(Model.SERVER, server, properties);
                    sink.relationship(Model.MEMBER_OF, Model.SERVER, server, Model.POOL, pool,
                            Map.of());
                }
            }
            if (ExportFiles.checkList(sink, fileName, record, "Services", SkypeNames.GUIDE)) {
                for (Object item : record.list("Services")) {
                    String id = SkypeNames.serviceId(String.valueOf(item));
                    if (id == null) {
                        ExportFiles.problem(sink, fileName, record.line(), "service \"" + item
                                + "\" of pool " + pool + " is not <Role>:<pool fqdn> and is"
                                + " skipped; check the export");
                        continue;
                    }
                    service(sink, id);
                    servicePools.put(id, id.substring(id.indexOf(':') + 1));
                }
            }
        }
        for (String pool : new LinkedHashSet<>(servicePools.values())) {
            if (!pools.contains(pool)) {
                sink.node(Model.POOL, pool, Map.of());
            }
        }
        servicePools.forEach((id, pool) -> sink.relationship(Model.HOSTED_BY, Model.SERVICE, id,
                Model.POOL, pool, Map.of()));
    }

    private static void service(FactSink sink, String id) {
        int colon = id.indexOf(':');
        String role = id.substring(0, colon);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("role", role);
        properties.put("pool", id.substring(colon + 1));
        String use = SkypeNames.useOf(role);
        if (use != null) {
            properties.put("use", use);
        }
        sink.node(Model.SERVICE, id, properties);
    }
}

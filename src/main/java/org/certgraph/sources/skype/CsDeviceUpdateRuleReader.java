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

/**
 * Device update rules as Get-CsDeviceUpdateRule lists them: which firmware is approved, and
 * which is pending, for each phone model. Gives HandsetModel {id "<Brand> <Model>", vendor,
 * model, deviceType}, Firmware {id "<model id>|<version>", model, version} OF_MODEL the model,
 * and (:HandsetModel)-[:APPROVED {state: Approved | Pending, rule, locale}]->(:Firmware). Source
 * id {@value #SOURCE_ID}.
 */
public final class CsDeviceUpdateRuleReader implements SourceReader {

    /** The source id of all device update rules. */
    public static final String SOURCE_ID = "skype-device-updates";

    @Override
    public String name() {
        return "cs-device-update";
    }

    @Override
    public String description() {
        return "Skype for Business / Lync device update rules (Get-CsDeviceUpdateRule as a"
                + " list, Export-Csv or ConvertTo-Json)";
    }

    @Override
    public boolean recognises(String head) {
        Set<String> names = CmdletOutput.propertyNames(head);
        return names.contains("brand") && names.contains("model")
                && (names.contains("approvedversion") || names.contains("pendingversion"));
    }

    /** The id a phone model has in the graph, e.g. {@code HP 4120}. */
    public static String modelId(String brand, String model) {
        return brand.strip() + " " + model.strip();
    }

    /** The id of a firmware version of a model, e.g. {@code HP 4120|4.0.7577.4420}. */
    public static String firmwareId(String modelId, String version) {
        return modelId + "|" + version.strip();
    }

    @Override
    public void read(Path file, ReadOptions options, FactSink sink) throws SourceReadException {
        String fileName = String.valueOf(file.getFileName());
        CmdletOutput.Parsed parsed = CmdletOutput.parse(file);
        if (!parsed.records().isEmpty() && parsed.records().stream()
                .noneMatch(r -> r.has("Brand") && r.has("Model"))) {
            throw new SourceReadException(fileName + ": has no Brand and Model properties, so it"
                    + " is not Get-CsDeviceUpdateRule output; export it with the command in "
                    + SkypeNames.GUIDE);
        }
        sink.begin(SOURCE_ID);
        ExportFiles.forwardProblems(fileName, parsed, sink);
        Set<String> models = new LinkedHashSet<>();
        Set<String> firmware = new LinkedHashSet<>();
        for (Record record : parsed.records()) {
            String brand = record.text("Brand");
            String model = record.text("Model");
            if (brand == null || model == null) {
                ExportFiles.problem(sink, fileName, record.line(), "the rule "
                        + (record.text("Identity") == null ? "" : record.text("Identity") + " ")
                        + "has no " + (brand == null ? "Brand" : "Model")
                        + " and is skipped; export Get-CsDeviceUpdateRule again");
                continue;
            }
            String modelId = modelId(brand, model);
            if (models.add(modelId)) {
                Map<String, Object> properties = new LinkedHashMap<>();
                properties.put("vendor", brand);
                properties.put("model", model);
                String type = record.text("DeviceType");
                if (type != null) {
                    properties.put("deviceType", type);
                }
                sink.node(Model.HANDSET_MODEL, modelId, properties);
            }
            String approved = record.text("ApprovedVersion");
            String pending = record.text("PendingVersion");
            approval(sink, record, modelId, approved, "Approved", firmware);
            if (pending != null && !pending.equals(approved)) {
                approval(sink, record, modelId, pending, "Pending", firmware);
            }
        }
    }

    private static void approval(FactSink sink, Record record, String modelId, String version,
                                 String state, Set<String> firmware) {
        if (version == null) {
            return;
        }
        String id = firmwareId(modelId, version);
        if (firmware.add(id)) {
            sink.node(Model.FIRMWARE, id, Map.of("model", modelId, "version", version));
            sink.relationship(Model.OF_MODEL, Model.FIRMWARE, id, Model.HANDSET_MODEL, modelId,
                    Map.of());
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("state", state);
        String rule = record.text("Identity");
        if (rule != null) {
            properties.put("rule", rule);
        }
        String locale = record.text("Locale");
        if (locale != null) {
            properties.put("locale", locale);
        }
        sink.relationship(Model.APPROVED, Model.HANDSET_MODEL, modelId, Model.FIRMWARE, id,
                properties);
    }
}

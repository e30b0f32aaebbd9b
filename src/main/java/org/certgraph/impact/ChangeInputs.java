package org.certgraph.impact;

import java.util.List;
import java.util.Map;

/**
 * Reads changes in the shape scripts write them, the same for GraphQL variables and for the
 * YAML or JSON change files of the CLI: one key naming the kind of change, with its fields.
 */
public final class ChangeInputs {

    private ChangeInputs() {
    }

    /** Reads one change, e.g. {@code {removeTrust: {trustList: …, certificate: …}}}. */
    public static Change parse(Map<String, Object> input) {
        if (input == null || input.size() != 1) {
            throw new IllegalArgumentException("A change names exactly one kind, one of "
                    + String.join(", ", KINDS) + "; got " + (input == null ? "nothing"
                    : input.keySet()) + ".");
        }
        Map.Entry<String, Object> entry = input.entrySet().iterator().next();
        if (!(entry.getValue() instanceof Map<?, ?> fields)) {
            throw new IllegalArgumentException("The change " + entry.getKey()
                    + " needs its fields, e.g. {" + entry.getKey() + ": {…}}.");
        }
        List<String> allowed = FIELDS.get(entry.getKey());
        if (allowed != null) {
            for (Object field : fields.keySet()) {
                if (!allowed.contains(String.valueOf(field))) {
                    throw new IllegalArgumentException("The change " + entry.getKey()
                            + " has no field " + field + "; its fields are "
                            + String.join(", ", allowed) + ".");
                }
            }
        }
        return switch (entry.getKey()) {
            case "removeTrust" -> new Change.RemoveTrust(text(fields, "trustList"),
                    text(fields, "certificate"));
            case "addTrust" -> new Change.AddTrust(text(fields, "trustList"),
                    text(fields, "certificate"), text(fields, "store"));
            case "assignCertificate" -> new Change.AssignCertificate(text(fields, "server"),
                    text(fields, "use"), text(fields, "certificate"));
            case "unassignCertificate" -> new Change.UnassignCertificate(text(fields, "server"),
                    text(fields, "use"));
            case "removeCertificate" -> new Change.RemoveCertificate(text(fields, "certificate"));
            case "restoreCertificate" -> new Change.RestoreCertificate(
                    text(fields, "certificate"));
            case "removeAuthority" -> new Change.RemoveAuthority(text(fields, "authority"));
            case "restoreAuthority" -> new Change.RestoreAuthority(text(fields, "authority"));
            case "takeServerOffline" -> new Change.TakeServerOffline(text(fields, "server"));
            case "bringServerOnline" -> new Change.BringServerOnline(text(fields, "server"));
            case "upgradeFirmware" -> new Change.UpgradeFirmware(text(fields, "model"),
                    text(fields, "to"), text(fields, "from"));
            default -> throw new IllegalArgumentException("Unknown change " + entry.getKey()
                    + "; use one of " + String.join(", ", KINDS) + ".");
        };
    }

    /** The kinds of change, as scripts name them. */
    public static final List<String> KINDS = List.of("removeTrust", "addTrust",
            "assignCertificate", "unassignCertificate", "removeCertificate",
            "restoreCertificate", "removeAuthority", "restoreAuthority", "takeServerOffline",
            "bringServerOnline", "upgradeFirmware");

    private static final Map<String, List<String>> FIELDS = Map.ofEntries(
            Map.entry("removeTrust", List.of("trustList", "certificate")),
            Map.entry("addTrust", List.of("trustList", "certificate", "store")),
            Map.entry("assignCertificate", List.of("server", "use", "certificate")),
            Map.entry("unassignCertificate", List.of("server", "use")),
            Map.entry("removeCertificate", List.of("certificate")),
            Map.entry("restoreCertificate", List.of("certificate")),
            Map.entry("removeAuthority", List.of("authority")),
            Map.entry("restoreAuthority", List.of("authority")),
            Map.entry("takeServerOffline", List.of("server")),
            Map.entry("bringServerOnline", List.of("server")),
            Map.entry("upgradeFirmware", List.of("model", "to", "from")));

    private static String text(Map<?, ?> fields, String name) {
        Object value = fields.get(name);
        return value == null ? null : value.toString();
    }
}

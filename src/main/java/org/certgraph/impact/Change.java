package org.certgraph.impact;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A what-if change to the estate. Certificates are named by thumbprint (any spelling), trust
 * lists by id, servers by FQDN. {@link #toInput()} gives the change in the shape of the GraphQL
 * input and of the change files the CLI reads.
 */
public sealed interface Change {

    /** The change as {kind: {field: value}}, the shape of the GraphQL {@code Change} input. */
    Map<String, Object> toInput();

    /** One line for tables and change records. */
    String describe();

    /** Take a certificate out of a trust list. */
    record RemoveTrust(String trustList, String certificate) implements Change {
        @Override
        public Map<String, Object> toInput() {
            return input("removeTrust", "trustList", trustList, "certificate", certificate);
        }

        @Override
        public String describe() {
            return "remove " + certificate + " from trust list " + trustList;
        }
    }

    /** Put a certificate into a trust list, in a store (TrustedRootCA, IntermediateCA, Root). */
    record AddTrust(String trustList, String certificate, String store) implements Change {
        @Override
        public Map<String, Object> toInput() {
            return input("addTrust", "trustList", trustList, "certificate", certificate,
                    "store", store);
        }

        @Override
        public String describe() {
            return "add " + certificate + " to trust list " + trustList
                    + (store == null ? "" : " (" + store + ")");
        }
    }

    /** Make a server present a certificate for a use. */
    record AssignCertificate(String server, String use, String certificate) implements Change {
        @Override
        public Map<String, Object> toInput() {
            return input("assignCertificate", "server", server, "use", use,
                    "certificate", certificate);
        }

        @Override
        public String describe() {
            return "assign " + certificate + " to " + server + " for " + use;
        }
    }

    /** Leave a server without a certificate for a use (the backout of a first assignment). */
    record UnassignCertificate(String server, String use) implements Change {
        @Override
        public Map<String, Object> toInput() {
            return input("unassignCertificate", "server", server, "use", use);
        }

        @Override
        public String describe() {
            return "remove the " + use + " certificate of " + server;
        }
    }

    /** Remove a certificate everywhere: assignments, trust lists, chains. */
    record RemoveCertificate(String certificate) implements Change {
        @Override
        public Map<String, Object> toInput() {
            return input("removeCertificate", "certificate", certificate);
        }

        @Override
        public String describe() {
            return "remove certificate " + certificate + " everywhere";
        }
    }

    /** Put a removed certificate back (the backout of a removal). */
    record RestoreCertificate(String certificate) implements Change {
        @Override
        public Map<String, Object> toInput() {
            return input("restoreCertificate", "certificate", certificate);
        }

        @Override
        public String describe() {
            return "restore certificate " + certificate;
        }
    }

    /** Remove every certificate of an authority everywhere. */
    record RemoveAuthority(String authority) implements Change {
        @Override
        public Map<String, Object> toInput() {
            return input("removeAuthority", "authority", authority);
        }

        @Override
        public String describe() {
            return "remove authority " + authority + " and its CA certificates";
        }
    }

    /** Put a removed authority back (the backout of a removal). */
    record RestoreAuthority(String authority) implements Change {
        @Override
        public Map<String, Object> toInput() {
            return input("restoreAuthority", "authority", authority);
        }

        @Override
        public String describe() {
            return "restore authority " + authority;
        }
    }

    /** Take a server out of its pool. */
    record TakeServerOffline(String server) implements Change {
        @Override
        public Map<String, Object> toInput() {
            return input("takeServerOffline", "server", server);
        }

        @Override
        public String describe() {
            return "take " + server + " offline";
        }
    }

    /** Put a server back into its pool. */
    record BringServerOnline(String server) implements Change {
        @Override
        public Map<String, Object> toInput() {
            return input("bringServerOnline", "server", server);
        }

        @Override
        public String describe() {
            return "bring " + server + " online";
        }
    }

    /** Move phones of a model (optionally only those on one version) to another firmware. */
    record UpgradeFirmware(String model, String to, String from) implements Change {
        @Override
        public Map<String, Object> toInput() {
            return input("upgradeFirmware", "model", model, "to", to, "from", from);
        }

        @Override
        public String describe() {
            return "upgrade " + model + (from == null ? "" : " from " + from) + " to " + to;
        }
    }

    private static Map<String, Object> input(String kind, String... fields) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i + 1] != null) {
                values.put(fields[i], fields[i + 1]);
            }
        }
        return Map.of(kind, values);
    }
}

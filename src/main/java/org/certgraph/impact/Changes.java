package org.certgraph.impact;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.certgraph.cert.Thumbprints;
import org.certgraph.impact.Change.AddTrust;
import org.certgraph.impact.Change.AssignCertificate;
import org.certgraph.impact.Change.BringServerOnline;
import org.certgraph.impact.Change.RemoveAuthority;
import org.certgraph.impact.Change.RemoveCertificate;
import org.certgraph.impact.Change.RemoveTrust;
import org.certgraph.impact.Change.RestoreAuthority;
import org.certgraph.impact.Change.RestoreCertificate;
import org.certgraph.impact.Change.TakeServerOffline;
import org.certgraph.impact.Change.UnassignCertificate;
import org.certgraph.impact.Change.UpgradeFirmware;
import org.certgraph.impact.Snapshot.Capability;
import org.certgraph.impact.Snapshot.Party;
import org.certgraph.impact.Snapshot.TrustList;

/**
 * Applies changes to a snapshot copy, and works out the change that backs each one out. A change
 * that names something the graph does not have is refused with a message that says so.
 */
final class Changes {

    private final SnapshotLoader loader;

    Changes(SnapshotLoader loader) {
        this.loader = loader;
    }

    /** The same change with thumbprints normalised and names checked against the snapshot. */
    Change normalise(Change change, Snapshot s) {
        if (change instanceof RemoveTrust c) {
            String id = list(s, c.trustList());
            String sha1 = cert(s, c.certificate());
            if (!s.trustLists.get(id).entries().containsKey(sha1)) {
                throw new IllegalArgumentException("Trust list " + id + " does not hold "
                        + c.certificate() + ", so removing it changes nothing; the query "
                        + "trustList(id: \"" + id + "\") { entries { nodes { sha1 } } } lists "
                        + "what it holds.");
            }
            return new RemoveTrust(id, sha1);
        }
        if (change instanceof AddTrust c) {
            String id = list(s, c.trustList());
            if (c.store() != null && !STORES.contains(c.store())) {
                throw new IllegalArgumentException("Unknown store " + c.store() + "; use one of "
                        + String.join(", ", STORES) + ".");
            }
            String store = c.store() != null ? c.store()
                    : "webservice".equals(s.trustLists.get(id).kind()) ? "TrustedRootCA" : "Root";
            return new AddTrust(id, cert(s, c.certificate()), store);
        }
        if (change instanceof AssignCertificate c) {
            return new AssignCertificate(server(s, c.server()), use(s, c.use()),
                    cert(s, c.certificate()));
        }
        if (change instanceof UnassignCertificate c) {
            return new UnassignCertificate(server(s, c.server()), use(s, c.use()));
        }
        if (change instanceof RemoveCertificate c) {
            return new RemoveCertificate(cert(s, c.certificate()));
        }
        if (change instanceof RestoreCertificate c) {
            return new RestoreCertificate(cert(s, c.certificate()));
        }
        if (change instanceof RemoveAuthority c) {
            return new RemoveAuthority(authority(s, c.authority()));
        }
        if (change instanceof RestoreAuthority c) {
            return new RestoreAuthority(authority(s, c.authority()));
        }
        if (change instanceof TakeServerOffline c) {
            return new TakeServerOffline(server(s, c.server()));
        }
        if (change instanceof BringServerOnline c) {
            return new BringServerOnline(server(s, c.server()));
        }
        UpgradeFirmware c = (UpgradeFirmware) change;
        String model = model(s, c.model());
        String to = version(required(c.to(), "to"), "to");
        if (c.from() != null) {
            version(c.from(), "from");
            boolean runs = s.parties.stream().anyMatch(p -> model.equals(p.model())
                    && c.from().equals(p.version()));
            if (!runs) {
                throw new IllegalArgumentException("No " + model + " phones run " + c.from()
                        + "; the query phones(filter: {model: \"" + model + "\"}) { nodes { "
                        + "firmware } } lists their versions.");
            }
        }
        return new UpgradeFirmware(model, to, c.from());
    }

    /** The changes that undo {@code change} when applied to {@code before}. */
    List<Change> backout(Change change, Snapshot before) {
        if (change instanceof RemoveTrust c) {
            Map<String, String> entries = before.trustLists.get(c.trustList()).entries();
            return entries.containsKey(c.certificate())
                    ? List.of(new AddTrust(c.trustList(), c.certificate(),
                            entries.get(c.certificate())))
                    : List.of();
        }
        if (change instanceof AddTrust c) {
            Map<String, String> entries = before.trustLists.get(c.trustList()).entries();
            return entries.containsKey(c.certificate())
                    ? List.of(new AddTrust(c.trustList(), c.certificate(),
                            entries.get(c.certificate())))
                    : List.of(new RemoveTrust(c.trustList(), c.certificate()));
        }
        if (change instanceof AssignCertificate c) {
            String old = before.assignments.getOrDefault(c.server(), Map.of()).get(c.use());
            return List.of(old == null ? new UnassignCertificate(c.server(), c.use())
                    : new AssignCertificate(c.server(), c.use(), old));
        }
        if (change instanceof UnassignCertificate c) {
            String old = before.assignments.getOrDefault(c.server(), Map.of()).get(c.use());
            return old == null ? List.of()
                    : List.of(new AssignCertificate(c.server(), c.use(), old));
        }
        if (change instanceof RemoveCertificate c) {
            return before.removed.contains(c.certificate()) ? List.of()
                    : List.of(new RestoreCertificate(c.certificate()));
        }
        if (change instanceof RestoreCertificate c) {
            return before.removed.contains(c.certificate())
                    ? List.of(new RemoveCertificate(c.certificate())) : List.of();
        }
        if (change instanceof RemoveAuthority c) {
            return List.of(new RestoreAuthority(c.authority()));
        }
        if (change instanceof RestoreAuthority c) {
            return List.of(new RemoveAuthority(c.authority()));
        }
        if (change instanceof TakeServerOffline c) {
            return before.offline.contains(c.server()) ? List.of()
                    : List.of(new BringServerOnline(c.server()));
        }
        if (change instanceof BringServerOnline c) {
            return before.offline.contains(c.server())
                    ? List.of(new TakeServerOffline(c.server())) : List.of();
        }
        UpgradeFirmware c = (UpgradeFirmware) change;
        Set<String> versions = new LinkedHashSet<>();
        for (Party p : before.parties) {
            if (upgrades(c, p) && !c.to().equals(p.version())) {
                versions.add(p.version());
            }
        }
        List<Change> undo = new ArrayList<>();
        versions.forEach(v -> undo.add(new UpgradeFirmware(c.model(), v, c.to())));
        return undo;
    }

    /** Applies a normalised change to {@code s} in place. */
    void apply(Change change, Snapshot s) {
        if (change instanceof RemoveTrust c) {
            s.distrust(c.trustList(), c.certificate());
        } else if (change instanceof AddTrust c) {
            ensure(s, c.certificate());
            s.trust(c.trustList(), c.certificate(), c.store());
        } else if (change instanceof AssignCertificate c) {
            ensure(s, c.certificate());
            s.assign(c.server(), c.use(), c.certificate());
        } else if (change instanceof UnassignCertificate c) {
            s.unassign(c.server(), c.use());
        } else if (change instanceof RemoveCertificate c) {
            s.removed.add(c.certificate());
        } else if (change instanceof RestoreCertificate c) {
            s.removed.remove(c.certificate());
        } else if (change instanceof RemoveAuthority c) {
            s.removed.addAll(authorityCertificates(s, c.authority()));
        } else if (change instanceof RestoreAuthority c) {
            authorityCertificates(s, c.authority()).forEach(s.removed::remove);
        } else if (change instanceof TakeServerOffline c) {
            s.offline.add(c.server());
        } else if (change instanceof BringServerOnline c) {
            s.offline.remove(c.server());
        } else if (change instanceof UpgradeFirmware c) {
            upgrade(c, s);
        }
    }

    private static void upgrade(UpgradeFirmware c, Snapshot s) {
        String firmwareId = c.model() + "|" + c.to();
        Capability capability = s.firmware.getOrDefault(firmwareId, Capability.UNKNOWN);
        for (int i = 0; i < s.parties.size(); i++) {
            Party p = s.parties.get(i);
            Party upgraded = upgrades(c, p) ? p.withFirmware(firmwareId, c.to(), capability) : p;
            // Phones already on that firmware stay the same party, so their verdicts are kept.
            if (!upgraded.equals(p)) {
                s.replaceParty(i, upgraded);
            }
        }
    }

    private static boolean upgrades(UpgradeFirmware c, Party p) {
        return p.kind().equals("PHONE") && c.model().equals(p.model())
                && (c.from() == null || c.from().equals(p.version()));
    }

    private static List<String> authorityCertificates(Snapshot s, String authority) {
        return s.certs.values().stream().filter(c -> c.authorities().contains(authority))
                .map(Snapshot.Cert::sha1).toList();
    }

    private void ensure(Snapshot s, String sha1) {
        if (!s.certs.containsKey(sha1)) {
            s.addCertificates(loader.named(s, sha1));
        }
    }

    private String cert(Snapshot s, String thumbprint) {
        String sha1 = Thumbprints.normalise(required(thumbprint, "certificate"));
        if (s.certs.containsKey(sha1)) {
            return sha1;
        }
        var found = loader.named(s, sha1);
        if (!found.containsKey(sha1)) {
            throw new IllegalArgumentException("No certificate with thumbprint " + thumbprint
                    + " is in the graph; import it first, or check the thumbprint.");
        }
        s.addCertificates(found);
        return sha1;
    }

    private static String list(Snapshot s, String id) {
        TrustList list = s.trustLists.get(required(id, "trustList"));
        if (list == null) {
            throw new IllegalArgumentException("No trust list " + id + " is in the graph; the "
                    + "query trustLists { id } lists them.");
        }
        return id;
    }

    private static String server(Snapshot s, String fqdn) {
        String name = required(fqdn, "server").toLowerCase(Locale.ROOT);
        boolean known = s.assignments.containsKey(name)
                || s.services.values().stream().anyMatch(v -> v.servers().contains(name));
        if (!known) {
            throw new IllegalArgumentException("No server " + fqdn + " is in the graph; the "
                    + "query servers { fqdn } lists them.");
        }
        return name;
    }

    private static String authority(Snapshot s, String name) {
        required(name, "authority");
        boolean known = s.certs.values().stream().anyMatch(c -> c.authorities().contains(name));
        if (!known) {
            throw new IllegalArgumentException("No authority " + name + " with CA certificates "
                    + "is in the graph; the query authorities { name } lists them.");
        }
        return name;
    }

    private static String model(Snapshot s, String model) {
        required(model, "model");
        boolean known = s.parties.stream().anyMatch(p -> model.equals(p.model()));
        if (!known) {
            throw new IllegalArgumentException("No phones of model " + model + " are in the "
                    + "graph; the query phones { nodes { model } } lists the models.");
        }
        return model;
    }

    /** Stores a trust list entry can be in. */
    static final List<String> STORES = List.of("TrustedRootCA", "IntermediateCA",
            "ThirdPartyRootCA", "Root", "CA", "AuthRoot", "My");

    private static String version(String version, String field) {
        if (!version.matches("\\d+(\\.\\d+)*")) {
            throw new IllegalArgumentException("The firmware version " + field + ": " + version
                    + " is not a version; write it like 4.0.7577.4455.");
        }
        return version;
    }

    private static String use(Snapshot s, String use) {
        required(use, "use");
        boolean known = s.assignments.values().stream().anyMatch(u -> u.containsKey(use))
                || s.services.values().stream().anyMatch(v -> use.equals(v.use()));
        if (!known) {
            throw new IllegalArgumentException("No server presents a certificate for use " + use
                    + "; uses are written as Get-CsCertificate shows them, e.g. Default, "
                    + "WebServicesInternal, WebServicesExternal, OAuthTokenIssuer.");
        }
        return use;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A change is missing its " + field + ".");
        }
        return value;
    }
}

package org.certgraph.impact;

import java.util.List;
import java.util.Set;

/** The verdict vocabulary: how a dependency stands and why. */
public final class Verdicts {

    private Verdicts() {
    }

    /** How a relying party fares with a service. Order: better first. */
    public enum Status {
        /** Every server of the service works. */
        OK,
        /** Capability facts are missing, so certgraph cannot tell. */
        UNKNOWN,
        /** Some servers work, some do not: clients fall back to those that do. */
        DEGRADED,
        /** No server works. */
        OUTAGE;

        public boolean worseThan(Status other) {
            return ordinal() > other.ordinal();
        }
    }

    /** Why a server does not work for a relying party (NAME_MISMATCH is reported only). */
    public enum Reason {
        UNTRUSTED, UNSUPPORTED_SIGNATURE, UNSUPPORTED_KEY, EXPIRED, NOT_YET_VALID,
        NO_CERTIFICATE, NO_SERVER, NAME_MISMATCH, CAPABILITY_UNKNOWN
    }

    /** A certificate on a path, as evidence. */
    public record PathEntry(String sha1, String subject, String signatureHash) {
    }

    /**
     * How one server of a service fares for one relying party.
     *
     * @param server the server's FQDN
     * @param certificate thumbprint of what it presents for the service's use, or null
     * @param status OK, UNKNOWN or OUTAGE (does not work)
     * @param reasons why it does not work (empty when it does)
     * @param path the path that decided: the working one, or the best failing one; leaf first
     * @param missingLink what is missing when no path reaches a trusted root, or null
     */
    public record ServerVerdict(String server, String certificate, Status status,
                                Set<Reason> reasons, List<PathEntry> path, String missingLink) {
    }

    /**
     * A relying party (a phone class, a server or a platform) and a service it connects to.
     *
     * @param party phone class "HP 4120 4.0.7577.4372 @ pool01.contoso.com", or a FQDN or id
     * @param kind PHONE, SERVER or PLATFORM
     * @param count how many phones the class has (1 for servers and platforms)
     * @param trustLists the trust lists the party validates with
     */
    public record Dependency(String party, String kind, String model, String firmware,
                             String pool, long count, String service, List<String> trustLists,
                             Status status, Set<Reason> reasons, List<ServerVerdict> servers) {

        /** Identifies the dependency across before and after. */
        public String key() {
            return party + " -> " + service;
        }
    }
}

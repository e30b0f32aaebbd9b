package org.certgraph.sources.phones;

import java.util.List;

/**
 * One thing a firmware (or platform) can or cannot do, such as the signature hashes it validates:
 * either known, as a set of values with the source that says so, or unknown, with the reason and
 * the site setting that would make it known. An unknown capability must never be read as "none"
 * or "all": the impact engine reports it as unknown.
 *
 * @param known whether the values are known
 * @param values the values when known (canonical names, see {@link CapabilityNames}); empty when
 *     unknown
 * @param source the document, URL or decision the values come from; null when unknown
 * @param note why the capability is unknown, or a remark on the source; null when there is none
 * @param siteSetting the name of the site setting that decides it, or null
 */
public record Capability(boolean known, List<String> values, String source, String note,
                         String siteSetting) {

    public Capability {
        values = List.copyOf(values);
    }

    /** A known capability. */
    public static Capability known(List<String> values, String source, String note) {
        return new Capability(true, values, source, note, null);
    }

    /** An unknown capability and why. */
    public static Capability unknown(String why, String siteSetting) {
        return new Capability(false, List.of(), null, why, siteSetting);
    }
}

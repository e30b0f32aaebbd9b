package org.certgraph.core;

import java.util.List;
import java.util.Map;

/**
 * What loading one source's facts did.
 *
 * @param source the source id, e.g. store:fe01.contoso.com:Root
 * @param certificatesRead certificates with bytes the source held, each counted once
 * @param certificatesNew of those, certificates the graph did not hold (or held unresolved)
 * @param references certificates the source named by thumbprint only
 * @param chainLinks new verified issuer links
 * @param nodes nodes written, by label
 * @param relationshipsCreated new relationships, by type
 * @param removed nodes and relationships withdrawn because the source no longer states them,
 *     by label or type
 * @param problems one sentence per problem, naming the file and the line
 * @param cleanupSkipped true when earlier facts were kept because of problems
 */
public record LoadReport(
        String source,
        int certificatesRead,
        int certificatesNew,
        int references,
        int chainLinks,
        Map<String, Integer> nodes,
        Map<String, Integer> relationshipsCreated,
        Map<String, Integer> removed,
        List<String> problems,
        boolean cleanupSkipped) {

    public int created(String type) {
        return relationshipsCreated.getOrDefault(type, 0);
    }

    public int removed(String labelOrType) {
        return removed.getOrDefault(labelOrType, 0);
    }
}

package org.certgraph.sources.phones;

/**
 * A handset model the knowledge files describe.
 *
 * @param id "&lt;Vendor&gt; &lt;Model&gt;" as people write it, e.g. "HP 4120" or "Polycom VVX 411"
 * @param vendor the maker, e.g. "Polycom"
 * @param model the model without the vendor, e.g. "VVX 411"
 * @param platform the software family it runs, e.g. "Lync Phone Edition"
 * @param source where the vendor and platform come from
 */
public record HandsetModelInfo(String id, String vendor, String model, String platform,
                               String source) {
}

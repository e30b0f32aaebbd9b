package org.certgraph.core;

import java.util.List;
import java.util.Optional;

import org.certgraph.sources.SourceReader;
import org.certgraph.sources.adcs.AdcsDumpReader;
import org.certgraph.sources.adcs.CaTemplatesReader;
import org.certgraph.sources.adcs.TemplatesReader;
import org.certgraph.sources.inventory.InventoryReader;
import org.certgraph.sources.phones.FirmwareKnowledge;
import org.certgraph.sources.phones.PhoneInventoryReader;
import org.certgraph.sources.skype.CsCertificateReader;
import org.certgraph.sources.skype.CsDeviceUpdateRuleReader;
import org.certgraph.sources.skype.CsPoolReader;
import org.certgraph.sources.skype.CsWebServiceConfigurationReader;
import org.certgraph.sources.windows.CertStoreReader;

/**
 * Every source certgraph reads besides certificate files, in the order their recognisers are
 * asked: the first that recognises a file's content reads it.
 */
public final class SourceReaders {

    /** The name {@code --source} takes for plain certificate files. */
    public static final String CERTIFICATES = "certificates";

    private SourceReaders() {
    }

    /** New reader objects, one per source kind, with the shipped firmware knowledge. */
    public static List<SourceReader> all() {
        return all(null);
    }

    /**
     * New reader objects, one per source kind; phones are judged with the shipped firmware
     * knowledge and, when given, the site's own knowledge file on top.
     */
    public static List<SourceReader> all(FirmwareKnowledge knowledge) {
        return List.of(new AdcsDumpReader(), new TemplatesReader(), new CaTemplatesReader(),
                new CertStoreReader(), new CsPoolReader(), new CsCertificateReader(),
                new CsWebServiceConfigurationReader(), new CsDeviceUpdateRuleReader(),
                knowledge == null ? new PhoneInventoryReader() : new PhoneInventoryReader(knowledge),
                new InventoryReader());
    }

    /** The reader called {@code name}, if there is one. */
    public static Optional<SourceReader> named(String name, FirmwareKnowledge knowledge) {
        return all(knowledge).stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The names {@code --source} accepts. */
    public static List<String> names() {
        List<String> names = new java.util.ArrayList<>();
        names.add(CERTIFICATES);
        all().forEach(r -> names.add(r.name()));
        return names;
    }
}

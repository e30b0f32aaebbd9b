package org.certgraph.sources.adcs;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of a {@code certutil -view csv} export that certgraph reads. certutil heads each
 * column with its display name in the CA server's language; the schema names that {@code -out}
 * accepts (RequestID, RawCertificate, …) are accepted too. Names are compared without case,
 * accents, spaces and punctuation, so "Request.Disposition" and "Request Disposition" match.
 */
enum AdcsColumn {
    REQUEST_ID("RequestID", "Issued Request ID", "Request ID",
            "Ausgestellte Anforderungs-ID", "Anforderungs-ID",
            "ID de la demande émise", "ID de la demande", "N° de la demande émise"),
    REQUESTER("RequesterName", "Requester Name",
            "Name des Anforderers", "Anforderername", "Name des Antragstellers",
            "Nom du demandeur"),
    COMMON_NAME("CommonName", "Issued Common Name",
            "Ausgestellter allgemeiner Name", "Allgemeiner Name",
            "Nom commun émis", "Nom commun"),
    TEMPLATE("CertificateTemplate", "Certificate Template",
            "Zertifikatvorlage", "Zertifikatsvorlage",
            "Modèle de certificat"),
    HASH("CertificateHash", "Certificate Hash",
            "Zertifikathash", "Zertifikatshash",
            "Hachage du certificat", "Hachage de certificat"),
    SERIAL("SerialNumber", "Serial Number",
            "Seriennummer",
            "Numéro de série"),
    NOT_BEFORE("NotBefore", "Certificate Effective Date",
            "Zertifikatgültigkeitsbeginn", "Gültigkeitsbeginn des Zertifikats",
            "Zertifikat gültig ab",
            "Date d'effet du certificat", "Date de début de validité du certificat"),
    NOT_AFTER("NotAfter", "Certificate Expiration Date",
            "Zertifikatablaufdatum", "Ablaufdatum des Zertifikats", "Zertifikat gültig bis",
            "Date d'expiration du certificat"),
    BINARY("RawCertificate", "Binary Certificate",
            "Binärzertifikat", "Binäres Zertifikat",
            "Certificat binaire"),
    DISPOSITION("Disposition", "Request Disposition",
            "Anforderungsdisposition", "Anforderungsstatus",
            "Disposition de la demande", "Décision de la demande"),
    DISPOSITION_MESSAGE("DispositionMessage", "Request Disposition Message",
            "Anforderungsdispositionsmeldung", "Anforderungsstatusmeldung",
            "Message de disposition de la demande", "Message de décision de la demande"),
    REVOKED("RevokedWhen", "Revocation Date",
            "Sperrdatum", "Widerrufsdatum",
            "Date de révocation");

    private static final Map<String, AdcsColumn> BY_NAME = new HashMap<>();

    static {
        for (AdcsColumn column : values()) {
            BY_NAME.put(normalise(column.schemaName), column);
            for (String name : column.names) {
                BY_NAME.put(normalise(name), column);
            }
        }
    }

    private final String schemaName;
    private final List<String> names;

    AdcsColumn(String schemaName, String... names) {
        this.schemaName = schemaName;
        this.names = List.of(names);
    }

    /** The English display name certutil prints, for messages. */
    String english() {
        return names.get(0);
    }

    /** The schema name {@code certutil -view -out} takes. */
    String schemaName() {
        return schemaName;
    }

    /** The column a header cell names, or null when certgraph does not read it. */
    static AdcsColumn of(String header) {
        return BY_NAME.get(normalise(header));
    }

    /** Column → index in the record, for the columns of {@code headers} that are known. */
    static Map<AdcsColumn, Integer> resolve(List<String> headers) {
        Map<AdcsColumn, Integer> found = new EnumMap<>(AdcsColumn.class);
        for (int i = 0; i < headers.size(); i++) {
            AdcsColumn column = of(headers.get(i));
            if (column != null) {
                found.putIfAbsent(column, i);
            }
        }
        return found;
    }

    /** The English names of some columns, for messages. */
    static String englishNames(List<AdcsColumn> columns) {
        List<String> out = new ArrayList<>();
        for (AdcsColumn column : columns) {
            out.add("\"" + column.english() + "\"");
        }
        return String.join(", ", out);
    }

    static String normalise(String name) {
        String decomposed = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder();
        decomposed.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c)) {
                out.appendCodePoint(c);
            }
        });
        return out.toString().toLowerCase(Locale.ROOT);
    }
}

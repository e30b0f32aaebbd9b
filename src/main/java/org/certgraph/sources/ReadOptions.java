package org.certgraph.sources;

/**
 * What a user may tell an importer that the file itself may not say.
 *
 * @param server the FQDN of the server the export was taken on (store exports, Get-CsCertificate)
 * @param dateFormat a java.time pattern for the dates in an AD CS dump, e.g. dd.MM.yyyy HH:mm
 * @param authority the name of the CA an AD CS dump came from, when the file does not say
 */
public record ReadOptions(String server, String dateFormat, String authority) {

    public static final ReadOptions NONE = new ReadOptions(null, null, null);
}

package org.certgraph.core;

import java.nio.file.Path;
import java.util.List;

/**
 * A request to load certificate files and folders.
 *
 * @param paths files and folders (read recursively)
 * @param trustList the id of a trust list whose entries are exactly the certificates found, or
 *     null for none
 * @param store the store the trust list entries are recorded in (e.g. Root)
 * @param password the PKCS#12 or keystore password, or null
 */
public record ImportRequest(List<Path> paths, String trustList, String store, char[] password) {

    public ImportRequest {
        paths = List.copyOf(paths);
        store = store == null || store.isBlank() ? "Root" : store;
    }

    public static ImportRequest of(List<Path> paths) {
        return new ImportRequest(paths, null, null, null);
    }
}

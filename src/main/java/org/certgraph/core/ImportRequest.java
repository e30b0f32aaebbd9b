package org.certgraph.core;

import java.nio.file.Path;
import java.util.List;

import org.certgraph.sources.ReadOptions;

/**
 * A request to load files and folders: certificate files and the exports of the sources in
 * {@link SourceReaders}.
 *
 * @param paths files and folders (read recursively)
 * @param trustList the id of a trust list whose entries are exactly the certificate files'
 *     certificates, or null for none
 * @param store the store the trust list entries are recorded in (e.g. Root)
 * @param password the PKCS#12 or keystore password, or null
 * @param source the source every file is read as (a {@link SourceReaders} name), or null to
 *     recognise each file by its content
 * @param options what the user tells the source readers (server, date format, authority)
 * @param knowledge the site's firmware knowledge file, or null (a file with the
 *     {@code certgraph-knowledge} key among the paths is used too)
 */
public record ImportRequest(List<Path> paths, String trustList, String store, char[] password,
                            String source, ReadOptions options, Path knowledge) {

    public ImportRequest {
        paths = List.copyOf(paths);
        store = store == null || store.isBlank() ? "Root" : store;
        options = options == null ? ReadOptions.NONE : options;
    }

    public ImportRequest(List<Path> paths, String trustList, String store, char[] password) {
        this(paths, trustList, store, password, null, null, null);
    }

    public static ImportRequest of(List<Path> paths) {
        return new ImportRequest(paths, null, null, null);
    }
}

package org.certgraph.sources;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One kind of export an organisation has (an AD CS dump, a certificate store export, a cmdlet's
 * output, a phone inventory). A reader recognises its files by their content and turns them into
 * facts; it never talks to the database.
 */
public interface SourceReader {

    /** A short name users pass to {@code --source}, e.g. {@code adcs}. */
    String name();

    /** What users call this kind of file, e.g. "AD CS database dump (certutil -view csv)". */
    String description();

    /** Whether {@code head}, the first few kilobytes of a file as text, look like this source. */
    boolean recognises(String head);

    /**
     * Reads the file and hands every fact to {@code sink}, starting with {@link FactSink#begin}.
     * Throws {@link SourceReadException} before handing over anything when the file cannot be
     * read as this source; an {@link IOException} may come at any point (a disk error). A reader
     * object may be used for many files, one after the other.
     */
    void read(Path file, ReadOptions options, FactSink sink)
            throws SourceReadException, IOException;
}

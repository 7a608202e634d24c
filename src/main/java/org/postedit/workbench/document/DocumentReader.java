package org.postedit.workbench.document;

import java.nio.file.Path;

/** Reads a file into segments. The Okapi adapter implements it; nothing else here knows Okapi. */
public interface DocumentReader {

    /**
     * @param file     the uploaded file, already on disk
     * @param fileName the name the user gave it (its extension is one hint for the format, the content another)
     * @throws ImportRejectedException when the file cannot or must not be imported, with a message for the user
     */
    ImportedDocument read(Path file, String fileName, ImportOptions options);
}

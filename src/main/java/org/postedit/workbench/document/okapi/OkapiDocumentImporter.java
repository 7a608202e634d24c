package org.postedit.workbench.document.okapi;

import java.nio.file.Path;
import java.util.Objects;

import org.springframework.stereotype.Component;

import org.postedit.workbench.document.DocumentReader;
import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.ImportRejectedException;
import org.postedit.workbench.document.ImportRejectedException.Reason;
import org.postedit.workbench.document.ImportedDocument;
import org.postedit.workbench.document.ImportedSegment;
import org.postedit.workbench.document.TaggedText;
import org.postedit.workbench.document.okapi.FormatDetector.DetectedFile;

/**
 * Reads an uploaded file into segments with Okapi: decides its format from content and name, refuses what is
 * empty, damaged, dangerous or undecodable, then reads monolingual files (text, HTML, Markdown, DOCX, ODT) as MT
 * cut into sentences and bilingual files (XLIFF, PO, TMX) unit by unit as the file has them. The formats, the ids
 * and the status mapping are described in docs/formats.md.
 *
 * <p>Only reads: storing the original and the segments is the caller's job, as is the upload size limit.
 * Thread-safe: concurrent imports share only the loaded SRX rules and the language profiles.
 */
@Component
public class OkapiDocumentImporter implements DocumentReader {

    private final MonolingualReader monolingual;
    private final BilingualReader bilingual;

    public OkapiDocumentImporter() {
        TextLanguageDetector languages = new TextLanguageDetector();
        this.monolingual = new MonolingualReader(new SegmentationRules(), languages);
        this.bilingual = new BilingualReader(languages);
    }

    /**
     * @param file     the uploaded file, already on disk
     * @param fileName the name the user gave it (its extension is a hint, the content decides)
     * @param options  languages the user chose; null fields mean "from the file, or detected"
     * @throws ImportRejectedException with a message the user can act on, when the file cannot be imported
     */
    @Override
    public ImportedDocument read(Path file, String fileName, ImportOptions options) throws ImportRejectedException {
        Objects.requireNonNull(file, "file");
        String name = fileName == null || fileName.isBlank() ? file.getFileName().toString() : fileName;
        ImportOptions chosen = options == null ? ImportOptions.DETECT : options;
        DetectedFile detected = FormatDetector.detect(file, name);
        ImportedDocument document = detected.format().bilingual()
                ? bilingual.read(detected, file, name, chosen)
                : monolingual.read(detected, file, name, chosen);
        if (document.segments().isEmpty()) {
            throw FormatDetector.empty(name);
        }
        refuseControlCharacters(document, name);
        return document;
    }

    /** XML parsers and the text decoder already refuse these; this covers what a filter might let through. */
    private static void refuseControlCharacters(ImportedDocument document, String fileName) {
        for (ImportedSegment segment : document.segments()) {
            for (TaggedText text : new TaggedText[] {segment.source(), segment.mt()}) {
                if (text == null) {
                    continue;
                }
                int at = ControlCharacters.firstIn(text.coded());
                boolean nulInCode = text.codes().stream().anyMatch(code -> code.data().indexOf('\0') >= 0);
                if (at >= 0 || nulInCode) {
                    String character = at >= 0 ? String.format("U+%04X", (int) text.coded().charAt(at)) : "U+0000";
                    throw new ImportRejectedException(Reason.INVALID, fileName + " contains the control character "
                            + character + " in unit " + segment.unitId() + ". Control characters are not text.");
                }
            }
        }
    }
}

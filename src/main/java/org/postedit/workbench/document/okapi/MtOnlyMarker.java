package org.postedit.workbench.document.okapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.postedit.workbench.document.DocumentFormat;
import org.postedit.workbench.document.ImportedSegment;
import org.postedit.workbench.document.TaggedText;
import org.postedit.workbench.document.okapi.FormatDetector.DetectedFile;

/**
 * The marker the workbench's XLIFF exports carry for an English-MT-only document (whose MT was written as the
 * source and the current text as the target): {@code <file category="x-workbench-mt-only">} in XLIFF 1.2, a
 * {@code document-type} meta of the file's metadata in XLIFF 2. An import that finds it restores the document type:
 * no source, the target is the text to review, as when the document was first imported.
 */
final class MtOnlyMarker {

    static final String VALUE = "x-workbench-mt-only";

    /** Both exporters write the marker in the file's first element, within the first few hundred bytes. */
    private static final int HEAD_BYTES = 64 * 1024;
    private static final Pattern XLIFF12 = Pattern.compile(
            "<file\\b[^>]*\\bcategory\\s*=\\s*[\"']" + VALUE + "[\"']");
    // another tool may write the metadata module with any prefix
    private static final Pattern XLIFF2 = Pattern.compile(
            "<(?:\\w+:)?meta\\b[^>]*\\btype\\s*=\\s*[\"']document-type[\"'][^>]*>\\s*" + VALUE + "\\s*<");

    private MtOnlyMarker() {
    }

    static boolean isIn(DetectedFile detected, Path file) {
        Pattern marker = switch (detected.format()) {
            case XLIFF12 -> XLIFF12;
            case XLIFF2 -> XLIFF2;
            default -> null;
        };
        return marker != null && marker.matcher(head(detected, file)).find();
    }

    /** The segment as the MT-only document had it: no source; the file's target (else its source) to review. */
    static ImportedSegment asMtOnly(ImportedSegment segment) {
        TaggedText text = segment.mt().plainText().isBlank() && !segment.mt().hasCodes() && segment.source() != null
                ? segment.source() : segment.mt();
        return new ImportedSegment(segment.unitId(), segment.segmentKey(), null, text, segment.status(),
                segment.locked(), segment.note(), segment.spaceAfter(), segment.spaceBefore());
    }

    private static String head(DetectedFile detected, Path file) {
        if (detected.text() != null) {
            String text = detected.text().text();
            return text.length() <= HEAD_BYTES ? text : text.substring(0, HEAD_BYTES);
        }
        try (InputStream in = Files.newInputStream(file)) {
            // the marker is ASCII; a multi-byte character cut at the end does no harm
            return new String(in.readNBytes(HEAD_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.postedit.workbench.check;

import java.util.Objects;

import org.postedit.workbench.document.Document;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.TaggedText;

/**
 * What a checker sees of a segment: the target being checked and what it was made from.
 *
 * @param documentId     the document (checkers that read per-document settings key on it)
 * @param segmentId      0 when the text is not (yet) a stored segment, e.g. a draft in the editor
 * @param targetLanguage BCP 47 tag of the target, e.g. {@code en-US}
 * @param sourceLanguage BCP 47 tag of the source, null for MT-only documents
 * @param target         the text under check (the current target or the editor's draft)
 * @param mt             the machine translation as imported
 * @param source         the source text, null for MT-only documents
 */
public record CheckedText(long documentId, long segmentId, String targetLanguage, String sourceLanguage,
                          TaggedText target, TaggedText mt, TaggedText source) {

    public CheckedText {
        Objects.requireNonNull(targetLanguage, "targetLanguage");
        target = Objects.requireNonNullElse(target, TaggedText.EMPTY);
        mt = Objects.requireNonNullElse(mt, TaggedText.EMPTY);
    }

    public static CheckedText of(Document document, Segment segment) {
        return of(document, segment, segment.target());
    }

    /** The segment with another target, e.g. the draft in the editor. */
    public static CheckedText of(Document document, Segment segment, TaggedText target) {
        return new CheckedText(document.id(), segment.id(), document.targetLanguage(), document.sourceLanguage(),
                target, segment.mt(), segment.source());
    }

    /** The plain target text issue offsets count in. */
    public String text() {
        return target.plainText();
    }

    public boolean hasSource() {
        return source != null && sourceLanguage != null;
    }

    /** The text the target was made from: the source of a bilingual segment, else the MT. */
    public TaggedText origin() {
        return hasSource() ? source : mt;
    }
}

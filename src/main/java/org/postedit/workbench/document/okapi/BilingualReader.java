package org.postedit.workbench.document.okapi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import net.sf.okapi.common.LocaleId;
import net.sf.okapi.common.annotation.Note;
import net.sf.okapi.common.annotation.NoteAnnotation;
import net.sf.okapi.common.resource.ITextUnit;
import net.sf.okapi.common.resource.Property;
import net.sf.okapi.common.resource.RawDocument;
import net.sf.okapi.common.resource.Segment;
import net.sf.okapi.common.resource.TextContainer;
import net.sf.okapi.common.resource.TextPart;

import org.postedit.workbench.document.DocumentFormat;
import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.ImportedDocument;
import org.postedit.workbench.document.ImportedSegment;
import org.postedit.workbench.document.SegmentStatus;
import org.postedit.workbench.document.TaggedText;
import org.postedit.workbench.document.okapi.FormatDetector.DetectedFile;

/**
 * Reads a file that carries source and translation (XLIFF 1.2, XLIFF 2.x, PO, TMX) exactly as the file cuts it:
 * its units and segments, never re-segmented. The existing translation is the MT to review; an empty one stays
 * empty and NEW.
 */
final class BilingualReader {

    private static final int SAMPLE_CHARS = 4000;

    private final TextLanguageDetector languages;

    BilingualReader(TextLanguageDetector languages) {
        this.languages = languages;
    }

    ImportedDocument read(DetectedFile detected, Path file, String fileName, ImportOptions options) {
        DocumentFormat format = detected.format();
        DeclaredLanguages declared = DeclaredLanguages.of(detected, fileName);
        // the filter must be opened with the file's own target language, or it does not see the targets
        String filterTarget = first(declared.target(), LanguageTags.normalize(options.targetLanguage()),
                MonolingualReader.DEFAULT_LANGUAGE);
        String filterSource = first(declared.source(), LanguageTags.normalize(options.sourceLanguage()), "en");
        LocaleId sourceLocale = LocaleId.fromBCP47(filterSource);
        LocaleId targetLocale = LocaleId.fromBCP47(filterTarget);
        RawDocument document = detected.text() != null
                ? new RawDocument(detected.text().text(), sourceLocale, targetLocale)
                : new RawDocument(file.toUri(), "UTF-8", sourceLocale, targetLocale);

        List<ImportedSegment> segments = new ArrayList<>();
        UnitIds ids = new UnitIds();
        StringBuilder sourceSample = new StringBuilder();
        StringBuilder targetSample = new StringBuilder();
        TextUnitStream.forEach(OkapiFilters.create(format, false), document, format, fileName, unit -> {
            List<ImportedSegment> read = readUnit(format, unit, ids.unique(unitId(format, unit)), targetLocale);
            segments.addAll(read);
            for (ImportedSegment segment : read) {
                appendSample(sourceSample, segment.source());
                appendSample(targetSample, segment.mt());
            }
        });

        if (MtOnlyMarker.isIn(detected, file)) {
            // the workbench's own export of an MT-only document: back to MT only, as it was first imported
            return new ImportedDocument(format, null, language(options.targetLanguage(), declared.target(),
                    targetSample, MonolingualReader.DEFAULT_LANGUAGE),
                    segments.stream().map(MtOnlyMarker::asMtOnly).toList());
        }
        return new ImportedDocument(format,
                language(options.sourceLanguage(), declared.source(), sourceSample, "en"),
                language(options.targetLanguage(), declared.target(), targetSample,
                        MonolingualReader.DEFAULT_LANGUAGE),
                segments);
    }

    /** The user's choice, else the file's, else what the text looks like (PO declares no source), else a default. */
    private String language(String chosen, String declared, CharSequence sample, String fallback) {
        String language = LanguageTags.normalize(chosen);
        if (language == null) {
            language = declared;
        }
        if (language == null) {
            language = languages.detect(sample.toString()).orElse(fallback);
        }
        return language;
    }

    private List<ImportedSegment> readUnit(DocumentFormat format, ITextUnit unit, String unitId, LocaleId target) {
        TextContainer source = unit.getSource();
        TextContainer translation = unit.getTarget(target);
        String note = notes(unit, source, translation);
        boolean locked = !unit.isTranslatable();
        List<ImportedSegment> segments = new ArrayList<>(source.getSegments().count());
        for (Segment sourceSegment : source.getSegments()) {
            Segment targetSegment = matchingSegment(source, translation, sourceSegment);
            TaggedText mt = targetSegment == null ? TaggedText.EMPTY
                    : TaggedTextConverter.convert(targetSegment.getContent());
            boolean empty = mt.plainText().isBlank() && !mt.hasCodes();
            segments.add(new ImportedSegment(unitId, sourceSegment.getId(),
                    TaggedTextConverter.convert(sourceSegment.getContent()), mt,
                    status(format, unit, target, sourceSegment, empty), locked, note,
                    spaceAfter(translation != null ? translation : source, targetSegment != null
                            ? targetSegment.getId() : sourceSegment.getId())));
        }
        return segments;
    }

    private static Segment matchingSegment(TextContainer source, TextContainer translation, Segment sourceSegment) {
        if (translation == null) {
            return null;
        }
        Segment byId = translation.getSegments().get(sourceSegment.getId());
        if (byId == null && source.getSegments().count() == 1 && translation.getSegments().count() == 1) {
            return translation.getSegments().get(0);
        }
        return byId;
    }

    private static SegmentStatus status(DocumentFormat format, ITextUnit unit, LocaleId target, Segment segment,
                                        boolean emptyTarget) {
        return switch (format) {
            case XLIFF12 -> FileStatus.xliff12(targetProperty(unit, target, Property.APPROVED),
                    targetProperty(unit, target, Property.STATE),
                    targetProperty(unit, target, Property.STATE_QUALIFIER), emptyTarget);
            case XLIFF2 -> FileStatus.xliff2(value(segment.getProperty("state")),
                    value(segment.getProperty("subState")), emptyTarget);
            case PO -> FileStatus.po(targetProperty(unit, target, Property.APPROVED), emptyTarget);
            default -> SegmentStatus.NEW;  // TMX has no status
        };
    }

    /** The whitespace-only parts (XLIFF 2 ignorables) between this segment and the next one. */
    private static String spaceAfter(TextContainer container, String segmentId) {
        List<TextPart> parts = container.getParts();
        int index = -1;
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).isSegment() && segmentId.equals(parts.get(i).getId())) {
                index = i;
                break;
            }
        }
        if (index < 0) {
            return "";
        }
        StringBuilder space = new StringBuilder();
        for (int i = index + 1; i < parts.size() && !parts.get(i).isSegment(); i++) {
            String text = parts.get(i).getContent().getCodedText();
            if (!text.isBlank()) {
                return "";
            }
            space.append(text);
        }
        return space.toString();
    }

    private static String unitId(DocumentFormat format, ITextUnit unit) {
        return switch (format) {
            // Okapi's PO unit name is built from msgctxt and msgid, so it survives reordering of the file
            case PO -> unit.getName() != null ? unit.getName() : unit.getId();
            case TMX -> {
                String tuid = value(unit.getProperty("tuid"));
                yield tuid != null && !tuid.isBlank() ? tuid : unit.getId();
            }
            default -> unit.getId();
        };
    }

    /** Okapi files a note where it applies: on the unit, or on the source or target it annotates. */
    private static String notes(ITextUnit unit, TextContainer source, TextContainer translation) {
        StringJoiner joined = new StringJoiner("\n");
        addNotes(joined, unit.getAnnotation(NoteAnnotation.class));
        addNotes(joined, source.getAnnotation(NoteAnnotation.class));
        if (translation != null) {
            addNotes(joined, translation.getAnnotation(NoteAnnotation.class));
        }
        return joined.length() == 0 ? null : joined.toString();
    }

    private static void addNotes(StringJoiner joined, NoteAnnotation notes) {
        if (notes == null) {
            return;
        }
        for (Note note : notes) {
            if (note.getNoteText() != null && !note.getNoteText().isBlank()) {
                joined.add(note.getNoteText().strip());
            }
        }
    }

    private static String targetProperty(ITextUnit unit, LocaleId target, String name) {
        return value(unit.getTargetProperty(target, name));
    }

    private static String value(Property property) {
        return property == null ? null : property.getValue();
    }

    private static void appendSample(StringBuilder sample, TaggedText text) {
        if (text != null && sample.length() < SAMPLE_CHARS) {
            sample.append(text.plainText()).append('\n');
        }
    }

    private static String first(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }
}

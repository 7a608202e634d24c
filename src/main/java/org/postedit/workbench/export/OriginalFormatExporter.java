package org.postedit.workbench.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import net.sf.okapi.common.Event;
import net.sf.okapi.common.IResource;
import net.sf.okapi.common.LocaleId;
import net.sf.okapi.common.filters.IFilter;
import net.sf.okapi.common.filters.WrapMode;
import net.sf.okapi.common.filterwriter.IFilterWriter;
import net.sf.okapi.common.resource.Code;
import net.sf.okapi.common.resource.ITextUnit;
import net.sf.okapi.common.resource.RawDocument;
import net.sf.okapi.common.resource.TextContainer;
import net.sf.okapi.common.resource.TextFragment;
import net.sf.okapi.filters.html.HtmlFilter;
import net.sf.okapi.filters.markdown.MarkdownFilter;
import net.sf.okapi.filters.openoffice.OpenOfficeFilter;
import net.sf.okapi.filters.po.POFilter;
import net.sf.okapi.filters.tmx.TmxFilter;
import net.sf.okapi.filters.xliff2.XLIFF2Filter;
import net.sf.okapi.filters.openxml.OpenXMLFilter;
import net.sf.okapi.filters.plaintext.paragraphs.ParaPlainTextFilter;
import net.sf.okapi.filters.xliff.XLIFFFilter;

import org.postedit.workbench.document.Document;
import org.postedit.workbench.document.DocumentFormat;
import org.postedit.workbench.document.DocumentRepository;
import org.postedit.workbench.document.DocumentRepository.OriginalFile;
import org.postedit.workbench.document.InlineCode;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.SpacedSegment;
import org.postedit.workbench.document.TaggedText;
import org.springframework.stereotype.Component;

/**
 * Rebuilds a document in its own format: the stored original goes through the Okapi filter it was imported with,
 * and each text unit the reviewers changed gets the current targets, matched by the stored {@code unitId} and
 * {@code segmentKey}; the filter's writer puts the file back together around them. The stored segments are read in
 * ordinal order while the filter goes (the importer numbered them in the order this filter emits its units, see
 * {@link StoredUnits}), so memory holds one unit and one chunk, not the document. A document nobody changed is
 * its original, byte for byte. Monolingual formats (text, HTML, Markdown, DOCX, ODT): the unit's text becomes the
 * current targets joined by the whitespace the importer cut away. Bilingual formats (XLIFF 1.2, XLIFF 2, PO, TMX):
 * the changed target segments are replaced. See docs/export.md.
 */
@Component
public class OriginalFormatExporter {

    private static final Set<DocumentFormat> SUPPORTED = EnumSet.allOf(DocumentFormat.class);
    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\r]*\\n");
    private static final String DEFAULT_LANGUAGE = "en-US";

    private final DocumentRepository documents;

    public OriginalFormatExporter(DocumentRepository documents) {
        this.documents = documents;
    }

    boolean supports(DocumentFormat format) {
        return SUPPORTED.contains(format);
    }

    /** Formats whose edited units are rebuilt from the original decoded as text (UTF-8 only, for now). */
    boolean decodesText(DocumentFormat format) {
        return !format.bilingual() && format != DocumentFormat.DOCX && format != DocumentFormat.ODT;
    }

    /** @throws ExportRejectedException when the stored original is not UTF-8 text */
    void requireUtf8(Document document) {
        documents.original(document.id()).ifPresent(original -> utf8(original.content(), document.name()));
    }

    /**
     * @param stored         the document's segments with their spacing, in ordinal order, read a chunk at a time
     *                       while the filter goes through the original (iterated once, and only when a target
     *                       changed)
     * @param unitIdsWithHash the stored unit ids with a "#", to number repeated ids as the importer did
     * @param mergedAcross    the units a merge across paragraphs changed (monolingual): rebuilt even when their
     *                        targets equal their MT, and written empty when no segment is left in them
     */
    void write(ExportContext context, Iterable<SpacedSegment> stored, Set<String> unitIdsWithHash,
               Set<String> mergedAcross, OutputStream out) throws IOException {
        Document document = context.document();
        if (mergedAcross.isEmpty() && !changed(context.segments())) {
            out.write(original(document).content());
            return;
        }
        if (!supports(document.format())) {
            throw new ExportRejectedException("Export to the original format is not available yet for "
                    + document.format().label() + " documents.");
        }
        Path file = Files.createTempFile("workbench-export-", ".original");
        try {
            String text = copy(document, file);  // the stored bytes are not held while the file is rebuilt
            StoredUnits units = new StoredUnits(stored);
            ImportedUnitIds ids = new ImportedUnitIds(unitIdsWithHash);
            if (document.format().bilingual()) {
                rebuildBilingual(document, units, ids, file, out);
            } else {
                rebuildMonolingual(document, text, units, ids, mergedAcross, file, out);
            }
            units.requireAllTaken(document.id());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private OriginalFile original(Document document) {
        return documents.original(document.id()).orElseThrow(() -> new ExportRejectedException(
                "The original file of \"" + document.name() + "\" is not stored, so it cannot be rebuilt."));
    }

    /** Writes the stored original to {@code file}; returns it decoded for the formats read as text, else null. */
    private String copy(Document document, Path file) throws IOException {
        byte[] content = original(document).content();
        Files.write(file, content);
        return decodesText(document.format()) ? utf8(content, document.name()) : null;
    }

    private void rebuildMonolingual(Document document, String text, StoredUnits stored, ImportedUnitIds ids,
                                    Set<String> mergedAcross, Path file, OutputStream out) {
        LocaleId locale = LocaleId.fromBCP47(DEFAULT_LANGUAGE);
        RawDocument raw = text != null ? new RawDocument(text, locale, locale)
                : new RawDocument(file.toUri(), "UTF-8", locale, locale);
        IFilter filter = filter(document.format(), text);
        run(filter, raw, locale, out, unit -> {
            if (!unit.isTranslatable()) {
                return;
            }
            String unitId = ids.next(unit.getId());
            List<SpacedSegment> segments = stored.take(unitId);
            boolean merged = mergedAcross.contains(unitId);
            if (!merged && untouched(segments)) {
                return;  // left out on import, or untouched: the original text stays as it is
            }
            if (segments.isEmpty()) {
                // every segment was merged into the paragraph before: its text is there now, so not written here
                unit.setSource(new TextContainer(new TextFragment("")));
                return;
            }
            TextContainer source = unit.getSource();
            TextFragment content = source.contentIsOneSegment() ? source.getFirstContent()
                    : source.getUnSegmentedContentCopy();
            // the importer's cut, kept with each segment: a unit is spaceBefore + (target + spaceAfter)...
            List<Code> codes = new ArrayList<>();
            StringBuilder coded = new StringBuilder(segments.getFirst().spaceBefore());
            for (SpacedSegment segment : segments) {
                append(coded, codes, segment.segment().target(), content.getCodes());
                coded.append(segment.spaceAfter());
            }
            unit.setSource(new TextContainer(new TextFragment(coded.toString(), codes)));
        });
    }

    private void rebuildBilingual(Document document, StoredUnits stored, ImportedUnitIds ids, Path file,
                                  OutputStream out) {
        // an MT-only document re-imported from the workbench's XLIFF: its file pairs the English MT with English
        LocaleId source = LocaleId.fromBCP47(document.hasSource() ? document.sourceLanguage()
                : document.targetLanguage());
        LocaleId target = LocaleId.fromBCP47(document.targetLanguage());
        RawDocument raw = new RawDocument(file.toUri(), "UTF-8", source, target);
        DocumentFormat format = document.format();
        run(filter(format, null), raw, target, out, unit -> {
            List<SpacedSegment> segments = stored.take(ids.next(bilingualUnitId(format, unit)));
            if (untouched(segments)) {
                return;
            }
            TextContainer translation = unit.getTarget(target);
            if (translation == null) {
                translation = unit.createTarget(target, false, IResource.COPY_SEGMENTATION);
            }
            List<Segment> held = segments.stream().map(SpacedSegment::segment).toList();
            joinMergedAway(unit, translation, held);
            for (List<Segment> parts : byFileSegment(held)) {
                Segment segment = parts.getFirst();
                net.sf.okapi.common.resource.Segment sourceSegment = unit.getSource().getSegments()
                        .get(segment.fileSegmentKey());
                net.sf.okapi.common.resource.Segment targetSegment = translation.getSegments()
                        .get(segment.fileSegmentKey());
                if (targetSegment == null && translation.getSegments().count() == 1
                        && unit.getSource().getSegments().count() == 1) {
                    targetSegment = translation.getSegments().get(0);
                }
                if (targetSegment == null) {
                    continue;
                }
                List<Code> originals = new ArrayList<>(targetSegment.getContent().getCodes());
                if (sourceSegment != null) {
                    originals.addAll(sourceSegment.getContent().getCodes());
                }
                List<Code> codes = new ArrayList<>();
                StringBuilder coded = new StringBuilder();
                for (int i = 0; i < parts.size(); i++) {
                    append(coded, codes, parts.get(i).target(), originals);
                    if (i + 1 < parts.size()) {
                        coded.append(parts.get(i).spaceAfter());  // the parts of a split segment, joined again
                    }
                }
                targetSegment.setContent(new TextFragment(coded.toString(), codes));
            }
        });
    }

    private static boolean untouched(List<SpacedSegment> unit) {
        return unit.stream().allMatch(s -> s.segment().target().equals(s.segment().mt()));
    }

    /** Appends tagged text as Okapi coded text, each code the original one with the same id and kind. */
    private static void append(StringBuilder coded, List<Code> codes, TaggedText text, List<Code> originals) {
        for (TaggedText.Run run : text.runs()) {
            if (run.code() == null) {
                coded.append(run.text());
                continue;
            }
            InlineCode code = run.code();
            TextFragment.TagType tagType = switch (code.kind()) {
                case OPENING -> TextFragment.TagType.OPENING;
                case CLOSING -> TextFragment.TagType.CLOSING;
                case STANDALONE -> TextFragment.TagType.PLACEHOLDER;
            };
            Code okapi = null;
            for (Code candidate : originals) {
                if (candidate.getId() == code.id() && candidate.getTagType() == tagType) {
                    okapi = candidate.clone();
                    break;
                }
            }
            if (okapi == null) {
                for (Code candidate : originals) {   // a paired code that became isolated in its sentence
                    if (candidate.getId() == code.id() && code.data().equals(candidate.getData())) {
                        okapi = candidate.clone();
                        break;
                    }
                }
            }
            if (okapi == null) {
                okapi = new Code(tagType, code.type(), code.data());
                okapi.setId(code.id());
            }
            coded.append(TaggedText.markerFor(code.kind())).append((char) (TaggedText.INDEX_BASE + codes.size()));
            codes.add(okapi);
        }
    }

    private interface UnitEditor {
        void edit(ITextUnit unit);
    }

    private static void run(IFilter filter, RawDocument raw, LocaleId output, OutputStream out, UnitEditor editor) {
        try (raw; IFilterWriter writer = filter.createFilterWriter()) {
            writer.setOptions(output, "UTF-8");
            writer.setOutput(new KeepOpenStream(out));
            filter.open(raw);
            while (filter.hasNext()) {
                Event event = filter.next();
                if (event.isTextUnit()) {
                    editor.edit(event.getTextUnit());
                }
                writer.handleEvent(event);
            }
        } finally {
            filter.close();
        }
    }

    private static IFilter filter(DocumentFormat format, String text) {
        return switch (format) {
            case PLAIN_TEXT -> {
                ParaPlainTextFilter filter = new ParaPlainTextFilter();
                var parameters = (net.sf.okapi.filters.plaintext.paragraphs.Parameters) filter.getParameters();
                parameters.extractParagraphs = BLANK_LINE.matcher(text).find();
                parameters.wrapMode = WrapMode.NONE;
                parameters.trimLeading = false;
                parameters.trimTrailing = false;
                parameters.preserveWS = true;
                parameters.unescapeSource = false;
                parameters.useCodeFinder = false;
                yield filter;
            }
            case HTML -> html();
            case MARKDOWN -> {
                MarkdownFilter filter = new MarkdownFilter();
                net.sf.okapi.filters.markdown.Parameters parameters = filter.getParameters();
                parameters.setTranslateFencedCodeBlocks(false);
                parameters.setTranslateIndentedCodeBlocks(false);
                parameters.setTranslateUrls(false);
                yield filter;
            }
            case DOCX -> new OpenXMLFilter();
            case ODT -> new OpenOfficeFilter();
            case XLIFF12 -> new XLIFFFilter();
            case XLIFF2 -> new XLIFF2Filter();
            case PO -> new POFilter();
            case TMX -> new TmxFilter();
        };
    }

    /** The importer's unit ids: PO's name (a hash of msgctxt + msgid), TMX's tuid, else Okapi's id. */
    private static String bilingualUnitId(DocumentFormat format, ITextUnit unit) {
        return switch (format) {
            case PO -> unit.getName() != null ? unit.getName() : unit.getId();
            case TMX -> {
                net.sf.okapi.common.resource.Property tuid = unit.getProperty("tuid");
                yield tuid != null && tuid.getValue() != null && !tuid.getValue().isBlank() ? tuid.getValue()
                        : unit.getId();
            }
            default -> unit.getId();
        };
    }

    /** The same configuration as the importer's: Okapi's defaults plus shortcodes as inline codes. */
    private static IFilter html() {
        String resource = "/net/sf/okapi/filters/html/nonwellformedConfiguration.yml";
        try (InputStream in = HtmlFilter.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Okapi HTML configuration missing: " + resource);
            }
            String defaults = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String shortcode = "\\[/?[a-z][a-z0-9_-]*(?:\\s+[a-z_-]+=\"[^\"]*\")*\\s*/?\\]";
            String rules = "#v1\ncount.i=1\nrule0=" + shortcode;
            HtmlFilter filter = new HtmlFilter();
            net.sf.okapi.filters.html.Parameters parameters = new net.sf.okapi.filters.html.Parameters();
            parameters.fromString(defaults + "\nuseCodeFinder: true\ncodeFinderRules: \""
                    + rules.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"\n");
            filter.setParameters(parameters);
            return filter;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String utf8(byte[] content, String name) {
        int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, start, content.length - start)).toString();
        } catch (CharacterCodingException e) {
            throw new ExportRejectedException("\"" + name + "\" is not UTF-8; its original format cannot be rebuilt "
                    + "yet. Export it as XLIFF or TMX instead.");
        }
    }

    /** Whether any target differs from its MT; stops at the first one. */
    static boolean changed(Iterable<Segment> segments) {
        for (Segment segment : segments) {
            if (!segment.target().equals(segment.mt())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The file's segments of a unit that a merge absorbed (no stored segment holds them any more) join the segment
     * before them, in source and target, so the survivor's text stands for both and the file stays aligned.
     */
    private static void joinMergedAway(ITextUnit unit, TextContainer translation, List<Segment> stored) {
        Set<String> held = new java.util.HashSet<>();
        for (Segment segment : stored) {
            held.add(segment.fileSegmentKey());
        }
        for (int i = 1; i < translation.getSegments().count(); ) {
            String key = translation.getSegments().get(i).getId();
            String before = translation.getSegments().get(i - 1).getId();
            if (held.contains(key) || !held.contains(before)) {
                i++;
                continue;
            }
            translation.getSegments().joinWithNext(i - 1);  // the next one moves to i: look at it again
            int inSource = unit.getSource().getSegments().getIndex(before);
            if (inSource >= 0 && inSource + 1 < unit.getSource().getSegments().count()
                    && key.equals(unit.getSource().getSegments().get(inSource + 1).getId())) {
                unit.getSource().getSegments().joinWithNext(inSource);
            }
        }
    }

    /** A unit's segments grouped by the file's segment they hold: the parts of a split segment together. */
    private static List<List<Segment>> byFileSegment(List<Segment> unit) {
        Map<String, List<Segment>> groups = new LinkedHashMap<>();
        for (Segment segment : unit) {
            groups.computeIfAbsent(segment.fileSegmentKey(), key -> new ArrayList<>()).add(segment);
        }
        return List.copyOf(groups.values());
    }
}

package org.postedit.workbench.export;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLStreamException;

import net.sf.okapi.lib.xliff2.core.Fragment;
import net.sf.okapi.lib.xliff2.core.MidFileData;
import net.sf.okapi.lib.xliff2.core.Note;
import net.sf.okapi.lib.xliff2.core.Part;
import net.sf.okapi.lib.xliff2.core.StartFileData;
import net.sf.okapi.lib.xliff2.core.StartXliffData;
import net.sf.okapi.lib.xliff2.core.TagType;
import net.sf.okapi.lib.xliff2.core.TargetState;
import net.sf.okapi.lib.xliff2.core.Unit;
import net.sf.okapi.lib.xliff2.metadata.Meta;
import net.sf.okapi.lib.xliff2.metadata.MetaGroup;
import net.sf.okapi.lib.xliff2.metadata.Metadata;
import net.sf.okapi.lib.xliff2.writer.XLIFFWriter;

import org.postedit.workbench.document.InlineCode;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.SegmentStatus;
import org.postedit.workbench.document.TaggedText;

/**
 * XLIFF 2.0 core, written with Okapi's XLIFF 2 library ({@code net.sf.okapi.lib.xliff2}) one unit at a time: one
 * {@code unit} per unit of the file, one {@code segment} per segment with its {@code state} (and
 * {@code subState="wb:rejected"} for rejected segments), notes, codes as {@code ph}/{@code pc} (and isolated
 * {@code sc}/{@code ec} where a code's partner is in another segment) with their native data in
 * {@code originalData}. The file's metadata module carries the document stamp and the MT-only marker. See
 * docs/export.md.
 */
final class Xliff2Exporter {

    static final String REJECTED_SUBSTATE = "wb:rejected";

    void write(ExportContext context, OutputStream out) throws XMLStreamException {
        // Okapi's writer closes its Writer; the caller's stream (a response, a ZIP entry) stays open
        try (XLIFFWriter writer = new XLIFFWriter()) {
            writer.create(new BufferedWriter(new OutputStreamWriter(new KeepOpenStream(out), StandardCharsets.UTF_8)),
                    context.sourceLanguage(), context.document().targetLanguage());
            writer.setWithOriginalData(true);
            writer.setLineBreak("\n");
            writer.setUseIndentation(false);
            StartXliffData start = new StartXliffData(null);
            start.setSourceLanguage(context.sourceLanguage());
            start.setTargetLanguage(context.document().targetLanguage());
            writer.writeStartDocument(start, null);
            StartFileData file = new StartFileData("f1");
            file.setOriginal(context.document().name());
            writer.writeStartFile(file);
            if (context.mtOnly() || context.stamp() != null) {
                writer.writeMidFile(metadata(context));
            }
            ExportIds ids = new ExportIds();
            ExportIds.forEachUnit(context.segments(), unit -> {
                String unitId = ids.xliff2Unit(unit);  // over every unit, so ids do not depend on the filter
                List<Segment> included = unit.stream()
                        .filter(s -> context.includes(ExportFormat.XLIFF2, s)).toList();
                if (!included.isEmpty()) {
                    writer.writeUnit(unit(context, unitId, unit, included));
                }
            });
            writer.writeEndFile();
            writer.writeEndDocument();
        }
    }

    /** {@code <mda:metadata>} of the file: the document stamp, and the marker of an MT-only document. */
    private static MidFileData metadata(ExportContext context) {
        MetaGroup group = new MetaGroup();
        group.setCategory("document");
        if (context.mtOnly()) {
            group.add(new Meta("document-type", ExportContext.MT_ONLY));
        }
        if (context.stamp() != null) {
            group.add(new Meta(DocumentStamp.META_DOCUMENT, context.stamp().value()));
            group.add(new Meta(DocumentStamp.META_EXPORTED, context.now().toString()));
        }
        Metadata metadata = new Metadata();
        metadata.add(group);
        MidFileData mid = new MidFileData();
        mid.setMetadata(metadata);
        return mid;
    }

    /** One unit with the segments the options include; ids are numbered over all of them. */
    private static Unit unit(ExportContext context, String unitId, List<Segment> all, List<Segment> segments) {
        Unit unit = new Unit(unitId);
        if (segments.stream().allMatch(Segment::locked)) {
            unit.setTranslate(false);
        }
        Segment first = segments.getFirst();
        if (first.note() != null && !first.note().isBlank()) {
            unit.addNote(new Note(first.note()));
        }
        for (Segment segment : segments) {
            if (segment.status() == SegmentStatus.REJECTED) {
                String comment = context.rejectionComment().apply(segment.id());
                if (comment != null && !comment.isBlank()) {
                    Note rejection = new Note(comment, Note.AppliesTo.TARGET);
                    rejection.setCategory("rejection");
                    unit.addNote(rejection);
                }
            }
        }
        // ids of segments and inline codes share one space in a unit
        Set<String> ids = new HashSet<>();
        List<String> allIds = ExportIds.xliff2Segments(all, ids);
        for (Segment segment : segments) {
            Map<String, String> codeIds = new HashMap<>();
            TaggedText source = source(context, segment);
            assignIds(source, codeIds, ids);
            assignIds(segment.target(), codeIds, ids);
            net.sf.okapi.lib.xliff2.core.Segment written = unit.appendSegment();
            written.setId(allIds.get(all.indexOf(segment)));
            written.setPreserveWS(true);
            written.setState(state(segment.status()));
            if (segment.status() == SegmentStatus.REJECTED) {
                written.setSubState(REJECTED_SUBSTATE);
            }
            append(written.getSource(), source, codeIds);
            append(written.getTarget(Part.GetTarget.CREATE_EMPTY), segment.target(), codeIds);
        }
        return unit;
    }

    private static TaggedText source(ExportContext context, Segment segment) {
        return context.mtOnly() || segment.source() == null ? segment.mt() : segment.source();
    }

    private static TargetState state(SegmentStatus status) {
        return switch (status) {
            case NEW -> TargetState.INITIAL;
            case EDITED, REJECTED -> TargetState.TRANSLATED;
            case REVIEWED -> TargetState.REVIEWED;
            case APPROVED -> TargetState.FINAL;
        };
    }

    /**
     * The id each code gets, keyed so that a target code finds the id its source twin got: a pair closed inside
     * the segment shares one id (Okapi writes it as {@code pc}); an opening or closing code without its partner
     * gets an id of its own, so Okapi writes it as an isolated {@code sc}/{@code ec}.
     */
    private static String key(TaggedText.Run run, CodePairs pairs) {
        InlineCode code = run.code();
        return switch (code.kind()) {
            case STANDALONE -> "ph" + code.id();
            case OPENING, CLOSING -> (pairs.paired(run) ? "pc" : code.kind() == InlineCode.Kind.OPENING ? "sc" : "ec")
                    + code.id();
        };
    }

    private static void assignIds(TaggedText text, Map<String, String> map, Set<String> ids) {
        List<TaggedText.Run> runs = text.runs();
        CodePairs pairs = new CodePairs(runs);
        for (TaggedText.Run run : runs) {
            if (run.code() != null) {
                map.computeIfAbsent(key(run, pairs), key -> ExportIds.unique(ids, "c" + run.code().id()
                        + (key.startsWith("ec") ? "e" : "")));
            }
        }
    }

    /** Text and codes as Okapi's fragment; the code's native data goes to {@code originalData}. */
    private static void append(Fragment fragment, TaggedText text, Map<String, String> ids) {
        List<TaggedText.Run> runs = text.runs();
        CodePairs pairs = new CodePairs(runs);
        for (TaggedText.Run run : runs) {
            InlineCode code = run.code();
            if (code == null) {
                fragment.append(run.text());
                continue;
            }
            TagType type = switch (code.kind()) {
                case STANDALONE -> TagType.STANDALONE;
                case OPENING -> TagType.OPENING;
                case CLOSING -> TagType.CLOSING;
            };
            fragment.append(type, ids.get(key(run, pairs)), code.data().isEmpty() ? null : code.data(), false);
        }
    }
}

package org.postedit.workbench.export;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLStreamException;

import org.postedit.workbench.document.InlineCode;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.SegmentStatus;
import org.postedit.workbench.document.TaggedText;

/**
 * XLIFF 2.0 core: one {@code unit} per unit of the file, one {@code segment} per segment with its {@code state}
 * (and {@code subState="wb:rejected"} for rejected segments), notes, codes as {@code ph}/{@code pc} (and isolated
 * {@code sc}/{@code ec} where a code's partner is in another segment) with their native data in
 * {@code originalData}. MT-only documents carry a metadata-module marker on the file. See docs/export.md.
 */
final class Xliff2Exporter {

    static final String NAMESPACE = "urn:oasis:names:tc:xliff:document:2.0";
    static final String METADATA = "urn:oasis:names:tc:xliff:metadata:2.0";
    static final String REJECTED_SUBSTATE = "wb:rejected";

    void write(ExportContext context, OutputStream out) throws XMLStreamException {
        try (XmlOutput x = new XmlOutput(out)) {
            x.declaration();
            x.xml.setDefaultNamespace(NAMESPACE);
            x.xml.setPrefix("mda", METADATA);
            x.start("xliff");
            x.xml.writeDefaultNamespace(NAMESPACE);
            x.xml.writeNamespace("mda", METADATA);
            x.attributes("version", "2.0", "srcLang", context.sourceLanguage(),
                    "trgLang", context.document().targetLanguage());
            x.newline();
            x.start("file", "id", "f1", "original", context.document().name());
            x.newline();
            if (context.mtOnly() || context.stamp() != null) {
                x.xml.writeStartElement(METADATA, "metadata");
                x.xml.writeStartElement(METADATA, "metaGroup");
                x.xml.writeAttribute("category", "document");
                if (context.mtOnly()) {
                    meta(x, "document-type", ExportContext.MT_ONLY);
                }
                if (context.stamp() != null) {
                    meta(x, DocumentStamp.META_DOCUMENT, context.stamp().value());
                    meta(x, DocumentStamp.META_EXPORTED, context.now().toString());
                }
                x.end();
                x.end();
                x.newline();
            }
            ExportIds ids = new ExportIds();
            ExportIds.forEachUnit(context.segments(), unit -> {
                String unitId = ids.xliff2Unit(unit);  // over every unit, so ids do not depend on the filter
                List<Segment> included = unit.stream()
                        .filter(s -> context.includes(ExportFormat.XLIFF2, s)).toList();
                if (!included.isEmpty()) {
                    unit(x, context, unitId, unit, included);
                }
            });
            x.end();
            x.newline();
            x.end();
            x.newline();
        }
    }

    private static void meta(XmlOutput x, String type, String value) throws XMLStreamException {
        x.xml.writeStartElement(METADATA, "meta");
        x.xml.writeAttribute("type", type);
        x.text(value);
        x.end();
    }

    /** One unit with the segments the options include; ids are numbered over all of them. */
    private void unit(XmlOutput x, ExportContext context, String unitId, List<Segment> all, List<Segment> segments)
            throws XMLStreamException {
        Segment first = segments.getFirst();
        x.start("unit", "id", unitId,
                "translate", segments.stream().allMatch(Segment::locked) ? "no" : null);
        x.newline();
        List<String> notes = new ArrayList<>();
        if (first.note() != null && !first.note().isBlank()) {
            notes.add(first.note());
        }
        List<String> rejections = new ArrayList<>();
        for (Segment segment : segments) {
            if (segment.status() == SegmentStatus.REJECTED) {
                String comment = context.rejectionComment().apply(segment.id());
                if (comment != null && !comment.isBlank()) {
                    rejections.add(comment);
                }
            }
        }
        if (!notes.isEmpty() || !rejections.isEmpty()) {
            x.start("notes");
            for (String note : notes) {
                x.element("note", note);
            }
            for (String rejection : rejections) {
                x.element("note", rejection, "category", "rejection", "appliesTo", "target");
            }
            x.end();
            x.newline();
        }
        // ids of segments and source inline codes share one space in a unit
        Set<String> ids = new HashSet<>();
        Map<String, String> data = new LinkedHashMap<>();
        List<String> allIds = ExportIds.xliff2Segments(all, ids);
        List<String> segmentIds = new ArrayList<>();
        for (Segment segment : segments) {
            segmentIds.add(allIds.get(all.indexOf(segment)));
        }
        List<Map<String, String>> codeIds = new ArrayList<>();
        for (Segment segment : segments) {
            Map<String, String> map = new HashMap<>();
            assignIds(source(context, segment), map, ids, data);
            assignIds(segment.target(), map, ids, data);
            codeIds.add(map);
        }
        if (!data.isEmpty()) {
            x.start("originalData");
            for (Map.Entry<String, String> entry : data.entrySet()) {
                x.element("data", entry.getKey(), "id", entry.getValue());
            }
            x.end();
            x.newline();
        }
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            x.start("segment", "id", segmentIds.get(i), "state", state(segment.status()),
                    "subState", segment.status() == SegmentStatus.REJECTED ? REJECTED_SUBSTATE : null);
            x.start("source", "xml:space", "preserve");
            codedText(x, source(context, segment), codeIds.get(i), data);
            x.end();
            x.start("target", "xml:space", "preserve");
            codedText(x, segment.target(), codeIds.get(i), data);
            x.end();
            x.end();
            x.newline();
        }
        x.end();
        x.newline();
    }

    private static TaggedText source(ExportContext context, Segment segment) {
        return context.mtOnly() || segment.source() == null ? segment.mt() : segment.source();
    }

    static String state(SegmentStatus status) {
        return switch (status) {
            case NEW -> "initial";
            case EDITED, REJECTED -> "translated";
            case REVIEWED -> "reviewed";
            case APPROVED -> "final";
        };
    }

    /** The element each code becomes, keyed so that a target code finds the id its source twin got. */
    private static String key(TaggedText.Run run, CodePairs pairs) {
        InlineCode code = run.code();
        return switch (code.kind()) {
            case STANDALONE -> "ph" + code.id();
            case OPENING, CLOSING -> (pairs.paired(run) ? "pc" : code.kind() == InlineCode.Kind.OPENING ? "sc" : "ec")
                    + code.id();
        };
    }

    private static void assignIds(TaggedText text, Map<String, String> map, Set<String> ids, Map<String, String> data) {
        List<TaggedText.Run> runs = text.runs();
        CodePairs pairs = new CodePairs(runs);
        for (TaggedText.Run run : runs) {
            if (run.code() == null) {
                continue;
            }
            String key = key(run, pairs);
            if (!map.containsKey(key)) {
                map.put(key, ExportIds.unique(ids, "c" + run.code().id()
                        + (key.startsWith("ec") ? "e" : "")));
            }
            if (!run.code().data().isEmpty()) {
                data.computeIfAbsent(run.code().data(), d -> "d" + (data.size() + 1));
            }
        }
    }

    private static void codedText(XmlOutput x, TaggedText text, Map<String, String> ids, Map<String, String> data)
            throws XMLStreamException {
        List<TaggedText.Run> runs = text.runs();
        CodePairs pairs = new CodePairs(runs);
        for (TaggedText.Run run : runs) {
            InlineCode code = run.code();
            if (code == null) {
                x.text(run.text());
                continue;
            }
            String id = ids.get(key(run, pairs));
            String ref = code.data().isEmpty() ? null : data.get(code.data());
            switch (code.kind()) {
                case STANDALONE -> x.empty("ph", "id", id, "dataRef", ref);
                case OPENING -> {
                    if (pairs.paired(run)) {
                        String end = partnerData(runs, run, pairs);
                        x.start("pc", "id", id, "dataRefStart", ref,
                                "dataRefEnd", end == null || end.isEmpty() ? null : data.get(end));
                    } else {
                        x.empty("sc", "id", id, "isolated", "yes", "dataRef", ref);
                    }
                }
                case CLOSING -> {
                    if (pairs.paired(run)) {
                        x.end();
                    } else {
                        x.empty("ec", "id", id, "isolated", "yes", "dataRef", ref);
                    }
                }
            }
        }
    }

    /** The data of the closing code that closes this paired opening code. */
    private static String partnerData(List<TaggedText.Run> runs, TaggedText.Run opening, CodePairs pairs) {
        int depth = 0;
        boolean after = false;
        for (TaggedText.Run run : runs) {
            if (run == opening) {
                after = true;
                continue;
            }
            if (!after || run.code() == null || !pairs.paired(run)) {
                continue;
            }
            if (run.code().kind() == InlineCode.Kind.OPENING) {
                depth++;
            } else if (run.code().kind() == InlineCode.Kind.CLOSING) {
                if (depth == 0) {
                    return run.code().data();
                }
                depth--;
            }
        }
        return null;
    }
}

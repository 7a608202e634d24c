package org.postedit.workbench.export;

import java.io.OutputStream;
import java.util.List;

import javax.xml.stream.XMLStreamException;

import org.postedit.workbench.document.DocumentFormat;
import org.postedit.workbench.document.InlineCode;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.SegmentStatus;
import org.postedit.workbench.document.TaggedText;

/**
 * XLIFF 1.2 (transitional and strict schema), one {@code trans-unit} per segment so each carries its own status.
 * The mapping is in docs/export.md.
 */
final class Xliff12Exporter {

    static final String NAMESPACE = "urn:oasis:names:tc:xliff:document:1.2";

    void write(ExportContext context, OutputStream out) throws XMLStreamException {
        try (XmlOutput x = new XmlOutput(out)) {
            x.declaration();
            x.xml.setDefaultNamespace(NAMESPACE);
            x.start("xliff", "version", "1.2");
            x.xml.writeDefaultNamespace(NAMESPACE);
            x.newline();
            x.start("file", "original", context.document().name(),
                    "source-language", context.sourceLanguage(),
                    "target-language", context.document().targetLanguage(),
                    "datatype", datatype(context.document().format()),
                    "tool-id", ExportContext.TOOL_ID,
                    "date", context.now().toString(),
                    "build-num", context.stamp() == null ? null : context.stamp().value(),
                    "category", context.mtOnly() ? ExportContext.MT_ONLY : null);
            x.newline();
            x.start("header");
            x.empty("tool", "tool-id", ExportContext.TOOL_ID, "tool-name", ExportContext.TOOL_NAME,
                    "tool-version", ExportContext.TOOL_VERSION);
            x.end();
            x.newline();
            x.start("body");
            x.newline();
            ExportIds ids = new ExportIds();
            ExportIds.forEachUnit(context.segments(), unit -> {
                List<String> unitIds = ids.xliff12(unit);  // over every segment, so ids do not depend on the filter
                for (int i = 0; i < unit.size(); i++) {
                    if (context.includes(ExportFormat.XLIFF12, unit.get(i))) {
                        transUnit(x, context, unit.get(i), unitIds.get(i));
                    }
                }
            });
            x.end();
            x.newline();
            x.end();
            x.newline();
            x.end();
            x.newline();
        }
    }

    private void transUnit(XmlOutput x, ExportContext context, Segment segment, String id)
            throws XMLStreamException {
        SegmentStatus status = segment.status();
        TaggedText source = context.mtOnly() || segment.source() == null ? segment.mt() : segment.source();
        x.start("trans-unit", "id", id,
                "approved", switch (status) {
                    case APPROVED -> "yes";
                    case REVIEWED -> "no";   // signed-off but not approved: reviewed (docs/export.md)
                    default -> null;
                },
                "translate", segment.locked() ? "no" : null,
                "xml:space", "preserve");
        x.newline();
        x.start("source");
        codedText(x, source);
        x.end();
        x.newline();
        x.start("target", "state", state(status), "state-qualifier", stateQualifier(status));
        codedText(x, segment.target());
        x.end();
        x.newline();
        if (segment.note() != null && !segment.note().isBlank()) {
            x.element("note", segment.note(), "from", "file");
            x.newline();
        }
        if (status == SegmentStatus.REJECTED) {
            String comment = context.rejectionComment().apply(segment.id());
            if (comment != null && !comment.isBlank()) {
                x.element("note", comment, "from", "reviewer", "annotates", "target");
                x.newline();
            }
        }
        if (!segment.mt().equals(segment.target()) && !context.mtOnly()) {
            x.start("alt-trans", "origin", "machine-translation");
            x.start("target");
            codedText(x, segment.mt());
            x.end();
            x.end();
            x.newline();
        }
        x.end();
        x.newline();
    }

    static String state(SegmentStatus status) {
        return switch (status) {
            case NEW, REJECTED -> "needs-review-translation";
            case EDITED -> "translated";
            case REVIEWED -> "signed-off";
            case APPROVED -> "final";
        };
    }

    static String stateQualifier(SegmentStatus status) {
        return switch (status) {
            case NEW -> "leveraged-mt";
            case REJECTED -> "rejected-inaccurate";
            default -> null;
        };
    }

    /** Codes as {@code bpt}/{@code ept} (paired in the text), {@code it} (partner elsewhere), {@code ph}. */
    static void codedText(XmlOutput x, TaggedText text) throws XMLStreamException {
        MARKUP.write(x, text);
    }

    /** XLIFF 1.2: {@code bpt}/{@code ept} matched by {@code id}, {@code it} with {@code pos}, a {@code ctype} each. */
    private static final InlineMarkup MARKUP = new InlineMarkup() {
        @Override
        public void paired(XmlOutput x, InlineCode code, String id, boolean opening) throws XMLStreamException {
            if (opening) {
                x.element("bpt", code.data(), "id", id, "ctype", ctype(code, false));
            } else {
                x.element("ept", code.data(), "id", id);
            }
        }

        @Override
        public void isolated(XmlOutput x, InlineCode code, String id, boolean opening) throws XMLStreamException {
            x.element("it", code.data(), "id", id, "pos", opening ? "open" : "close", "ctype", ctype(code, false));
        }

        @Override
        public void placeholder(XmlOutput x, InlineCode code, String id) throws XMLStreamException {
            x.element("ph", code.data(), "id", id, "ctype", ctype(code, true));
        }
    };

    /**
     * The filter's type as a {@code ctype} the element accepts: {@code bold}, {@code italic}, {@code underline},
     * {@code link} on paired codes, {@code image}, {@code lb}, {@code pb} on placeholders, else an extension value
     * ({@code x-...}); null for Okapi's internal types.
     */
    private static String ctype(InlineCode code, boolean placeholder) {
        String type = code.type();
        if (type.isBlank()) {
            return null;
        }
        if (type.matches(placeholder ? "image|lb|pb" : "bold|italic|underline|link")) {
            return type;
        }
        if (type.matches("bold|italic|underline|link|image|lb|pb")) {
            return "x-" + type;
        }
        if (type.startsWith("x-") && type.length() > 2) {   // the file's own extension value (x-bold;color:...)
            return "x-" + type.substring(2).replaceAll("[^A-Za-z0-9_.-]", "-");
        }
        return null;  // Okapi's internal types (Xpt, Xph, null...) mean nothing to other tools
    }

    static String datatype(DocumentFormat format) {
        return switch (format) {
            case PLAIN_TEXT -> "plaintext";
            case HTML -> "html";
            case XLIFF12, XLIFF2, TMX -> "xml";
            case MARKDOWN -> "x-markdown";
            case DOCX -> "x-docx";
            case ODT -> "x-odt";
            case PO -> "po";
        };
    }
}

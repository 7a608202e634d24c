package org.postedit.workbench.export;

import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import javax.xml.stream.XMLStreamException;

import org.postedit.workbench.document.InlineCode;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.TaggedText;

/**
 * TMX 1.4b: one {@code tu} per segment of the requested statuses with a non-empty target. For an MT-only document
 * (only with {@link ExportOptions#mtPairs()}) the source {@code tuv} is the MT as imported, in the language
 * {@code <target>-x-mt} (e.g. {@code en-US-x-mt}), and the target {@code tuv} the current English.
 */
final class TmxExporter {

    static final DateTimeFormatter TMX_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    void write(ExportContext context, OutputStream out) throws XMLStreamException {
        if (context.mtOnly() && !context.options().mtPairs()) {
            throw new ExportRejectedException("\"" + context.document().name() + "\" is machine translation only: "
                    + "it has no source text to pair with the English. Ask for mtPairs=true to export MT -> "
                    + "approved English pairs.");
        }
        String sourceLanguage = context.mtOnly() ? context.document().targetLanguage() + "-x-mt"
                : context.document().sourceLanguage();
        String targetLanguage = context.document().targetLanguage();
        try (XmlOutput x = new XmlOutput(out)) {
            x.declaration();
            x.start("tmx", "version", "1.4");
            x.newline();
            x.empty("header", "creationtool", ExportContext.TOOL_NAME,
                    "creationtoolversion", ExportContext.TOOL_VERSION,
                    "segtype", "sentence",
                    "o-tmf", ExportContext.TOOL_ID,
                    "adminlang", "en-US",
                    "srclang", sourceLanguage,
                    "datatype", Xliff12Exporter.datatype(context.document().format()),
                    "creationdate", TMX_DATE.format(context.now()),
                    "creationid", ExportContext.TOOL_ID);
            x.newline();
            x.start("body");
            x.newline();
            for (Segment segment : context.segments()) {
                if (!context.includes(ExportFormat.TMX, segment) || segment.target().isBlank()) {
                    continue;
                }
                TaggedText source = context.mtOnly() ? segment.mt() : segment.source();
                if (source == null || source.isBlank()) {
                    continue;
                }
                x.start("tu", "tuid", segment.unitId() + "#" + segment.segmentKey(),
                        "changedate", date(segment.updatedAt()),
                        "changeid", segment.updatedBy());
                x.newline();
                x.element("prop", segment.status().name().toLowerCase(), "type", "x-status");
                x.newline();
                tuv(x, sourceLanguage, source);
                tuv(x, targetLanguage, segment.target());
                x.end();
                x.newline();
            }
            x.end();
            x.newline();
            x.end();
            x.newline();
        }
    }

    private static String date(Instant at) {
        return at == null ? null : TMX_DATE.format(at);
    }

    /** TMX 1.4b: {@code bpt}/{@code ept} matched by {@code i}, {@code it} with {@code pos}, codes numbered by {@code x}. */
    private static final InlineMarkup MARKUP = new InlineMarkup() {
        @Override
        public void paired(XmlOutput x, InlineCode code, String id, boolean opening) throws XMLStreamException {
            x.element(opening ? "bpt" : "ept", code.data(), "i", id);
        }

        @Override
        public void isolated(XmlOutput x, InlineCode code, String id, boolean opening) throws XMLStreamException {
            x.element("it", code.data(), "pos", opening ? "begin" : "end", "x", id);
        }

        @Override
        public void placeholder(XmlOutput x, InlineCode code, String id) throws XMLStreamException {
            x.element("ph", code.data(), "x", id);
        }
    };

    private static void tuv(XmlOutput x, String language, TaggedText text) throws XMLStreamException {
        x.start("tuv", "xml:lang", language);
        x.start("seg");
        MARKUP.write(x, text);
        x.end();
        x.end();
        x.newline();
    }
}

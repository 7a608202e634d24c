package org.postedit.workbench.export;

import java.time.Instant;
import java.util.function.LongFunction;

import org.postedit.workbench.document.Document;
import org.postedit.workbench.document.Segment;

/**
 * What a writer needs: the document, its segments in order (read from the database a chunk at a time while the
 * writer goes: iterate once), the reason of a segment's last rejection (read from the version history only for
 * rejected segments), the stamp that ties an XLIFF export to this document and the time of the export.
 */
record ExportContext(Document document, Iterable<Segment> segments, LongFunction<String> rejectionComment,
                     ExportOptions options, Instant now, DocumentStamp stamp) {

    static final String TOOL_ID = "postedit-workbench";
    static final String TOOL_NAME = "Post-editing workbench";
    static final String TOOL_VERSION = "0.1.0";
    /** Marks an export of an MT-only document, whose "source" is the MT as imported. */
    static final String MT_ONLY = "x-workbench-mt-only";

    boolean mtOnly() {
        return !document.hasSource();
    }

    String sourceLanguage() {
        return mtOnly() ? document.targetLanguage() : document.sourceLanguage();
    }

    boolean includes(ExportFormat format, Segment segment) {
        return options.statusesFor(format).contains(segment.status());
    }
}

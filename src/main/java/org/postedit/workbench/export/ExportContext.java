package org.postedit.workbench.export;

import java.time.Instant;
import java.util.List;
import java.util.function.LongFunction;

import org.postedit.workbench.document.Document;
import org.postedit.workbench.document.Segment;

/**
 * What a writer needs: the document, its segments in order, the reason of a segment's last rejection (read from
 * the version history only for rejected segments) and the time of the export.
 */
record ExportContext(Document document, List<Segment> segments, LongFunction<String> rejectionComment,
                     ExportOptions options, Instant now) {

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
}

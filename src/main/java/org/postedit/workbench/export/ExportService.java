package org.postedit.workbench.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import javax.xml.stream.XMLStreamException;

import org.postedit.workbench.document.Document;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.SegmentStatus;
import org.postedit.workbench.review.SegmentVersion;
import org.postedit.workbench.review.SegmentVersionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Writes a document as XLIFF 1.2, XLIFF 2.0, TMX 1.4b or its original format. Only reads; views and the API call
 * this one service. The formats and their mapping are described in docs/export.md.
 */
@Service
public class ExportService {

    private static final Logger log = LoggerFactory.getLogger(ExportService.class);

    private final DocumentService documents;
    private final SegmentVersionRepository versions;
    private final OriginalFormatExporter original;
    private final Clock clock;

    public ExportService(DocumentService documents, SegmentVersionRepository versions,
                         OriginalFormatExporter original, Clock clock) {
        this.documents = documents;
        this.versions = versions;
        this.original = original;
        this.clock = clock;
    }

    /**
     * Writes the export to {@code out} (not closed).
     *
     * @throws org.postedit.workbench.document.DocumentNotFoundException for an unknown document
     * @throws ExportRejectedException when this document cannot be exported so (e.g. TMX of MT alone without
     *                                 {@code mtPairs}, an original format not rebuilt yet)
     */
    public void export(long documentId, ExportFormat format, ExportOptions options, OutputStream out) {
        Document document = documents.document(documentId);
        check(document, format, options);
        List<Segment> segments = documents.segments(documentId);
        ExportContext context = new ExportContext(document, segments, this::rejectionComment,
                options == null ? ExportOptions.DEFAULT : options, clock.instant());
        try {
            switch (format) {
                case XLIFF12 -> new Xliff12Exporter().write(context, out);
                case XLIFF2 -> new Xliff2Exporter().write(context, out);
                case TMX -> new TmxExporter().write(context, out);
                case ORIGINAL -> original.write(context, out);
            }
            out.flush();
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new IOException("Export of document " + documentId + " failed", e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.info("Exported document {} as {} ({} segments)", documentId, format.label(), segments.size());
    }

    /** Refuses before anything is written, so the API can still answer with a problem detail. */
    public void check(Document document, ExportFormat format, ExportOptions options) {
        if (format == ExportFormat.TMX && !document.hasSource() && (options == null || !options.mtPairs())) {
            throw new ExportRejectedException("\"" + document.name() + "\" is machine translation only: it has no "
                    + "source text to pair with the English. Ask for mtPairs=true to export MT -> English pairs.");
        }
        if (format == ExportFormat.ORIGINAL && !original.supports(document.format())) {
            throw new ExportRejectedException("Export to the original format is not available yet for "
                    + document.format().label() + " documents. Export it as XLIFF 1.2, XLIFF 2 or TMX instead.");
        }
        if (format == ExportFormat.ORIGINAL && original.decodesText(document.format())
                && documents.segments(document.id()).stream().anyMatch(s -> !s.target().equals(s.mt()))) {
            original.requireUtf8(document);  // before a byte is streamed, so the API can still answer 400
        }
    }

    /** The download's name: document, language pair and date, e.g. {@code summit_zh-CN_en-US_2026-11-25.xlf}. */
    public String fileName(long documentId, ExportFormat format) {
        return fileName(documents.document(documentId), format);
    }

    public String fileName(Document document, ExportFormat format) {
        String name = document.name();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String extension = format.extension() != null ? format.extension() : dot > 0 ? name.substring(dot) : "";
        base = base.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]+", "_").strip();
        if (base.isEmpty()) {
            base = "document-" + document.id();
        }
        String languages = document.hasSource() ? document.sourceLanguage() + "_" + document.targetLanguage()
                : "mt_" + document.targetLanguage();
        return base + "_" + languages + "_" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + extension;
    }

    private String rejectionComment(long segmentId) {
        List<SegmentVersion> history = versions.history(segmentId);
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).status() == SegmentStatus.REJECTED) {
                return history.get(i).comment();
            }
        }
        return null;
    }
}

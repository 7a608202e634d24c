package org.postedit.workbench.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

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
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a document as XLIFF 1.2, XLIFF 2.0, TMX 1.4b or its original format. Only reads; views and the API call
 * this one service. The formats and their mapping are described in docs/export.md.
 */
@Service
public class ExportService {

    private static final Logger log = LoggerFactory.getLogger(ExportService.class);
    static final int PROGRESS_STEP = 500;

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
     * Writes the export to {@code out} (not closed), reading the segments a chunk at a time as it writes them, in
     * one read-only transaction (a consistent view of the document while it streams).
     *
     * @throws org.postedit.workbench.document.DocumentNotFoundException for an unknown document
     * @throws ExportRejectedException when this document cannot be exported so (e.g. TMX of MT alone without
     *                                 {@code mtPairs}, an original format not rebuilt yet)
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public void export(long documentId, ExportFormat format, ExportOptions options, OutputStream out) {
        export(documentId, format, options, out, read -> { });
    }

    /** As {@link #export(long, ExportFormat, ExportOptions, OutputStream)}, telling {@code progress} how many
     * segments have been read so far (every {@value #PROGRESS_STEP} and at the end). */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public void export(long documentId, ExportFormat format, ExportOptions options, OutputStream out,
                       IntConsumer progress) {
        Document document = documents.document(documentId);
        check(document, format, options);
        write(document, format, options, out, new Progress(progress));
    }

    /**
     * Several documents in one ZIP, one entry each named as {@link #fileName(Document, ExportFormat)} (a name
     * that repeats gets the document id). Every document is checked before the first byte is written.
     *
     * @param progress told the segments read so far over all documents
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public void exportZip(List<Long> documentIds, ExportFormat format, ExportOptions options, OutputStream out,
                          IntConsumer progress) {
        List<Document> selected = checkAll(documentIds, format, options);
        Progress counter = new Progress(progress);
        Set<String> names = new HashSet<>();
        try {
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            for (Document document : selected) {
                zip.putNextEntry(new ZipEntry(uniqueName(names, document, format)));
                write(document, format, options, new KeepOpenStream(zip), counter);
                zip.closeEntry();
            }
            zip.finish();
            zip.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The documents of a ZIP export, each checked as a single export would be.
     *
     * @throws ExportRejectedException for an empty selection or a document that cannot be exported so
     */
    public List<Document> checkAll(List<Long> documentIds, ExportFormat format, ExportOptions options) {
        if (documentIds == null || documentIds.isEmpty()) {
            throw new ExportRejectedException("Name the documents to export: ids=1,2,3.");
        }
        List<Document> selected = new ArrayList<>();
        for (long id : new LinkedHashSet<>(documentIds)) {
            Document document = documents.document(id);
            check(document, format, options);
            selected.add(document);
        }
        return selected;
    }

    private void write(Document document, ExportFormat format, ExportOptions options, OutputStream out,
                       Progress progress) {
        long started = System.nanoTime();
        // the original format reads the segments again, with their spacing, only to rebuild an edited file
        Iterable<Segment> segments = format == ExportFormat.ORIGINAL ? documents.segmentsInOrder(document.id())
                : progress.counting(documents.segmentsInOrder(document.id()));
        ExportOptions chosen = options == null ? ExportOptions.DEFAULT : options;
        Instant now = clock.instant();
        DocumentStamp stamp = format == ExportFormat.XLIFF12 || format == ExportFormat.XLIFF2
                ? DocumentStamp.of(document.id(), documents.originalSha256(document.id()), now) : null;
        ExportContext context = new ExportContext(document, segments, this::rejectionComment, chosen, now, stamp);
        int before = progress.read;
        try {
            switch (format) {
                case XLIFF12 -> new Xliff12Exporter().write(context, out);
                case XLIFF2 -> new Xliff2Exporter().write(context, out);
                case TMX -> new TmxExporter().write(context, out);
                case ORIGINAL -> original.write(context,
                        progress.counting(documents.spacedSegmentsInOrder(document.id())),
                        documents.unitIdsWithHash(document.id()), documents.unitsMergedAcross(document.id()), out);
            }
            out.flush();
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new IOException("Export of document " + document.id() + " failed", e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        progress.report();
        log.info("Exported document {} as {} ({} segments read) in {} ms", document.id(), format.label(),
                progress.read - before, (System.nanoTime() - started) / 1_000_000);
    }

    /** The ZIP's name: how many documents, their language pair when they share one, and the date. */
    public String zipFileName(List<Document> selected) {
        Set<String> pairs = new HashSet<>();
        for (Document document : selected) {
            pairs.add(languages(document));
        }
        return selected.size() + "-documents" + (pairs.size() == 1 ? "_" + pairs.iterator().next() : "") + "_"
                + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".zip";
    }

    private String uniqueName(Set<String> names, Document document, ExportFormat format) {
        String name = fileName(document, format);
        if (names.add(name)) {
            return name;
        }
        String extension = format.extension() != null ? format.extension()
                : name.lastIndexOf('.') > 0 ? name.substring(name.lastIndexOf('.')) : "";
        String renamed = name.substring(0, name.length() - extension.length()) + "_" + document.id() + extension;
        names.add(renamed);
        return renamed;
    }

    /** Counts the segments read and reports every {@value #PROGRESS_STEP}. */
    private static final class Progress {
        private final IntConsumer listener;
        private int read;

        Progress(IntConsumer listener) {
            this.listener = listener;
        }

        <T> Iterable<T> counting(Iterable<T> segments) {
            return () -> {
                Iterator<T> inner = segments.iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return inner.hasNext();
                    }

                    @Override
                    public T next() {
                        T next = inner.next();
                        if (++read % PROGRESS_STEP == 0) {
                            report();
                        }
                        return next;
                    }
                };
            };
        }

        void report() {
            listener.accept(read);
        }
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
                && OriginalFormatExporter.changed(documents.segmentsInOrder(document.id()))) {
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
        return base + "_" + languages(document) + "_" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + extension;
    }

    private static String languages(Document document) {
        return document.hasSource() ? document.sourceLanguage() + "_" + document.targetLanguage()
                : "mt_" + document.targetLanguage();
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

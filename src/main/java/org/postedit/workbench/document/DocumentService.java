package org.postedit.workbench.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Imports files into documents and segments, lists documents with their progress, archives them. */
@Service
public class DocumentService {

    private static final Logger log = LoggerFactory.getLogger(DocumentService.class);

    private final DocumentReader reader;
    private final DocumentRepository documents;
    private final SegmentRepository segments;
    private final ImportProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public DocumentService(DocumentReader reader, DocumentRepository documents, SegmentRepository segments,
                           ImportProperties properties, Clock clock, ApplicationEventPublisher events) {
        this.reader = reader;
        this.documents = documents;
        this.segments = segments;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
    }

    public long maxFileSize() {
        return properties.maxFileSize().toBytes();
    }

    /**
     * Imports a file in one transaction: the document, its original file and all its segments, or nothing.
     *
     * @throws ImportRejectedException for a file the user must be told about
     */
    @Transactional
    public DocumentProgress importFile(Path file, String fileName, ImportOptions options, String user) {
        String name = displayName(fileName);
        long size = size(file);
        if (size > maxFileSize()) {
            throw new ImportRejectedException(ImportRejectedException.Reason.TOO_LARGE,
                    "%s is %s; the limit is %s.".formatted(name, megabytes(size), megabytes(maxFileSize())));
        }
        if (size == 0) {
            throw new ImportRejectedException(ImportRejectedException.Reason.INVALID, name + " is empty.");
        }
        long started = System.nanoTime();
        ImportedDocument imported = reader.read(file, name, options == null ? ImportOptions.DETECT : options);
        if (imported.segments().isEmpty()) {
            throw new ImportRejectedException(ImportRejectedException.Reason.INVALID,
                    name + " has no text to review.");
        }
        Instant now = clock.instant();
        String source = imported.hasSource() ? imported.sourceLanguage() : null;
        long id = documents.insert(name, imported.format(), source, imported.targetLanguage(), size, sha256(file),
                imported.segments().size(), user, now);
        try (InputStream content = Files.newInputStream(file)) {
            documents.insertOriginal(id, name, content, size);
        } catch (IOException e) {
            throw new IllegalStateException("Could not read the uploaded file back", e);
        }
        segments.insertAll(id, imported.segments(), user, now);
        events.publishEvent(new SegmentsChanged(id, List.of(), user));
        log.info("Imported document {} '{}' ({}, {} -> {}): {} segments in {} ms by {}", id, name,
                imported.format(), source, imported.targetLanguage(), imported.segments().size(),
                (System.nanoTime() - started) / 1_000_000, user);
        return progress(id);
    }

    public List<DocumentProgress> list(boolean includeArchived) {
        Map<Long, Map<SegmentStatus, Integer>> counts = documents.statusCounts();
        return documents.findAll(includeArchived).stream()
                .map(d -> new DocumentProgress(d, counts.getOrDefault(d.id(), Map.of())))
                .toList();
    }

    public DocumentProgress progress(long documentId) {
        Document document = documents.find(documentId)
                .orElseThrow(() -> new DocumentNotFoundException(documentId));
        return new DocumentProgress(document, documents.statusCounts(documentId));
    }

    public Document document(long documentId) {
        return documents.find(documentId).orElseThrow(() -> new DocumentNotFoundException(documentId));
    }

    public List<Segment> segments(long documentId) {
        document(documentId);
        return segments.findByDocument(documentId);
    }

    /**
     * The segments in order, read a chunk at a time (exports of any size); iterate inside the caller's
     * transaction for one consistent view.
     */
    public Iterable<Segment> segmentsInOrder(long documentId) {
        document(documentId);
        return segments.inOrder(documentId);
    }

    /** As {@link #segmentsInOrder(long)}, with the whitespace around each segment in its paragraph. */
    public Iterable<SpacedSegment> spacedSegmentsInOrder(long documentId) {
        document(documentId);
        return segments.spacedInOrder(documentId);
    }

    /**
     * The unit ids with a "#" in them, a handful in most documents: the importer numbers an id the file repeats
     * ("1#2"), and the original-format export must number those again, while every other id is stored as it is.
     */
    public java.util.Set<String> unitIdsWithHash(long documentId) {
        return segments.unitIdsWithHash(documentId);
    }

    /** The units a merge across paragraphs changed (see {@link SegmentRepository#unitsMergedAcross(long)}). */
    public java.util.Set<String> unitsMergedAcross(long documentId) {
        return segments.unitsMergedAcross(documentId);
    }

    /** The SHA-256 of the stored original (hex), which tells this document apart from any other one. */
    public String originalSha256(long documentId) {
        return documents.originalSha256(documentId).orElseThrow(() -> new DocumentNotFoundException(documentId));
    }

    /**
     * Ids of the segments that the next segment of the same paragraph follows without white space, for the check
     * of sentences run together across segments.
     */
    public java.util.Set<Long> segmentsJoinedToNext(long documentId) {
        return segments.joinedToNext(documentId);
    }

    public List<Segment> page(long documentId, SegmentFilter filter, int offset, int limit) {
        return segments.page(documentId, filter, offset, limit);
    }

    public int count(long documentId, SegmentFilter filter) {
        return segments.count(documentId, filter);
    }

    public int indexOf(long documentId, SegmentFilter filter, int ordinal) {
        return segments.indexOf(documentId, filter, ordinal);
    }

    /** Archived documents leave the list but keep every segment and version: nothing is ever silently deleted. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void archive(long documentId, String user) {
        if (!documents.archive(documentId)) {
            throw new DocumentNotFoundException(documentId);
        }
        log.info("Document {} archived by {}", documentId, user);
    }

    /** One-step review lets reviewers approve directly; approvers and administrators decide that per document. */
    @PreAuthorize("hasAnyRole(T(org.postedit.workbench.security.Permission).SET_REVIEW_MODE.roleNames())")
    @Transactional
    public Document setOneStepReview(long documentId, boolean oneStep, String user) {
        if (!documents.setOneStepReview(documentId, oneStep)) {
            throw new DocumentNotFoundException(documentId);
        }
        log.info("Document {}: one-step review {} by {}", documentId, oneStep ? "on" : "off", user);
        return document(documentId);
    }

    /** How many segments of its document share each segment's source (MT in MT-only documents); 1 = unique. */
    public Map<Long, Integer> repetitionCounts(java.util.Collection<Long> segmentIds) {
        return segments.repetitionCounts(segmentIds);
    }

    /** The other segments with the same source (MT in MT-only documents) as this one, in order. */
    public List<Segment> repetitionsOf(long segmentId) {
        return segments.repetitionsOf(segmentId);
    }

    private static String displayName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        return name.isEmpty() ? "unnamed" : name;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IllegalStateException("Uploaded file vanished: " + file, e);
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Could not hash " + file, e);
        }
    }

    static String megabytes(long bytes) {
        return bytes >= 1024 * 1024 ? "%.1f MB".formatted(bytes / (1024.0 * 1024)) : "%d KB".formatted(
                Math.max(1, bytes / 1024));
    }
}

package org.postedit.workbench.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

import org.postedit.workbench.document.Document;
import org.postedit.workbench.document.DocumentFormat;
import org.postedit.workbench.document.DocumentNotFoundException;
import org.postedit.workbench.document.DocumentReader;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.ImportRejectedException;
import org.postedit.workbench.document.ImportedDocument;
import org.postedit.workbench.document.ImportedSegment;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.SegmentStatus;
import org.postedit.workbench.document.TaggedText;
import org.postedit.workbench.review.ReviewService;
import org.postedit.workbench.review.SegmentEditRejectedException;
import org.postedit.workbench.review.SegmentVersion;
import org.postedit.workbench.review.StaleSegmentException;
import org.postedit.workbench.review.WordDiff;
import org.postedit.workbench.export.XliffUpdateSummary.Change;
import org.postedit.workbench.export.XliffUpdateSummary.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Updates a document from an XLIFF 1.2 or 2.x file exported from it and edited elsewhere (another CAT tool).
 * The file is read by the importer's reader (Okapi, with its safety checks); its segments are found again by the
 * ids the export gave them ({@link ExportIds}); each changed target or status becomes a new version through the
 * review service, as a save in the grid would. Approved segments are skipped unless the caller allows
 * overwriting them; a segment changed both in the workbench after the export and in the file is a conflict and
 * is left alone. A file of another document, or one that cannot be read, changes nothing.
 */
@Service
public class XliffUpdateService {

    private static final Logger log = LoggerFactory.getLogger(XliffUpdateService.class);

    private final DocumentService documents;
    private final DocumentReader reader;
    private final ReviewService review;

    public XliffUpdateService(DocumentService documents, DocumentReader reader, ReviewService review) {
        this.documents = documents;
        this.reader = reader;
        this.review = review;
    }

    /**
     * @param file              the uploaded file (the caller deletes it)
     * @param overwriteApproved also apply the file's changes to approved segments (each as a new version)
     * @param progress          told how many of the file's segments have been handled
     * @throws XliffUpdateRejectedException for a file that is not a readable XLIFF export of this document
     * @throws DocumentNotFoundException    for an unknown document
     */
    @PreAuthorize("hasAnyRole(T(org.postedit.workbench.security.Permission).REVIEW.roleNames())")
    public XliffUpdateSummary update(long documentId, Path file, String fileName, boolean overwriteApproved,
                                     String user, IntConsumer progress) {
        Document document = documents.document(documentId);
        String name = fileName == null || fileName.isBlank() ? "the file" : fileName;
        ImportedDocument read = read(document, file, name);
        DocumentStamp.Header header = header(file, name);
        List<String> warnings = new ArrayList<>();
        requireSameDocument(document, header, name, warnings);

        Map<String, Segment> stored = read.format() == DocumentFormat.XLIFF12
                ? ExportIds.byXliff12Id(documents.segmentsInOrder(documentId))
                : ExportIds.byXliff2Id(documents.segmentsInOrder(documentId));
        Map<String, Integer> perId = new HashMap<>();
        for (ImportedSegment segment : read.segments()) {
            perId.merge(fileId(read.format(), segment), 1, Integer::sum);
        }
        if (perId.keySet().stream().noneMatch(stored::containsKey)) {
            throw new XliffUpdateRejectedException("None of the " + read.segments().size() + " segments of " + name
                    + " has an id of \"" + document.name() + "\": it is not an export of this document.");
        }

        SegmentStatus highest = review.confirmStatus(documentId);
        Instant exportedAt = header.stamp() == null ? null : header.stamp().exportedAt();
        Tally tally = new Tally();
        Set<Long> seen = new HashSet<>();
        int handled = 0;
        for (ImportedSegment fromFile : read.segments()) {
            String id = fileId(read.format(), fromFile);
            Segment segment = stored.get(id);
            if (segment == null || perId.get(id) > 1 || !seen.add(segment.id())) {
                tally.add(new Change(id, null, null, Outcome.UNKNOWN, null, fromFile.status().name().toLowerCase(
                        Locale.ROOT), null, fromFile.mt().displayText(), List.of(), segment == null
                        ? "No segment of this document has this id."
                        : "The file holds this segment more than once (split or repeated): not applied."));
            } else {
                apply(segment, fromFile, id, name, overwriteApproved, highest, exportedAt, user, tally);
            }
            if (++handled % ExportService.PROGRESS_STEP == 0) {
                progress.accept(handled);
            }
        }
        progress.accept(handled);
        XliffUpdateSummary summary = new XliffUpdateSummary(documentId, document.name(), name,
                read.format().label(), tally.updated, tally.unchanged, tally.skippedApproved, tally.conflicts,
                tally.unknown, List.copyOf(tally.changes), List.copyOf(warnings));
        log.info("{} updated document {} from {}: {} updated, {} unchanged, {} approved skipped, {} conflicts, "
                        + "{} unknown", user, documentId, name, summary.updated(), summary.unchanged(),
                summary.skippedApproved(), summary.conflicts(), summary.unknown());
        return summary;
    }

    private void apply(Segment segment, ImportedSegment fromFile, String id, String fileName,
                       boolean overwriteApproved, SegmentStatus highest, Instant exportedAt, String user,
                       Tally tally) {
        TaggedText target = FileTarget.inStoredCodes(segment, fromFile.mt());
        boolean sameText = FileTarget.same(target, segment.target());
        // a tool that edits a target without touching its state leaves the MT's "new": an edit is at least edited
        SegmentStatus wanted = !sameText && fromFile.status() == SegmentStatus.NEW ? SegmentStatus.EDITED
                : fromFile.status();
        // "new" in the file says nothing was done there: it never takes a segment back to raw MT
        if (sameText && (wanted == segment.status() || wanted == SegmentStatus.NEW)) {
            tally.unchanged++;
            return;
        }
        String before = segment.target().displayText();
        String after = target.displayText();
        String statusBefore = segment.status().name().toLowerCase(Locale.ROOT);
        if (target.isBlank() && !target.hasCodes() && !segment.target().isBlank()) {
            tally.add(change(id, segment, Outcome.CONFLICT, statusBefore, wanted, before, after,
                    "The file's target is empty; the workbench's text was kept."));
            return;
        }
        if (exportedAt != null && segment.updatedAt() != null && segment.updatedAt().isAfter(exportedAt)) {
            SegmentVersion base = versionAt(segment, exportedAt);
            TaggedText baseText = base == null ? segment.mt() : base.target();
            boolean fileKeptExport = FileTarget.same(target, baseText) && (base == null || base.status() == wanted);
            if (fileKeptExport) {
                tally.unchanged++;  // only the workbench changed it since the export: its newer text stays
                return;
            }
            tally.add(change(id, segment, Outcome.CONFLICT, statusBefore, wanted, before, after,
                    "Changed in the workbench after the export (by " + segment.updatedBy() + ") and in the file: "
                            + "kept the workbench's version."));
            return;
        }
        if (segment.status() == SegmentStatus.APPROVED && !overwriteApproved) {
            tally.add(change(id, segment, Outcome.SKIPPED_APPROVED, statusBefore, wanted, before, after,
                    "Approved: not overwritten."));
            return;
        }
        if (segment.locked()) {
            tally.add(change(id, segment, Outcome.CONFLICT, statusBefore, wanted, before, after,
                    "Locked in the original file (not to be translated)."));
            return;
        }
        SegmentStatus status = wanted;
        String note = null;
        if (rank(wanted) > rank(highest)) {
            status = highest;
            note = "The file says " + wanted.label().toLowerCase(Locale.ROOT) + "; your role sets at most "
                    + highest.label().toLowerCase(Locale.ROOT) + ".";
        }
        String comment = status == SegmentStatus.REJECTED ? "rejected in " + fileName : "updated from " + fileName;
        try {
            review.update(segment.id(), segment.version(), target, status, user, comment);
            tally.updated++;
            tally.changes.add(change(id, segment, Outcome.UPDATED, statusBefore, status, before, after, note));
        } catch (SegmentEditRejectedException | StaleSegmentException e) {
            tally.add(change(id, segment, Outcome.CONFLICT, statusBefore, wanted, before, after,
                    e instanceof StaleSegmentException ? "Saved by someone else meanwhile: not applied."
                            : e.getMessage()));
        }
    }

    /** The version a segment had at the time of the export; null when it was still the MT as imported. */
    private SegmentVersion versionAt(Segment segment, Instant exportedAt) {
        SegmentVersion at = null;
        for (SegmentVersion version : review.history(segment.id())) {
            if (!version.createdAt().isAfter(exportedAt)) {
                at = version;
            }
        }
        return at;
    }

    /** Statuses by how far along the workflow they are; rejected sits with reviewed (a reviewer's decision). */
    private static int rank(SegmentStatus status) {
        return switch (status) {
            case NEW -> 0;
            case EDITED -> 1;
            case REVIEWED, REJECTED -> 2;
            case APPROVED -> 3;
        };
    }

    private static Change change(String id, Segment segment, Outcome outcome, String statusBefore,
                                 SegmentStatus statusAfter, String before, String after, String message) {
        return new Change(id, segment.id(), segment.ordinal(), outcome, statusBefore,
                statusAfter.name().toLowerCase(Locale.ROOT), before, after, WordDiff.between(before, after), message);
    }

    private ImportedDocument read(Document document, Path file, String name) {
        ImportedDocument read;
        try {
            read = reader.read(file, name, new ImportOptions(document.sourceLanguage(), document.targetLanguage()));
        } catch (ImportRejectedException e) {
            throw new XliffUpdateRejectedException(name + " cannot be read: " + e.getMessage());
        }
        if (read.format() != DocumentFormat.XLIFF12 && read.format() != DocumentFormat.XLIFF2) {
            throw new XliffUpdateRejectedException(name + " is " + read.format().label()
                    + ", not XLIFF: update a document from an XLIFF 1.2 or 2.x file exported from it.");
        }
        return read;
    }

    private static DocumentStamp.Header header(Path file, String name) {
        try {
            DocumentStamp.Header header = DocumentStamp.read(file);
            if (header == null) {
                throw new XliffUpdateRejectedException(name + " is not an XLIFF file.");
            }
            return header;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void requireSameDocument(Document document, DocumentStamp.Header header, String name,
                                     List<String> warnings) {
        DocumentStamp stamp = header.stamp();
        if (stamp != null) {
            if (!stamp.names(document.id(), documents.originalSha256(document.id()))) {
                String other = stamp.documentId() == document.id() ? "a document of another workbench"
                        : documentName(stamp.documentId());
                throw new XliffUpdateRejectedException(name + " was exported from " + other + ", not from \""
                        + document.name() + "\". Upload it onto the document it came from.");
            }
            if (stamp.exportedAt() == null) {
                warnings.add("The file has lost its export date: changes made in the workbench after the export "
                        + "cannot be told apart, so the file's text wins over them.");
            }
            return;
        }
        if (header.original() == null || !header.original().equals(document.name())) {
            throw new XliffUpdateRejectedException(name + " is not an export of \"" + document.name() + "\": it names "
                    + (header.original() == null ? "no original file" : "\"" + header.original() + "\"")
                    + " and carries no workbench stamp.");
        }
        if (header.targetLanguage() != null
                && !header.targetLanguage().equalsIgnoreCase(document.targetLanguage())) {
            throw new XliffUpdateRejectedException(name + " is in " + header.targetLanguage() + "; \""
                    + document.name() + "\" is in " + document.targetLanguage() + ".");
        }
        warnings.add("The file carries no workbench stamp (another tool removed it); it was matched by the "
                + "document name. Changes made in the workbench after the export cannot be told apart.");
    }

    private String documentName(long id) {
        try {
            return "\"" + documents.document(id).name() + "\" (document " + id + ")";
        } catch (DocumentNotFoundException e) {
            return "document " + id + " (not in this workbench)";
        }
    }

    /** The id the export gave the segment: the trans-unit id (1.2), the unit and segment ids (2). */
    private static String fileId(DocumentFormat format, ImportedSegment segment) {
        return format == DocumentFormat.XLIFF12 ? segment.unitId()
                : ExportIds.xliff2Key(segment.unitId(), segment.segmentKey());
    }

    private static final class Tally {
        int updated;
        int unchanged;
        int skippedApproved;
        int conflicts;
        int unknown;
        final List<Change> changes = new ArrayList<>();

        void add(Change change) {
            switch (change.outcome()) {
                case SKIPPED_APPROVED -> skippedApproved++;
                case CONFLICT -> conflicts++;
                case UNKNOWN -> unknown++;
                case UPDATED -> updated++;
            }
            changes.add(change);
        }
    }
}

package org.postedit.workbench.review;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.postedit.workbench.document.DocumentRepository;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.SegmentFilter;
import org.postedit.workbench.document.SegmentRepository;
import org.postedit.workbench.document.SegmentStatus;
import org.postedit.workbench.document.SegmentsChanged;
import org.postedit.workbench.document.TaggedText;
import org.postedit.workbench.review.effort.EffortService;
import org.postedit.workbench.security.CurrentUser;
import org.postedit.workbench.security.Permission;
import org.postedit.workbench.security.PermissionDeniedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only writer of segment targets and versions. Every change names the version it was made on; a stale
 * version is refused so two reviewers never silently overwrite each other, and every change appends a version.
 *
 * <p>Every change checks the signed-in user's {@link Permission} itself ({@link CurrentUser}), whatever the caller
 * checked before: a view or endpoint that forgets a check still cannot write. Refusals are
 * {@link PermissionDeniedException}s; with no one signed in everything is refused.
 */
@Service
public class ReviewService {

    private static final Logger log = LoggerFactory.getLogger(ReviewService.class);

    private final SegmentRepository segments;
    private final SegmentVersionRepository versions;
    private final DocumentRepository documents;
    private final EffortService effort;
    private final ApplicationEventPublisher events;
    private final PlatformTransactionManager transactions;
    private final CurrentUser currentUser;
    private final Clock clock;

    public ReviewService(SegmentRepository segments, SegmentVersionRepository versions, DocumentRepository documents,
                         EffortService effort, ApplicationEventPublisher events,
                         PlatformTransactionManager transactions, CurrentUser currentUser, Clock clock) {
        this.segments = segments;
        this.versions = versions;
        this.documents = documents;
        this.effort = effort;
        this.events = events;
        this.transactions = transactions;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Saves an edited target; the segment becomes "edited". */
    @Transactional
    public Segment save(long segmentId, int expectedVersion, TaggedText target, String user) {
        currentUser.require(Permission.EDIT_TARGETS, "edit segment targets");
        Segment segment = load(segmentId);
        if (segment.version() != expectedVersion) {
            throw new StaleSegmentException(segment);
        }
        requireCodes(segment, target);
        return write(segment, expectedVersion, target, SegmentStatus.EDITED, user, null);
    }

    /**
     * Saves and confirms a segment with the highest status the signed-in user may set: approvers approve,
     * reviewers mark it reviewed (approved in a one-step-review document), everyone else (translators,
     * post-editors) marks it edited.
     */
    @Transactional
    public Segment confirm(long segmentId, int expectedVersion, TaggedText target, String user) {
        currentUser.require(Permission.EDIT_TARGETS, "confirm segments");
        Segment segment = load(segmentId);
        if (segment.version() != expectedVersion) {
            throw new StaleSegmentException(segment);
        }
        requireCodes(segment, target);
        return write(segment, expectedVersion, target, confirmStatus(segment.documentId()), user, null);
    }

    /**
     * Confirms every segment of a document that the filter selects, each with a version, at the status the user's
     * roles allow. Locked segments, approved segments and segments already at that status are left alone.
     *
     * @return how many segments changed
     */
    @Transactional
    public int confirmAll(long documentId, SegmentFilter filter, String user) {
        currentUser.require(Permission.EDIT_TARGETS, "confirm segments");
        SegmentStatus status = confirmStatus(documentId);
        List<Segment> selected = new java.util.ArrayList<>();
        for (int offset = 0; ; offset += 500) {
            List<Segment> page = segments.page(documentId, filter, offset, 500);
            selected.addAll(page);
            if (page.size() < 500) {
                break;
            }
        }
        List<Long> changed = new java.util.ArrayList<>();
        for (Segment segment : selected) {
            if (segment.locked() || segment.status() == SegmentStatus.APPROVED || segment.status() == status) {
                continue;
            }
            write(segment, segment.version(), segment.target(), status, user, "confirmed in bulk", false);
            changed.add(segment.id());
        }
        if (!changed.isEmpty()) {
            events.publishEvent(new SegmentsChanged(documentId, changed, user));
        }
        log.info("{} confirmed {} segments of document {} as {}", user, changed.size(), documentId, status);
        return changed.size();
    }

    /** Approvers and administrators approve; reviewers too in a one-step-review document. */
    @Transactional
    public Segment approve(long segmentId, int expectedVersion, String user) {
        Segment segment = load(segmentId);
        boolean oneStep = oneStepReview(segment.documentId());
        if (!ConfirmStatus.userMayApprove(currentUser.authentication(), oneStep)) {
            throw oneStep ? currentUser.denied("approve segments", Permission.REVIEW)
                    : !currentUser.may(Permission.REVIEW) ? currentUser.denied("approve segments", Permission.APPROVE)
                    : new PermissionDeniedException("Only approvers and administrators approve segments of this "
                    + "document: it is in two-step review (reviewers approve only in one-step review).");
        }
        return write(segment, expectedVersion, segment.target(), SegmentStatus.APPROVED, user, null);
    }

    /** Sends a segment back for work; the reason is required, so whoever picks it up knows what to fix. */
    @Transactional
    public Segment reject(long segmentId, int expectedVersion, String user, String comment) {
        currentUser.require(Permission.REVIEW, "reject segments");
        if (comment == null || comment.isBlank()) {
            throw new SegmentEditRejectedException("Say why the segment is rejected: a comment is required.");
        }
        Segment segment = load(segmentId);
        return write(segment, expectedVersion, segment.target(), SegmentStatus.REJECTED, user, comment.strip());
    }

    /**
     * Brings back the text of an earlier version (0 is the MT) as a new version: history is never rewritten.
     * The segment becomes "edited", whatever the status of the version brought back.
     */
    @Transactional
    public Segment revert(long segmentId, int expectedVersion, int toVersion, String user) {
        currentUser.require(Permission.EDIT_TARGETS, "restore earlier versions");
        Segment segment = load(segmentId);
        TaggedText text;
        if (toVersion == 0) {
            text = segment.mt();
        } else {
            text = versions.history(segmentId).stream().filter(v -> v.version() == toVersion).findFirst()
                    .map(SegmentVersion::target)
                    .orElseThrow(() -> new SegmentEditRejectedException("Segment " + segment.ordinal()
                            + " has no version " + toVersion + "."));
        }
        return write(segment, expectedVersion, text, SegmentStatus.EDITED, user, "reverted to version " + toVersion);
    }

    /**
     * Gives the repetitions of a segment its target, each as a new version with the status the user's confirmation
     * gives. A repetition is changed only at the version the user saw ({@code expected}); one changed since is
     * reported stale and left alone, and approved repetitions are left alone unless {@code overwriteApproved}.
     */
    @Transactional
    public Propagation propagate(long fromSegmentId, java.util.Map<Long, Integer> expected, boolean overwriteApproved,
                                 String user) {
        currentUser.require(Permission.EDIT_TARGETS, "change repetitions");
        Segment from = load(fromSegmentId);
        SegmentStatus status = confirmStatus(from.documentId());
        List<Segment> updated = new java.util.ArrayList<>();
        List<Segment> stale = new java.util.ArrayList<>();
        List<Segment> skipped = new java.util.ArrayList<>();
        for (var entry : expected.entrySet()) {
            Segment target = load(entry.getKey());
            if (target.documentId() != from.documentId() || target.id() == from.id()) {
                throw new SegmentEditRejectedException("Segment " + target.ordinal() + " is not a repetition of "
                        + from.ordinal() + ".");
            }
            if (target.version() != entry.getValue()) {
                stale.add(target);
            } else if (target.locked() || target.status() == SegmentStatus.APPROVED && !overwriteApproved
                    || !CodeIntegrity.problems(target.mt().hasCodes() ? target.mt() : target.target(),
                    from.target()).isEmpty()) {
                skipped.add(target);
            } else {
                try {
                    updated.add(write(target, target.version(), from.target(), status, user,
                            "propagated from repetition " + from.ordinal(), false));
                } catch (StaleSegmentException e) {
                    stale.add(e.current());
                }
            }
        }
        if (!updated.isEmpty()) {
            events.publishEvent(new SegmentsChanged(from.documentId(), updated.stream().map(Segment::id).toList(),
                    user));
        }
        log.info("{} propagated segment {} to {} repetitions ({} stale, {} skipped)", user, fromSegmentId,
                updated.size(), stale.size(), skipped.size());
        return new Propagation(updated, stale, skipped);
    }

    /** What a propagation did: changed, found changed by someone else meanwhile, left alone (approved, locked). */
    public record Propagation(List<Segment> updated, List<Segment> stale, List<Segment> skipped) {
    }

    /**
     * Sets a target and a status that come from outside the grid (an edited export of the document read back),
     * as a new version with {@code comment}. The rules of a save hold: the version it was read at, every inline
     * code kept, locked segments refused. The caller caps the status at what the user may give
     * ({@link #confirmStatus(long)}); a status above that is refused here.
     */
    @Transactional
    public Segment update(long segmentId, int expectedVersion, TaggedText target, SegmentStatus status, String user,
                          String comment) {
        currentUser.require(Permission.EDIT_TARGETS, "edit segment targets");
        Segment segment = load(segmentId);
        if (!ConfirmStatus.userMaySet(currentUser.authentication(), status,
                oneStepReview(segment.documentId()))) {
            throw new PermissionDeniedException("Your roles do not allow you to set segments to "
                    + status.label().toLowerCase(java.util.Locale.ROOT) + " in this document.");
        }
        if (segment.version() != expectedVersion) {
            throw new StaleSegmentException(segment);
        }
        requireCodes(segment, target);
        if (status == SegmentStatus.REJECTED && (comment == null || comment.isBlank())) {
            throw new SegmentEditRejectedException("Say why the segment is rejected: a comment is required.");
        }
        return write(segment, expectedVersion, target, status, user, comment);
    }

    /**
     * Splits a segment in two at {@code offset} of its target (characters, each inline code counting one): the
     * segment keeps the first part as a new version, and a new segment right after it starts with the second part
     * (its version 1 says where it came from). Source and MT split too (see {@link SegmentSplit}); the status
     * stays. Approved and locked segments are refused, as is a split that would tear a pair of tags apart.
     */
    @Transactional
    public Split split(long segmentId, int expectedVersion, int offset, String user) {
        currentUser.require(Permission.EDIT_TARGETS, "split segments");
        Segment segment = lockedForRestructuring(segmentId, expectedVersion);
        requireOpen(segment, "split");
        SegmentSplit.Result parts = SegmentSplit.at(segment, offset);
        Instant now = clock.instant();
        if (!segments.updateSplitHead(segment.id(), expectedVersion, parts.head(), parts.spaceAfter(), user, now)) {
            throw new StaleSegmentException(load(segment.id()));
        }
        int next = segment.ordinal() + 1;
        versions.append(segment.id(), expectedVersion + 1, parts.head().target(), segment.status(), user, now,
                "split: second part is #" + next);
        segments.openGapAfter(segment.documentId(), segment.ordinal());
        long tailId = segments.insertSplitTail(segment, next, tailKey(segment), parts.tail(), user, now);
        versions.append(tailId, 1, parts.tail().target(), segment.status(), user, now,
                "split from #" + segment.ordinal() + " (its second part)");
        effort.recordDistances(segment.id(), parts.head().mt(), parts.head().target());
        effort.recordDistances(tailId, parts.tail().mt(), parts.tail().target());
        events.publishEvent(new SegmentsChanged(segment.documentId(), List.of(segment.id(), tailId), user, true));
        log.info("Segment {} of document {} split by {}: second part is segment {}", segment.id(),
                segment.documentId(), user, tailId);
        return new Split(load(segment.id()), load(tailId));
    }

    /**
     * The segment as it is once its document's ordinals are locked (splits and merges of a document run one after
     * another), refused when a merge absorbed it or when it changed since {@code expectedVersion}.
     */
    private Segment lockedForRestructuring(long segmentId, int expectedVersion) {
        segments.lockOrdinals(load(segmentId).documentId());
        Segment segment = load(segmentId);
        if (segment.ordinal() < 1) {
            throw merged(segment);
        }
        if (segment.version() != expectedVersion) {
            throw new StaleSegmentException(segment);
        }
        return segment;
    }

    /**
     * Merges a segment with the next one: of the same unit in bilingual files, also of the next paragraph in
     * monolingual ones (the joined text stays in the survivor's paragraph, see docs/split-merge.md). The segment
     * gets the joined source, MT and target as a new version; the next one leaves the document's list but keeps
     * its row and history (a last version says where it went); the segments after it move up one. Both versions
     * must be current; approved, locked and last segments are refused, as is a merge across units of a bilingual
     * file.
     */
    @Transactional
    public Segment merge(long segmentId, int expectedVersion, int nextVersion, String user) {
        currentUser.require(Permission.EDIT_TARGETS, "merge segments");
        Segment segment = lockedForRestructuring(segmentId, expectedVersion);
        int ordinal = segment.ordinal();
        Segment next = segments.atOrdinal(segment.documentId(), ordinal + 1).orElseThrow(() ->
                new SegmentEditRejectedException("Segment " + ordinal + " is the last one: there is no next "
                        + "segment to merge it with."));
        if (next.version() != nextVersion) {
            throw new StaleSegmentException(next);
        }
        requireOpen(segment, "merged");
        requireOpen(next, "merged");
        boolean acrossParagraphs = !segment.unitId().equals(next.unitId());
        if (acrossParagraphs) {
            requireMergeableAcross(segment, next);
        }
        SegmentRepository.Parts joined = acrossParagraphs ? SegmentMerge.acrossParagraphs(segment, next)
                : SegmentMerge.of(segment, next);
        SegmentStatus status = SegmentMerge.status(segment, next);
        // the survivor's whitespace after: across paragraphs its own (what ends its paragraph, where the joined
        // text stays), within one the absorbed segment's (what followed the joined text in the file)
        String spaceAfter = acrossParagraphs ? segment.spaceAfter() : next.spaceAfter();
        Instant now = clock.instant();
        if (!segments.updateMerged(segment.id(), expectedVersion, joined, spaceAfter, status, user, now)) {
            throw new StaleSegmentException(load(segment.id()));
        }
        versions.append(segment.id(), expectedVersion + 1, joined.target(), status, user, now,
                "merged with #" + next.ordinal());
        if (acrossParagraphs) {
            segments.passSpaceBefore(next);  // before the ordinals after it move up
        }
        if (!segments.retire(next, segment.id(), nextVersion, user, now)) {
            throw new StaleSegmentException(load(next.id()));
        }
        versions.append(next.id(), nextVersion + 1, next.target(), next.status(), user, now,
                "merged into #" + ordinal);
        effort.recordDistances(segment.id(), joined.mt(), joined.target());
        effort.moveEditingTime(next.id(), segment.id());
        events.publishEvent(new SegmentsChanged(segment.documentId(), List.of(segment.id()), user, true));
        log.info("Segment {} of document {} merged with segment {} by {}", segment.id(), segment.documentId(),
                next.id(), user);
        return load(segment.id());
    }

    /**
     * A merge across paragraphs (units) is for monolingual files only: the rebuilt file puts the joined text in the
     * survivor's paragraph. A bilingual unit pairs a source with its target, and a text moved into another unit
     * would leave both misaligned. The absorbed segment's inline tags belong to its own paragraph's markup (their
     * ids are that paragraph's), so a segment with tags is not taken into another paragraph.
     */
    private void requireMergeableAcross(Segment segment, Segment next) {
        boolean bilingual = documents.find(segment.documentId()).map(d -> d.format().bilingual()).orElse(true);
        if (bilingual) {
            throw new SegmentEditRejectedException("Segments " + segment.ordinal() + " and " + next.ordinal()
                    + " are in different units of this bilingual file; a merge stays within one unit, so each "
                    + "source keeps its target.");
        }
        if (next.target().hasCodes() || next.mt().hasCodes()
                || next.source() != null && next.source().hasCodes()) {
            throw new SegmentEditRejectedException("Segment " + next.ordinal() + " starts another paragraph and "
                    + "has inline tags, which belong to that paragraph's markup; it cannot be merged into the "
                    + "paragraph before it.");
        }
    }

    /** The segment a retired segment was merged into, if it was. */
    public java.util.Optional<Segment> mergedInto(long segmentId) {
        return segments.mergedInto(segmentId).flatMap(segments::find);
    }

    private SegmentEditRejectedException merged(Segment segment) {
        String into = segments.mergedInto(segment.id()).flatMap(segments::find)
                .map(s -> " into segment " + s.ordinal()).orElse("");
        return new SegmentEditRejectedException("This segment was merged" + into + "; edit that one instead.");
    }

    /** The two segments a split leaves. */
    public record Split(Segment first, Segment second) {
    }

    /** A key unique in the unit (XLIFF exports name segments by unit and key): the split key plus "-2", "-3"... */
    private String tailKey(Segment segment) {
        java.util.Set<String> taken = segments.segmentKeys(segment.documentId(), segment.unitId());
        for (int n = 2; ; n++) {
            String key = segment.segmentKey() + "-" + n;
            if (!taken.contains(key)) {
                return key;
            }
        }
    }

    private static void requireOpen(Segment segment, String action) {
        if (segment.locked()) {
            throw new SegmentEditRejectedException("Segment " + segment.ordinal()
                    + " is locked in the file (not to be translated), so it cannot be " + action + ".");
        }
        if (segment.status() == SegmentStatus.APPROVED) {
            throw new SegmentEditRejectedException("Segment " + segment.ordinal() + " is approved, so it cannot be "
                    + action + "; an approver has to reject it first.");
        }
    }

    /** The status a confirmation by the signed-in user gives in this document. */
    public SegmentStatus confirmStatus(long documentId) {
        return ConfirmStatus.forUser(currentUser.authentication(), oneStepReview(documentId));
    }

    private boolean oneStepReview(long documentId) {
        return documents.find(documentId).map(org.postedit.workbench.document.Document::oneStepReview)
                .orElse(false);
    }

    private static void requireCodes(Segment segment, TaggedText target) {
        List<String> problems = CodeIntegrity.problems(segment.mt().hasCodes() ? segment.mt() : segment.target(),
                target);
        if (!problems.isEmpty()) {
            throw new SegmentEditRejectedException(String.join(" ", problems)
                    + " Inline codes hold the file's formatting; keep every one of them.");
        }
    }

    public List<SegmentVersion> history(long segmentId) {
        load(segmentId);
        return versions.history(segmentId);
    }

    public Segment segment(long segmentId) {
        return load(segmentId);
    }

    private Segment write(Segment segment, int expectedVersion, TaggedText target, SegmentStatus status,
                          String user, String comment) {
        return write(segment, expectedVersion, target, status, user, comment, true);
    }

    /**
     * @param publish whether to announce the change now; bulk changes announce all their segments in one event
     */
    private Segment write(Segment segment, int expectedVersion, TaggedText target, SegmentStatus status,
                          String user, String comment, boolean publish) {
        if (segment.ordinal() < 1) {
            throw merged(segment);
        }
        if (segment.locked()) {
            throw new SegmentEditRejectedException(
                    "Segment " + segment.ordinal() + " is locked in the file (not to be translated).");
        }
        if (segment.version() != expectedVersion) {
            throw new StaleSegmentException(segment);
        }
        Instant now = clock.instant();
        if (!segments.updateTarget(segment.id(), expectedVersion, target, status, user, now)) {
            throw new StaleSegmentException(load(segment.id()));
        }
        try {
            versions.append(segment.id(), expectedVersion + 1, target, status, user, now, comment);
        } catch (DuplicateKeyException raced) {
            // H2 can let a second update "where version = n" through once the first commits; the unique
            // (segment, version) key stops it here: it lost the race like any stale save, and rolls back whole
            throw new StaleSegmentException(committed(segment.id()));
        }
        if (!target.equals(segment.target())) {
            effort.recordDistances(segment.id(), segment.mt(), target);
        }
        if (publish) {
            // listeners (open grids, checks) run after the commit: they never see a change that was rolled back
            events.publishEvent(new SegmentsChanged(segment.documentId(), List.of(segment.id()), user));
        }
        log.info("Segment {} of document {} -> {} (version {}) by {}", segment.id(), segment.documentId(), status,
                expectedVersion + 1, user);
        return load(segment.id());
    }

    /** The segment as committed, read outside this (failing) transaction, for the conflict message. */
    private Segment committed(long segmentId) {
        TransactionTemplate separate = new TransactionTemplate(transactions);
        separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        separate.setReadOnly(true);
        return separate.execute(status -> load(segmentId));
    }

    private Segment load(long segmentId) {
        return segments.find(segmentId).orElseThrow(() -> new SegmentNotFoundException(segmentId));
    }
}

package org.postedit.workbench.review;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.SegmentFilter;
import org.postedit.workbench.document.SegmentRepository;
import org.postedit.workbench.document.SegmentStatus;
import org.postedit.workbench.document.SegmentsChanged;
import org.postedit.workbench.document.TaggedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only writer of segment targets and versions. Every change names the version it was made on; a stale
 * version is refused so two reviewers never silently overwrite each other, and every change appends a version.
 */
@Service
public class ReviewService {

    private static final Logger log = LoggerFactory.getLogger(ReviewService.class);

    private final SegmentRepository segments;
    private final SegmentVersionRepository versions;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public ReviewService(SegmentRepository segments, SegmentVersionRepository versions, Clock clock,
                         ApplicationEventPublisher events) {
        this.segments = segments;
        this.versions = versions;
        this.clock = clock;
        this.events = events;
    }

    /** Saves an edited target; the segment becomes "edited". */
    @Transactional
    public Segment save(long segmentId, int expectedVersion, TaggedText target, String user) {
        Segment segment = load(segmentId);
        if (segment.version() != expectedVersion) {
            throw new StaleSegmentException(segment);
        }
        requireCodes(segment, target);
        return changed(write(segment, expectedVersion, target, SegmentStatus.EDITED, user, null), user);
    }

    /**
     * Saves and confirms a segment with the highest status the signed-in user may set: approvers approve,
     * reviewers mark it reviewed, everyone else (translators, post-editors) marks it edited.
     */
    @Transactional
    public Segment confirm(long segmentId, int expectedVersion, TaggedText target, String user) {
        Segment segment = load(segmentId);
        if (segment.version() != expectedVersion) {
            throw new StaleSegmentException(segment);
        }
        requireCodes(segment, target);
        return changed(write(segment, expectedVersion, target, ConfirmStatus.forCurrentUser(), user, null), user);
    }

    /**
     * Confirms every segment of a document that the filter selects, each with a version, at the status the user's
     * roles allow. Locked segments, approved segments and segments already at that status are left alone.
     *
     * @return how many segments changed
     */
    @Transactional
    public int confirmAll(long documentId, SegmentFilter filter, String user) {
        SegmentStatus status = ConfirmStatus.forCurrentUser();
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
            write(segment, segment.version(), segment.target(), status, user, "confirmed in bulk");
            changed.add(segment.id());
        }
        if (!changed.isEmpty()) {
            events.publishEvent(new SegmentsChanged(documentId, changed, user));
        }
        log.info("{} confirmed {} segments of document {} as {}", user, changed.size(), documentId, status);
        return changed.size();
    }

    @Transactional
    public Segment approve(long segmentId, int expectedVersion, String user) {
        Segment segment = load(segmentId);
        return changed(write(segment, expectedVersion, segment.target(), SegmentStatus.APPROVED, user, null), user);
    }

    /** Sends a segment back for work; the reason is required, so whoever picks it up knows what to fix. */
    @Transactional
    public Segment reject(long segmentId, int expectedVersion, String user, String comment) {
        if (comment == null || comment.isBlank()) {
            throw new SegmentEditRejectedException("Say why the segment is rejected: a comment is required.");
        }
        Segment segment = load(segmentId);
        return changed(write(segment, expectedVersion, segment.target(), SegmentStatus.REJECTED, user,
                comment.strip()), user);
    }

    /**
     * Brings back the text of an earlier version (0 is the MT) as a new version: history is never rewritten.
     * The segment becomes "edited", whatever the status of the version brought back.
     */
    @Transactional
    public Segment revert(long segmentId, int expectedVersion, int toVersion, String user) {
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
        return changed(write(segment, expectedVersion, text, SegmentStatus.EDITED, user,
                "reverted to version " + toVersion), user);
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
        versions.append(segment.id(), expectedVersion + 1, target, status, user, now, comment);
        log.info("Segment {} of document {} -> {} (version {}) by {}", segment.id(), segment.documentId(), status,
                expectedVersion + 1, user);
        return load(segment.id());
    }

    /** Tells the checks (and anyone else listening) after the commit that the segment changed. */
    private Segment changed(Segment segment, String user) {
        events.publishEvent(new SegmentsChanged(segment.documentId(), List.of(segment.id()), user));
        return segment;
    }

    private Segment load(long segmentId) {
        return segments.find(segmentId).orElseThrow(() -> new SegmentNotFoundException(segmentId));
    }
}

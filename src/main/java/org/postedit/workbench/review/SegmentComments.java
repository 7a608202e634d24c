package org.postedit.workbench.review;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.postedit.workbench.document.SegmentRepository;
import org.postedit.workbench.security.CurrentUser;
import org.postedit.workbench.security.Permission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A comment thread per segment. Everyone signed in reads; {@link Permission#DISCUSS} writes (adds and resolves).
 * Comments are kept for good: resolving marks one as done, with who and when.
 */
@Service
public class SegmentComments {

    /** More than any note on one segment; a longer text is refused with a message rather than cut. */
    public static final int MAX_LENGTH = 4000;

    private static final Logger log = LoggerFactory.getLogger(SegmentComments.class);

    private final SegmentCommentRepository comments;
    private final SegmentRepository segments;
    private final CurrentUser currentUser;
    private final Clock clock;

    public SegmentComments(SegmentCommentRepository comments, SegmentRepository segments, CurrentUser currentUser,
                           Clock clock) {
        this.comments = comments;
        this.segments = segments;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public List<SegmentComment> thread(long segmentId) {
        requireSegment(segmentId);
        return comments.thread(segmentId);
    }

    @Transactional
    public SegmentComment add(long segmentId, String text, String author) {
        currentUser.require(Permission.DISCUSS, "comment on segments");
        requireSegment(segmentId);
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new SegmentEditRejectedException("Write something: an empty comment is not added.");
        }
        if (body.length() > MAX_LENGTH) {
            throw new SegmentEditRejectedException("A comment holds at most " + MAX_LENGTH + " characters; this one has "
                    + body.length() + ".");
        }
        long id = comments.insert(segmentId, author, body, clock.instant());
        log.info("{} commented on segment {}", author, segmentId);
        return comments.find(id).orElseThrow();
    }

    @Transactional
    public SegmentComment resolve(long commentId, String user) {
        currentUser.require(Permission.DISCUSS, "resolve comments");
        SegmentComment comment = comments.find(commentId).orElseThrow(() ->
                new SegmentEditRejectedException("There is no comment " + commentId + "."));
        if (!comment.resolved()) {
            comments.resolve(commentId, user, clock.instant());
        }
        return comments.find(commentId).orElseThrow();
    }

    /** Comment counts of the segments of a document that have comments (the grid's comment column). */
    public Map<Long, CommentCount> counts(long documentId) {
        return comments.counts(documentId);
    }

    private void requireSegment(long segmentId) {
        if (segments.find(segmentId).isEmpty()) {
            throw new SegmentNotFoundException(segmentId);
        }
    }
}

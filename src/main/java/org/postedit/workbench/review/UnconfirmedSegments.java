package org.postedit.workbench.review;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.SegmentFilter;
import org.postedit.workbench.document.SegmentStatus;
import org.postedit.workbench.security.CurrentUser;
import org.springframework.stereotype.Service;

/**
 * Finds the next segment still to be confirmed by the signed-in user: one whose status is below the status the
 * user's confirmation would give (a translator's are new and rejected ones; a reviewer's also edited ones; an
 * approver's everything not approved), not locked. Searched in SQL, so it is as quick at segment 49,000 as at 1.
 */
@Service
public class UnconfirmedSegments {

    private static final int PAGE = 200;

    private final DocumentService documents;
    private final CurrentUser currentUser;

    public UnconfirmedSegments(DocumentService documents, CurrentUser currentUser) {
        this.documents = documents;
        this.currentUser = currentUser;
    }

    /** The statuses that are still to be confirmed by whoever confirms with {@code confirmStatus}. */
    static Set<SegmentStatus> below(SegmentStatus confirmStatus) {
        return switch (confirmStatus) {
            case APPROVED -> EnumSet.of(SegmentStatus.NEW, SegmentStatus.EDITED, SegmentStatus.REVIEWED,
                    SegmentStatus.REJECTED);
            case REVIEWED -> EnumSet.of(SegmentStatus.NEW, SegmentStatus.EDITED, SegmentStatus.REJECTED);
            default -> EnumSet.of(SegmentStatus.NEW, SegmentStatus.REJECTED);
        };
    }

    /** The first unconfirmed segment after {@code ordinal}, wrapping round to the start; empty when none is left. */
    public Optional<Segment> after(long documentId, int ordinal) {
        SegmentFilter filter = new SegmentFilter(below(ConfirmStatus.forUser(currentUser.authentication(),
                documents.document(documentId).oneStepReview())), null, false);
        int start = documents.indexOf(documentId, filter, ordinal + 1);
        Optional<Segment> found = firstUnlocked(documentId, filter, start, Integer.MAX_VALUE);
        return found.isPresent() ? found : firstUnlocked(documentId, filter, 0, ordinal);
    }

    private Optional<Segment> firstUnlocked(long documentId, SegmentFilter filter, int from, int beforeOrdinal) {
        for (int offset = from; ; offset += PAGE) {
            List<Segment> page = documents.page(documentId, filter, offset, PAGE);
            for (Segment segment : page) {
                if (segment.ordinal() >= beforeOrdinal) {
                    return Optional.empty();
                }
                if (!segment.locked()) {
                    return Optional.of(segment);
                }
            }
            if (page.size() < PAGE) {
                return Optional.empty();
            }
        }
    }
}

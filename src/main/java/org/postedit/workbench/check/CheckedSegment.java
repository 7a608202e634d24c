package org.postedit.workbench.check;

import java.util.List;

/**
 * The outcome of checking one version of a segment, ready to store.
 *
 * @param version  the segment version that was checked; stored only while it is still the current one
 * @param text     the plain target text the issue offsets count in
 * @param complete false when a checker failed or ran out of time on it
 */
record CheckedSegment(long segmentId, int version, String text, List<Issue> issues, boolean complete) {
}

package org.postedit.workbench.check;

/**
 * A stored issue with what a report needs around it.
 *
 * @param ordinal     the segment's position in its document
 * @param coveredText what the issue covered when it was found
 * @param target      the segment's current plain target text
 * @param current     whether {@code target} is still the text the issue was found in (offsets are valid in it)
 * @param ignored     whether someone ignored it (for this text, or the rule in this document)
 */
public record ReportedIssue(long segmentId, int ordinal, Issue issue, String coveredText, String target,
                            boolean current, boolean ignored) {
}

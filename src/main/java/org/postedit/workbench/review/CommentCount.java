package org.postedit.workbench.review;

/** How many comments a segment has, and how many of them are still open. */
public record CommentCount(int total, int open) {

    public static final CommentCount NONE = new CommentCount(0, 0);
}

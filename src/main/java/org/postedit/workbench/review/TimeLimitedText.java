package org.postedit.workbench.review;

/**
 * Text that stops a regular expression once a deadline has passed. Java's regex engine has no timeout, but it
 * reads the text through {@link #charAt}, so a pattern that backtracks without end (e.g. {@code (.*a){12}x}) hits the
 * check here and is stopped with a message instead of tying up a server thread.
 */
final class TimeLimitedText implements CharSequence {

    private final String text;
    private final long deadlineNanos;
    private final String tooSlow;
    private int reads;

    TimeLimitedText(String text, long deadlineNanos, String tooSlow) {
        this.text = text;
        this.deadlineNanos = deadlineNanos;
        this.tooSlow = tooSlow;
    }

    @Override
    public char charAt(int index) {
        // the clock is read every 4096 characters: cheap enough for ordinary searches
        if ((++reads & 0xFFF) == 0 && System.nanoTime() - deadlineNanos > 0) {
            throw new FindRejectedException(tooSlow);
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.substring(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}

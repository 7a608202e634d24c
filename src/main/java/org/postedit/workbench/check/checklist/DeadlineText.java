package org.postedit.workbench.check.checklist;

/**
 * A text that stops a regular expression at a deadline. {@link java.util.regex.Matcher} cannot be interrupted, but
 * every step of its backtracking reads a character, so reading one after the deadline throws {@link TimedOut} and
 * ends the match: a catastrophic pattern ({@code (a+)+$} on {@code aaaa...b}) costs its time limit, not a thread.
 */
final class DeadlineText implements CharSequence {

    /** Thrown when a match runs past its deadline. No stack trace: it is control flow, caught and reported. */
    static final class TimedOut extends RuntimeException {
        TimedOut() {
            super("The regular expression ran past its time limit", null, false, false);
        }
    }

    private final CharSequence text;
    private final long deadlineNanos;
    private int reads;

    DeadlineText(CharSequence text, long deadlineNanos) {
        this.text = text;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public char charAt(int index) {
        // reading the clock costs more than a character; every 1024th read is often enough (microseconds apart)
        if ((++reads & 1023) == 0 && System.nanoTime() - deadlineNanos > 0) {
            throw new TimedOut();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new DeadlineText(text.subSequence(start, end), deadlineNanos);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}

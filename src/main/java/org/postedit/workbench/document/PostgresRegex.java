package org.postedit.workbench.document;

/**
 * Rewrites the Java regex constructs whose meaning PostgreSQL's engine (POSIX ARE) reads differently without an
 * error: {@code \b} is a backspace there and its word boundary is {@code \y} ({@code \B}: {@code \Y}), Java's
 * {@code \z} is ARE's {@code \Z}, and ARE has no {@code \Q...\E} quoting. Constructs ARE lacks altogether
 * ({@code \p{L}}, possessive quantifiers) stay as they are: PostgreSQL refuses them instead of matching wrongly.
 */
final class PostgresRegex {

    private PostgresRegex() {
    }

    static String of(String java) {
        StringBuilder are = new StringBuilder(java.length() + 8);
        boolean inClass = false;
        for (int i = 0; i < java.length(); i++) {
            char c = java.charAt(i);
            if (c == '\\' && i + 1 < java.length()) {
                char next = java.charAt(++i);
                if (next == 'Q') {
                    int end = java.indexOf("\\E", i + 1);
                    String literal = java.substring(i + 1, end < 0 ? java.length() : end);
                    literal.chars().forEach(ch -> {
                        if (!Character.isLetterOrDigit(ch) && !Character.isWhitespace(ch)) {
                            are.append('\\');
                        }
                        are.append((char) ch);
                    });
                    i = end < 0 ? java.length() : end + 1;
                } else if (!inClass && (next == 'b' || next == 'B' || next == 'z')) {
                    are.append('\\').append(next == 'b' ? 'y' : next == 'B' ? 'Y' : 'Z');
                } else {
                    are.append(c).append(next);
                }
                continue;
            }
            if (c == '[' && !inClass) {
                inClass = true;
            } else if (c == ']' && inClass) {
                inClass = false;
            }
            are.append(c);
        }
        return are.toString();
    }
}

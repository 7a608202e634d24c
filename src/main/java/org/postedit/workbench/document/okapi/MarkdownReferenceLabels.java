package org.postedit.workbench.document.okapi;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The labels of Markdown link reference definitions ({@code [npm-url]: https://...}). Okapi's Markdown filter
 * extracts such a label as text when a link uses it in a way it considers visible; it is an identifier, never
 * prose, so a paragraph that is exactly a label is not offered for review.
 */
final class MarkdownReferenceLabels {

    private static final Pattern DEFINITION = Pattern.compile("(?m)^ {0,3}\\[([^\\]\\n]+)]:\\s*\\S");

    private MarkdownReferenceLabels() {
    }

    static Set<String> in(String markdown) {
        Set<String> labels = new HashSet<>();
        if (markdown == null) {
            return labels;
        }
        Matcher definition = DEFINITION.matcher(markdown);
        while (definition.find()) {
            labels.add(definition.group(1).strip());
        }
        return labels;
    }
}

package org.postedit.workbench.check.checklist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * A rule's replacement with Java's syntax ({@code $1}, {@code ${name}}, {@code \$} for a dollar), expanded for one
 * match only: the suggestion replaces the matched range, not the whole text.
 */
final class Replacement {

    private Replacement() {
    }

    /** Problems of a replacement for a pattern, in words; empty when it is fine. */
    static List<String> problems(String replacement, Pattern pattern) {
        List<String> problems = new ArrayList<>();
        int groups = pattern.matcher("").groupCount();
        Map<String, Integer> named = pattern.namedGroups();
        for (int i = 0; i < replacement.length(); i++) {
            char c = replacement.charAt(i);
            if (c == '\\') {
                if (i + 1 == replacement.length()) {
                    problems.add("The replacement ends with a lone backslash.");
                }
                i++;
            } else if (c == '$') {
                if (i + 1 < replacement.length() && replacement.charAt(i + 1) == '{') {
                    int close = replacement.indexOf('}', i);
                    String name = close < 0 ? "" : replacement.substring(i + 2, close);
                    if (close < 0 || !named.containsKey(name)) {
                        problems.add("The replacement refers to a group “" + name + "” the pattern does not have.");
                        return problems;
                    }
                    i = close;
                } else if (i + 1 < replacement.length() && Character.isDigit(replacement.charAt(i + 1))) {
                    int group = replacement.charAt(i + 1) - '0';
                    if (group > groups) {
                        problems.add("The replacement refers to group $" + group + " but the pattern has "
                                + groups + (groups == 1 ? " group." : " groups."));
                    }
                    i++;
                } else {
                    problems.add("A “$” in the replacement must name a group ($1, ${name}) or be written \\$.");
                }
            }
        }
        return problems;
    }

    /** The replacement for one match; assumes {@link #problems} found none. */
    static String expand(String replacement, MatchResult match, Pattern pattern) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < replacement.length(); i++) {
            char c = replacement.charAt(i);
            if (c == '\\' && i + 1 < replacement.length()) {
                out.append(replacement.charAt(++i));
            } else if (c == '$' && i + 1 < replacement.length() && replacement.charAt(i + 1) == '{') {
                int close = replacement.indexOf('}', i);
                String group = match.group(pattern.namedGroups().get(replacement.substring(i + 2, close)));
                out.append(group == null ? "" : group);
                i = close;
            } else if (c == '$' && i + 1 < replacement.length() && Character.isDigit(replacement.charAt(i + 1))) {
                String group = match.group(replacement.charAt(++i) - '0');
                out.append(group == null ? "" : group);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}

package org.postedit.workbench.check.typography;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.postedit.workbench.check.Issue;
import org.postedit.workbench.check.IssueSeverity;
import org.postedit.workbench.check.text.LanguageTags;

/**
 * English only: an article, preposition or conjunction capitalised in the middle of a sentence ("create A better
 * policy", "developed In the"). It fires only between two lower-case words, so titles ("Ministry Of Industry"),
 * sentence starts, text after a colon or a quote, and names that end in a capital ("Plan A", "Vitamin A deficiency",
 * "an A in maths") are left alone, as are words inside a glossary term.
 */
final class CapitalisedFunctionWord implements TypographyRule {

    private static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "the", "and", "or", "but", "nor", "of", "in",
            "on", "at", "to", "for", "with", "by", "from", "into", "onto", "upon", "about", "over", "under", "between",
            "among", "through", "during", "without", "within", "via", "per", "against", "toward", "towards", "than");

    /** Words after which a capital "A" is a name or a grade, not an article. */
    private static final Set<String> BEFORE_LETTER_A = Set.of("a", "an", "the", "this", "that", "his", "her", "its",
            "their", "our", "my", "your", "vitamin", "plan", "type", "class", "grade", "group", "category", "option",
            "level", "part", "section", "appendix", "annex", "exhibit", "schedule", "round", "step", "phase", "model",
            "series", "form", "block", "building", "zone", "team", "row", "column", "size", "track", "side", "point",
            "list", "tier", "line", "gate", "hall", "room", "floor", "wing", "unit", "share", "shares", "letter");

    @Override
    public String id() {
        return "capitalised-function-word";
    }

    @Override
    public boolean appliesTo(String targetLanguage) {
        return LanguageTags.isEnglish(targetLanguage);
    }

    @Override
    public void check(TypographyText typed, List<Issue> issues) {
        String text = typed.text();
        int i = 0;
        while (i < text.length()) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int end = wordEnd(text, i);
            String word = text.substring(i, end);
            if (isCapitalisedFunctionWord(word) && precededByLowerWord(text, i) && followedByLowerWord(text, end)
                    && !(word.equals("A") && BEFORE_LETTER_A.contains(previousWord(text, i).toLowerCase(Locale.ROOT)))
                    && !typed.inGlossaryTerm(i, end)) {
                String lower = word.toLowerCase(Locale.ROOT);
                issues.add(issue(IssueSeverity.WARNING, i, end - i,
                        "“" + word + "” is capitalised in the middle of a sentence.", List.of(lower)));
            }
            i = end;
        }
    }

    private static boolean isCapitalisedFunctionWord(String word) {
        if (!Character.isUpperCase(word.charAt(0)) || !FUNCTION_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
            return false;
        }
        for (int k = 1; k < word.length(); k++) {
            if (!Character.isLowerCase(word.charAt(k))) {
                return false; // "AND", "OR" are emphasis or operators
            }
        }
        return true;
    }

    private static int wordEnd(String text, int start) {
        int end = start;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /** A single space, then a word of lower-case letters only. */
    private static boolean precededByLowerWord(String text, int start) {
        if (start < 2 || text.charAt(start - 1) != ' ' || !Character.isLetter(text.charAt(start - 2))) {
            return false;
        }
        String previous = previousWord(text, start);
        if (previous.isEmpty() || previous.length() < start - 1 && isWordGlue(text.charAt(start - 2 - previous.length()))) {
            return false;
        }
        return previous.chars().allMatch(Character::isLowerCase);
    }

    private static boolean isWordGlue(char c) {
        return c == '-' || c == '\'' || c == '’' || c == '.' || c == '_' || c == '/';
    }

    private static String previousWord(String text, int start) {
        int end = start - 1;
        if (end < 1 || text.charAt(end) != ' ') {
            return "";
        }
        int begin = end;
        while (begin > 0 && Character.isLetter(text.charAt(begin - 1))) {
            begin--;
        }
        return text.substring(begin, end);
    }

    private static boolean followedByLowerWord(String text, int end) {
        return end + 1 < text.length() && text.charAt(end) == ' ' && Character.isLowerCase(text.charAt(end + 1));
    }
}

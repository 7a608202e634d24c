package org.postedit.workbench.check.typography;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.postedit.workbench.check.Issue;
import org.postedit.workbench.check.IssueSeverity;
import org.postedit.workbench.check.text.LanguageTags;

/**
 * Brackets and quotes that do not pair up: a "(" never closed, a "”" never opened, an odd number of straight
 * double quotes. Left alone: list markers ("1)", "a)"), emoticons (":)"), and in bilingual segments a pair the
 * source leaves open the same way (a quotation split over several segments). German pairs „ with “, French « ».
 */
final class UnbalancedPairs implements TypographyRule {

    private static final String BRACKETS_OPEN = "([{（［｛【《「『";
    private static final String BRACKETS_CLOSE = ")]}）］｝】》」』";

    @Override
    public String id() {
        return "unbalanced-pairs";
    }

    @Override
    public boolean appliesTo(String targetLanguage) {
        return true;
    }

    @Override
    public void check(TypographyText typed, List<Issue> issues) {
        String text = typed.text();
        String quotesOpen = LanguageTags.primary(typed.language()).equals("de") ? "„‚" : "“«";
        String quotesClose = LanguageTags.primary(typed.language()).equals("de") ? "“‘" : "”»";
        List<int[]> unpaired = unpaired(text, BRACKETS_OPEN + quotesOpen, BRACKETS_CLOSE + quotesClose);
        int straight = straightQuoteToReport(text);
        String source = typed.checked().hasSource() ? typed.checked().source().plainText() : null;
        Map<Character, Integer> sourceOpen = new HashMap<>();
        if (source != null) {
            for (int[] u : unpaired(source, BRACKETS_OPEN + "“«„", BRACKETS_CLOSE + "”»“")) {
                sourceOpen.merge(canonical(source.charAt(u[0])), 1, Integer::sum);
            }
        }
        for (int[] u : unpaired) {
            char c = text.charAt(u[0]);
            if (sourceOpen.merge(canonical(c), -1, Integer::sum) >= 0) {
                continue;
            }
            boolean opening = u[1] == 1;
            boolean quote = quotesOpen.indexOf(c) >= 0 || quotesClose.indexOf(c) >= 0;
            issues.add(issue(IssueSeverity.WARNING, u[0], 1, (opening ? "“" + c + "” is never closed." :
                    "“" + c + "” closes " + (quote ? "a quote" : "a bracket") + " that was never opened."), List.of()));
        }
        if (straight >= 0 && (source == null || straightQuoteToReport(source) < 0)) {
            issues.add(issue(IssueSeverity.WARNING, straight, 1, "An odd number of straight double quotes: one of "
                    + "them has no partner.", List.of()));
        }
    }

    /** Positions of unpaired characters, each as {offset, 1 for an opening, 0 for a closing one}. */
    private static List<int[]> unpaired(String text, String open, String close) {
        Deque<Integer> stack = new ArrayDeque<>();
        // how many of each opener are on the stack, so a closer finds out in constant time whether it has one
        int[] onStack = new int[open.length()];
        List<int[]> unpaired = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int o = open.indexOf(c);
            int k = close.indexOf(c);
            if (o >= 0 && (k < 0 || stack.isEmpty() || text.charAt(stack.peek()) != open.charAt(k))) {
                stack.push(i);
                onStack[o]++;
            } else if (k >= 0) {
                if (onStack[k] == 0) {
                    if (!isListMarkerOrEmoticon(text, i)) {
                        unpaired.add(new int[] {i, 0});
                    }
                    continue;
                }
                // openers above the matching one were never closed: report them, pair this one
                while (open.indexOf(text.charAt(stack.peek())) != k) {
                    int never = stack.pop();
                    onStack[open.indexOf(text.charAt(never))]--;
                    unpaired.add(new int[] {never, 1});
                }
                stack.pop();
                onStack[k]--;
            }
        }
        for (int i : stack) {
            unpaired.add(new int[] {i, 1});
        }
        unpaired.sort((a, b) -> Integer.compare(a[0], b[0]));
        return unpaired;
    }

    /** "1)", "a)", "iv)" at the start of the text or after white space; ":)" and ";)". */
    private static boolean isListMarkerOrEmoticon(String text, int close) {
        if (text.charAt(close) != ')' && text.charAt(close) != '）') {
            return false;
        }
        if (close > 0 && (text.charAt(close - 1) == ':' || text.charAt(close - 1) == ';')) {
            return true;
        }
        int start = close;
        while (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1)) && close - start < 4) {
            start--;
        }
        return start < close && (start == 0 || Character.isWhitespace(text.charAt(start - 1)));
    }

    /** The last straight double quote when there is an odd number of them, else -1. */
    private static int straightQuoteToReport(String text) {
        int count = 0;
        int last = -1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '"') {
                count++;
                last = i;
            }
        }
        return count % 2 == 1 ? last : -1;
    }

    /** The same kind of pair whatever the script: full-width brackets are their ASCII ones, all quotes one. */
    private static char canonical(char c) {
        return switch (c) {
            case '（', '(' -> '(';
            case '）', ')' -> ')';
            case '［', '【', '[' -> '[';
            case '］', '】', ']' -> ']';
            case '｛', '{' -> '{';
            case '｝', '}' -> '}';
            case '“', '«', '„', '‚', '《', '「', '『' -> '“';
            case '”', '»', '‘', '》', '」', '』' -> '”';
            default -> c;
        };
    }
}

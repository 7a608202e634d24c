package org.postedit.workbench.check.typography;

import java.util.List;

import org.postedit.workbench.check.Issue;
import org.postedit.workbench.check.IssueSeverity;
import org.postedit.workbench.check.text.LanguageTags;
import org.postedit.workbench.check.text.SentenceStart;

/**
 * A sentence that starts with a lower-case letter ("... development. my country has ..."). Left alone: words that
 * are lower-case by design ("iPhone", "eBay", "x86", "www.example.com", "npm"-style code with dots or slashes), words
 * after abbreviations and initials ("e.g. the", "U.S. officials"), a segment whose source starts in lower case too
 * (a continuation), a run-in dateline (reported by its own rule), and texts in scripts without case.
 */
final class LowerCaseSentenceStart implements TypographyRule {

    @Override
    public String id() {
        return "lower-case-sentence-start";
    }

    @Override
    public boolean appliesTo(String targetLanguage) {
        return !LanguageTags.isCjk(targetLanguage);
    }

    @Override
    public void check(TypographyText typed, List<Issue> issues) {
        String text = typed.text();
        int from = Math.max(0, DatelineRunIn.end(text));
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            int end = i;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            int wordEnd = i;
            while (wordEnd < end && Character.isLetter(text.charAt(wordEnd))) {
                wordEnd++;
            }
            if (Character.isLowerCase(c) && SentenceStart.at(text, i) && isPlainWord(text.substring(i, end), wordEnd - i)
                    && !(isSegmentStart(text, i) && continuesSource(typed))) {
                String word = text.substring(i, wordEnd);
                issues.add(issue(IssueSeverity.WARNING, i, wordEnd - i, "The sentence starts with a lower-case letter.",
                        List.of(SentenceStart.capitalise(word))));
            }
            i = end;
        }
    }

    /** Letters only, lower case throughout, up to its trailing punctuation. */
    private static boolean isPlainWord(String token, int letters) {
        if (letters == 0) {
            return false;
        }
        for (int k = 0; k < letters; k++) {
            if (!Character.isLowerCase(token.charAt(k))) {
                return false;
            }
        }
        if (letters < token.length()) {
            char next = token.charAt(letters);
            if (Character.isLetterOrDigit(next) || next == '.' && letters + 1 < token.length() || next == '/'
                    || next == '_' || next == '@') {
                return false;
            }
        }
        return true;
    }

    private static boolean isSegmentStart(String text, int i) {
        for (int k = 0; k < i; k++) {
            if (Character.isLetterOrDigit(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** A bilingual segment whose source starts in lower case continues a sentence (a list item, a split cell). */
    private static boolean continuesSource(TypographyText typed) {
        if (!typed.checked().hasSource()) {
            return false;
        }
        String source = typed.checked().source().plainText();
        for (int k = 0; k < source.length(); k++) {
            char c = source.charAt(k);
            if (Character.isLetter(c)) {
                return Character.isLowerCase(c);
            }
        }
        return false;
    }
}

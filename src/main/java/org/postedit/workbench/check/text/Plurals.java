package org.postedit.workbench.check.text;

import java.util.Locale;

/**
 * Gives a suggested term the number of the inflected term it replaces ("star open source projects" becomes
 * "flagship projects", not "flagship project"). English only: other languages get the term as the glossary has it,
 * which is still the right word, in the wrong form at worst.
 */
public final class Plurals {

    private Plurals() {
    }

    /** {@code term} with its last word in the plural when {@code found}'s last word is an English plural. */
    public static String inflectLike(String term, String found, String language) {
        term = term.strip();
        String foundWord = lastWord(found);
        String termWord = lastWord(term);
        if (!LanguageTags.isEnglish(language) || termWord.isEmpty() || foundWord.isEmpty()
                || !foundWord.toLowerCase(Locale.ROOT).endsWith("s")
                || termWord.toLowerCase(Locale.ROOT).endsWith("s")
                // a name ("China") replacing a common noun keeps its form
                || Character.isUpperCase(termWord.charAt(0)) && !Character.isUpperCase(foundWord.charAt(0))) {
            return term;
        }
        return term.substring(0, term.length() - termWord.length()) + plural(termWord);
    }

    static String plural(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.endsWith("ch") || lower.endsWith("sh") || lower.endsWith("x") || lower.endsWith("z")) {
            return word + "es";
        }
        if (lower.length() > 1 && lower.endsWith("y") && "aeiou".indexOf(lower.charAt(lower.length() - 2)) < 0) {
            return word.substring(0, word.length() - 1) + "ies";
        }
        return word + "s";
    }

    private static String lastWord(String text) {
        String stripped = text.strip();
        int space = stripped.lastIndexOf(' ');
        return space < 0 ? stripped : stripped.substring(space + 1);
    }
}

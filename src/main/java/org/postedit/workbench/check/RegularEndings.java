package org.postedit.workbench.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The forms a word the dictionaries do not know may take in running text: plural, possessive, simple verb endings.
 * LanguageTool's tagger has no lemma for an unknown word, so "OpenHarmony's" or "workbenches" can only be traced
 * back to a project word by its ending.
 */
final class RegularEndings {

    /** Longest first, so "workbenches" is tried as "workbench" + "es" before "workbenche" + "s". */
    private static final Map<String, List<String>> ENDINGS = Map.of(
            "en", List.of("ing", "'s", "\u2019s", "es", "ed", "s", "d", "'", "\u2019"),
            "de", List.of("ern", "en", "em", "er", "es", "e", "n", "s"),
            "fr", List.of("es", "s", "x", "e"),
            "pt", List.of("es", "s"));

    private RegularEndings() {
    }

    /** The lower-cased word itself and the stems it may be an inflection of, most likely first. */
    static List<String> stems(String language, String word) {
        String lower = word.strip().toLowerCase(Locale.ROOT);
        List<String> stems = new ArrayList<>(4);
        stems.add(lower);
        for (String ending : ENDINGS.getOrDefault(primary(language), List.of())) {
            if (lower.length() > ending.length() + 1 && lower.endsWith(ending)) {
                String stem = lower.substring(0, lower.length() - ending.length());
                stems.add(stem);
                if (ending.equals("es") && stem.endsWith("i")) {
                    stems.add(stem.substring(0, stem.length() - 1) + "y"); // "companies" for "company"
                }
            }
        }
        return stems;
    }

    static String primary(String language) {
        if (language == null) {
            return "";
        }
        int dash = language.indexOf('-');
        int underscore = language.indexOf('_');
        int cut = dash < 0 ? underscore : underscore < 0 ? dash : Math.min(dash, underscore);
        return (cut < 0 ? language : language.substring(0, cut)).toLowerCase(Locale.ROOT);
    }
}

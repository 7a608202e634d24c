package org.postedit.workbench.check.text;

import java.util.Locale;
import java.util.Set;

/** What the text checks need to know of a BCP 47 tag. */
public final class LanguageTags {

    private static final Set<String> CJK = Set.of("zh", "ja", "ko", "yue", "wuu", "cmn");

    private LanguageTags() {
    }

    /** "en" for "en-US", "en_GB" or "EN"; "" for null. */
    public static String primary(String tag) {
        if (tag == null) {
            return "";
        }
        int cut = tag.length();
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (c == '-' || c == '_') {
                cut = i;
                break;
            }
        }
        return tag.substring(0, cut).toLowerCase(Locale.ROOT);
    }

    /** Chinese, Japanese, Korean: full-width punctuation is their own. */
    public static boolean isCjk(String tag) {
        return CJK.contains(primary(tag));
    }

    public static boolean isEnglish(String tag) {
        return primary(tag).equals("en");
    }

    /** Whether a rule for {@code ruleTag} ("en", "en-GB") covers a text in {@code tag}; a null rule tag covers all. */
    public static boolean covers(String ruleTag, String tag) {
        if (ruleTag == null || ruleTag.isBlank()) {
            return true;
        }
        if (tag == null) {
            return false;
        }
        String rule = ruleTag.strip().replace('_', '-').toLowerCase(Locale.ROOT);
        String text = tag.strip().replace('_', '-').toLowerCase(Locale.ROOT);
        return text.equals(rule) || text.startsWith(rule + "-");
    }
}

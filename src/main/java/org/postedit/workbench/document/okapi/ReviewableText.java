package org.postedit.workbench.document.okapi;

import java.util.regex.Pattern;

import net.sf.okapi.common.resource.TextFragment;

/**
 * Whether monolingual text holds anything a reviewer could correct: at least one letter outside URLs, e-mail
 * addresses and inline codes. Underlines ("====="), numbers, lone links and code-only units do not.
 */
final class ReviewableText {

    private static final Pattern ADDRESS = Pattern.compile(
            "(?i)\\b(?:https?://|ftp://|www\\.)\\S+|\\b[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+\\b");

    private ReviewableText() {
    }

    static boolean hasWords(String coded) {
        if (!containsLetter(coded)) {
            return false;
        }
        if (coded.indexOf('/') < 0 && coded.indexOf('@') < 0 && coded.indexOf("www.") < 0) {
            return true;
        }
        return containsLetter(ADDRESS.matcher(coded).replaceAll(" "));
    }

    private static boolean containsLetter(String coded) {
        for (int i = 0; i < coded.length(); i++) {
            char c = coded.charAt(i);
            if (TextFragment.isMarker(c)) {
                i++;
            } else if (Character.isLetter(c)) {
                return true;
            }
        }
        return false;
    }
}

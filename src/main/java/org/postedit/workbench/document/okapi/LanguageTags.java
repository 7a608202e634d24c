package org.postedit.workbench.document.okapi;

import java.util.IllformedLocaleException;
import java.util.Locale;

/** Language codes as files write them ({@code zh_CN}, {@code en-us}, {@code FR-CA}) turned into BCP 47 tags. */
final class LanguageTags {

    private LanguageTags() {
    }

    /** The canonical tag ({@code zh-CN}, {@code en-US}, {@code fr-CA}), or null for blank or malformed input. */
    static String normalize(String code) {
        if (code == null || code.isBlank() || code.strip().equals("*all*")) {
            return null;
        }
        String candidate = code.strip().replace('_', '-');
        int encoding = candidate.indexOf('.');   // POSIX "de_DE.UTF-8"
        if (encoding > 0) {
            candidate = candidate.substring(0, encoding);
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(candidate).build();
            return locale.getLanguage().isEmpty() ? null : locale.toLanguageTag();
        } catch (IllformedLocaleException e) {
            return null;
        }
    }
}

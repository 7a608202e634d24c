package org.postedit.workbench.check;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.languagetool.Language;
import org.languagetool.Languages;

/**
 * Which LanguageTool language checks a document's target language. Only the languages whose modules the pom ships
 * (English, German, French, Portuguese) are offered; everything else gets the language-independent checks.
 *
 * <p>A bare tag means the main variant: "en" is en-US, "de" de-DE, "pt" pt-PT, because LanguageTool's bare English
 * or German has no spelling rule at all. A variant LanguageTool lacks falls back to the closest one it has
 * (en-IE, en-IN... spell British; fr-FR is plain French).
 */
final class LanguageToolLanguages {

    private static final Set<String> SHIPPED = Set.of("en", "de", "fr", "pt");
    /** English variants LanguageTool has no dictionary for, whose spelling is British. */
    private static final Set<String> BRITISH_SPELLING = Set.of("IE", "IN", "SG", "HK", "MT", "PK", "NG", "KE", "GH",
            "JM", "LK", "MY", "BD", "UG", "TZ", "ZW", "CY", "GI");
    private static final Map<String, Optional<Language>> RESOLVED = new ConcurrentHashMap<>();

    private LanguageToolLanguages() {
    }

    /** The LanguageTool language for a BCP 47 tag, or empty when LanguageTool does not check it here. */
    static Optional<Language> resolve(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 64) {
            return Optional.empty();
        }
        return RESOLVED.computeIfAbsent(tag, LanguageToolLanguages::lookUp);
    }

    private static Optional<Language> lookUp(String tag) {
        Locale locale = Locale.forLanguageTag(tag.strip().replace('_', '-'));
        String primary = locale.getLanguage();
        if (!SHIPPED.contains(primary) || !Languages.isLanguageSupported(primary)) {
            return Optional.empty();
        }
        String region = locale.getCountry();
        if (!region.isEmpty() && Languages.isLanguageSupported(primary + "-" + region)) {
            return Optional.of(withVariant(Languages.getLanguageForShortCode(primary + "-" + region)));
        }
        if (primary.equals("en") && BRITISH_SPELLING.contains(region)) {
            return Optional.of(Languages.getLanguageForShortCode("en-GB"));
        }
        return Optional.of(withVariant(Languages.getLanguageForShortCode(primary)));
    }

    /** LanguageTool's language if it can spell; its default variant otherwise (bare English, German, Portuguese). */
    private static Language withVariant(Language language) {
        Language variant = language.getDefaultLanguageVariant();
        return language.hasVariant() && variant != null ? variant : language;
    }

    /** The tag of the language LanguageTool really uses, e.g. "en-US" for "en". */
    static String code(Language language) {
        return language.getShortCodeWithCountryAndVariant();
    }
}

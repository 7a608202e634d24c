package org.postedit.workbench.document.okapi;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postedit.workbench.document.DocumentFormat;
import org.postedit.workbench.document.okapi.FormatDetector.DetectedFile;

/**
 * The languages a bilingual file states: XLIFF and TMX in their markup (read by {@link XmlPreflight}), PO in its
 * header's {@code Language:} field or, failing that, in its file name ({@code zh_CN.po}, {@code app.fr.po}).
 * PO never names its source language.
 */
record DeclaredLanguages(String source, String target) {

    private static final Pattern PO_LANGUAGE = Pattern.compile("(?m)^\"Language:[ \\t]*([^\\\\\"]*)");
    private static final Pattern NAMED_LANGUAGE = Pattern.compile(
            "(?:^|[._-])([a-z]{2,3}(?:[_-](?:[A-Za-z]{4}|[A-Z]{2}))?)\\.pot?$");
    private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());

    static DeclaredLanguages of(DetectedFile detected, String fileName) {
        if (detected.xml() != null) {
            return new DeclaredLanguages(detected.xml().sourceLanguage(), detected.xml().targetLanguage());
        }
        if (detected.format() == DocumentFormat.PO) {
            String header = detected.text() == null ? null : poHeaderLanguage(detected.text().text());
            return new DeclaredLanguages(null, header != null ? header : languageInFileName(fileName));
        }
        return new DeclaredLanguages(null, null);
    }

    private static String poHeaderLanguage(String po) {
        Matcher language = PO_LANGUAGE.matcher(po.length() > 8192 ? po.substring(0, 8192) : po);
        return language.find() ? LanguageTags.normalize(language.group(1)) : null;
    }

    static String languageInFileName(String fileName) {
        String name = fileName == null ? "" : fileName.substring(Math.max(fileName.lastIndexOf('/'),
                fileName.lastIndexOf('\\')) + 1);
        Matcher language = NAMED_LANGUAGE.matcher(name);
        if (!language.find()) {
            return null;
        }
        String tag = language.group(1);
        String primary = tag.split("[_-]")[0];
        return ISO_LANGUAGES.contains(primary) ? LanguageTags.normalize(tag) : null;
    }
}

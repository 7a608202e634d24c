package org.postedit.workbench.document.okapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import org.languagetool.Language;
import org.languagetool.Languages;

/**
 * Says which language a text is in, for monolingual files that do not declare one. The only place of the
 * importer that touches LanguageTool, so it can move to {@code check} if LanguageTool types get fenced in.
 *
 * <p>CJK text is recognised by its script (no LanguageTool module exists for it here). Everything else goes
 * through the n-gram detector that LanguageTool's own {@code LanguageIdentifier} is built on, with the profiles
 * of the languages LanguageTool has modules for. {@code LanguageIdentifier} itself cannot be used: its static
 * initialiser insists on Spanish and Catalan modules, which the workbench does not ship. Answers are LanguageTool's
 * default variants ({@code en} becomes {@code en-US}), the form its checkers need.
 *
 * <p>Thread-safe; the profiles load on first use (about 200 ms).
 */
final class TextLanguageDetector {

    private static final int SAMPLE_LIMIT = 4000;
    private static final double MIN_PROBABILITY = 0.9;
    private static final double CJK_SHARE = 0.3;
    /** Common characters that only traditional Chinese writes this way (們, 這, 來, ...) and their simplified forms. */
    private static final String TRADITIONAL = "們這來個國會說時對學將與發經見車長門開問體實點現務東後還為";
    private static final String SIMPLIFIED = "们这来个国会说时对学将与发经见车长门开问体实点现务东后还为";

    private volatile Detector detector;

    /** The BCP 47 code of the text's language, or empty when the text is too short or too mixed to tell. */
    Optional<String> detect(String text) {
        String sample = text.length() > SAMPLE_LIMIT ? text.substring(0, SAMPLE_LIMIT) : text;
        Optional<String> cjk = byScript(sample);
        if (cjk.isPresent()) {
            return cjk;
        }
        return detector().detect(sample);
    }

    static Optional<String> byScript(String sample) {
        int letters = 0;
        int han = 0;
        int kana = 0;
        int hangul = 0;
        int traditional = 0;
        int simplified = 0;
        for (int i = 0; i < sample.length(); ) {
            int cp = sample.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            letters++;
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            switch (script) {
                case HAN -> {
                    han++;
                    if (TRADITIONAL.indexOf(cp) >= 0) {
                        traditional++;
                    } else if (SIMPLIFIED.indexOf(cp) >= 0) {
                        simplified++;
                    }
                }
                case HIRAGANA, KATAKANA -> kana++;
                case HANGUL -> hangul++;
                default -> { }
            }
        }
        int cjk = han + kana + hangul;
        // Latin letters count one by one, CJK characters are whole syllables: weigh them the same anyway
        if (letters == 0 || cjk < CJK_SHARE * letters) {
            return Optional.empty();
        }
        if (hangul > han + kana) {
            return Optional.of("ko");
        }
        if (kana * 10 > han + kana) {
            return Optional.of("ja");
        }
        return Optional.of(traditional > simplified ? "zh-TW" : "zh-CN");
    }

    private Detector detector() {
        Detector d = detector;
        if (d == null) {
            synchronized (this) {
                d = detector;
                if (d == null) {
                    d = new Detector();
                    detector = d;
                }
            }
        }
        return d;
    }

    private static final class Detector {
        private final LanguageDetector ngrams;
        private final TextObjectFactory texts = CommonTextObjectFactories.forDetectingOnLargeText();

        Detector() {
            List<String> codes = Languages.get().stream()
                    .filter(language -> !language.isVariant())
                    .map(Language::getShortCode)
                    .distinct()
                    .filter(code -> LanguageProfileReader.class.getClassLoader()
                            .getResource("languages/" + code) != null)
                    .toList();
            try {
                List<LanguageProfile> profiles = new LanguageProfileReader().read(codes);
                ngrams = LanguageDetectorBuilder.create(NgramExtractors.standard())
                        .withProfiles(profiles)
                        .build();
            } catch (IOException e) {
                throw new UncheckedIOException("Language profiles missing for " + codes, e);
            }
        }

        Optional<String> detect(String sample) {
            List<DetectedLanguage> found = ngrams.getProbabilities(texts.forText(sample));
            if (found.isEmpty() || found.getFirst().getProbability() < MIN_PROBABILITY) {
                return Optional.empty();
            }
            Language language = Languages.getLanguageForShortCode(found.getFirst().getLocale().getLanguage());
            Language variant = language.getDefaultLanguageVariant();
            return Optional.of((variant != null ? variant : language).getShortCodeWithCountryAndVariant());
        }
    }
}

package org.postedit.workbench.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.languagetool.AnalyzedToken;
import org.languagetool.AnalyzedTokenReadings;
import org.languagetool.Language;
import org.languagetool.Languages;
import org.languagetool.tagging.Tagger;
import org.languagetool.tokenizers.Tokenizer;
import org.springframework.stereotype.Component;

import org.postedit.workbench.glossary.matching.Lemmatizer;
import org.postedit.workbench.glossary.matching.Token;

/**
 * Lemmas from LanguageTool's morphological dictionaries, so glossary terms are found in inflected MT ("projects",
 * "countries", "men", "children"). It lives in {@code check} because LanguageTool types stay there; the glossary sees
 * only its {@link Lemmatizer} interface.
 *
 * <p>A language is loaded on first use (the German dictionary alone takes seconds and memory a purely English
 * workbench never needs) and kept for the life of the application. Only the word tokenizer and the tagger are used,
 * and LanguageTool shares both between all its {@code JLanguageTool} instances of a language, which makes them safe
 * to call from several threads; no {@code JLanguageTool} is created here. Languages LanguageTool does not know
 * (Chinese here) get {@link Lemmatizer#NONE}'s tokens.
 */
@Component
public class LanguageToolLemmatizer implements Lemmatizer {

    /** The variant whose tokenizer to use for a bare language code; the tagger is the same for every variant. */
    private static final Map<String, String> VARIANTS = Map.of("en", "en-US", "de", "de-DE", "pt", "pt-PT");

    /**
     * A language's tokenizer and tagger, fetched once while the language is loaded: {@code Language} creates them
     * lazily without locking, and fetching them here, inside the map's per-key computation, means two threads never
     * race to build a second dictionary.
     */
    private record Analyzer(String name, Tokenizer words, Tagger tagger) {
    }

    private final Map<String, Optional<Analyzer>> analyzers = new ConcurrentHashMap<>();

    @Override
    public List<Token> tokenize(String language, String text) {
        Optional<Analyzer> loaded = analyzer(language);
        if (loaded.isEmpty()) {
            return NONE.tokenize(language, text);
        }
        Analyzer lt = loaded.get();
        List<String> words = lt.words().tokenize(text);
        List<String> visible = new ArrayList<>(words.size());
        List<Integer> starts = new ArrayList<>(words.size());
        int position = 0;
        for (String word : words) {
            int start = text.startsWith(word, position) ? position : text.indexOf(word, position);
            if (start < 0) {
                // the tokenizer rewrote something; its words cannot be placed in the text, so the text is read plainly
                return NONE.tokenize(language, text);
            }
            position = start + word.length();
            if (!isSpace(word)) {
                visible.add(word);
                starts.add(start);
            }
        }
        List<AnalyzedTokenReadings> readings;
        try {
            readings = lt.tagger().tag(visible);
        } catch (IOException e) {
            throw new UncheckedIOException("LanguageTool could not tag a text in " + lt.name(), e);
        }
        List<Token> tokens = new ArrayList<>(visible.size());
        for (int i = 0; i < visible.size(); i++) {
            String word = visible.get(i);
            int start = starts.get(i);
            tokens.add(new Token(start, start + word.length(), word, lemmas(readings.get(i))));
        }
        return tokens;
    }

    /** Blank in the typographic sense: no-break and thin spaces separate words as much as a space does. */
    private static boolean isSpace(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\u200B' && c != '\uFEFF') {
                return false;
            }
        }
        return true;
    }

    private static Set<String> lemmas(AnalyzedTokenReadings readings) {
        Set<String> lemmas = new LinkedHashSet<>(2);
        for (AnalyzedToken reading : readings.getReadings()) {
            String lemma = reading.getLemma();
            if (lemma != null && !lemma.isBlank()) {
                lemmas.add(lemma);
            }
        }
        return lemmas;
    }

    private Optional<Analyzer> analyzer(String tag) {
        return analyzers.computeIfAbsent(primary(tag), LanguageToolLemmatizer::load);
    }

    private static Optional<Analyzer> load(String primary) {
        if (primary.isEmpty()) {
            return Optional.empty();
        }
        String code = VARIANTS.getOrDefault(primary, primary);
        Language language;
        try {
            if (!Languages.isLanguageSupported(code)) {
                return Optional.empty();
            }
            language = Languages.getLanguageForShortCode(code);
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
        return Optional.of(new Analyzer(language.getShortCodeWithCountryAndVariant(), language.getWordTokenizer(),
                language.getTagger()));
    }

    private static String primary(String tag) {
        if (tag == null) {
            return "";
        }
        String primary = tag.split("[-_]", 2)[0];
        return primary.toLowerCase(Locale.ROOT);
    }
}

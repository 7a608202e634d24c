package org.postedit.workbench.glossary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.postedit.workbench.glossary.matching.Lemmatizer;
import org.postedit.workbench.glossary.matching.TermMatch;
import org.postedit.workbench.glossary.matching.TermMatcher;
import org.springframework.stereotype.Service;

/**
 * Finds the glossary terms of a document's glossaries in a text. Matchers are built once per set of glossaries
 * and glossary version, so a grid asking for every selected segment never rebuilds one.
 */
@Service
public class TermLookup {

    private final GlossaryService glossary;
    private final Lemmatizer lemmatizer;
    private final Map<List<Long>, Built> matchers = new ConcurrentHashMap<>();

    public TermLookup(GlossaryService glossary, Lemmatizer lemmatizer) {
        this.glossary = glossary;
        this.lemmatizer = lemmatizer;
    }

    /** A term found in a segment, with its concept (for the other languages' terms and the note). */
    public record FoundTerm(TermMatch match, Concept concept) {

        /** The concept's preferred terms in a language: what to write instead of a term to avoid. */
        public List<Term> preferred(String language) {
            String primary = primary(language);
            return concept.terms().stream()
                    .filter(t -> primary(t.language()).equals(primary) && t.status() == TermStatus.PREFERRED)
                    .toList();
        }
    }

    /** Terms of the document's glossaries found in {@code text}, in text order, one entry per match. */
    public List<FoundTerm> find(long documentId, String language, String text) {
        if (text == null || text.isBlank() || language == null) {
            return List.of();
        }
        TermMatcher matcher = matcher(glossary.documentGlossaries(documentId));
        List<TermMatch> matches = matcher.find(language, text);
        Map<Long, Concept> concepts = new LinkedHashMap<>();
        List<FoundTerm> found = new ArrayList<>();
        for (TermMatch match : matches) {
            Concept concept = concepts.computeIfAbsent(match.conceptId(),
                    id -> glossary.concept(id).orElse(null));
            if (concept != null) {
                found.add(new FoundTerm(match, concept));
            }
        }
        found.sort(Comparator.comparingInt(f -> f.match().offset()));
        return found;
    }

    /** A matcher over the document's glossaries, current as of now: cheap to keep for a page of rows. */
    public TermMatcher matcher(long documentId) {
        return matcher(glossary.documentGlossaries(documentId));
    }

    private TermMatcher matcher(List<Long> glossaryIds) {
        long version = glossary.glossaryVersion();
        List<Long> key = List.copyOf(glossaryIds);
        Built built = matchers.get(key);
        if (built == null || built.version() != version) {
            built = new Built(version, new TermMatcher(glossary.matchableTerms(glossaryIds), lemmatizer));
            matchers.put(key, built);
        }
        return built.matcher();
    }

    private record Built(long version, TermMatcher matcher) {
    }

    private static String primary(String language) {
        int dash = language.indexOf('-');
        return (dash < 0 ? language : language.substring(0, dash)).toLowerCase(java.util.Locale.ROOT);
    }
}

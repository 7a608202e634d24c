package org.postedit.workbench.check;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.postedit.workbench.glossary.GlossaryService;
import org.postedit.workbench.glossary.TermLookup;
import org.postedit.workbench.glossary.matching.MatchableTerm;
import org.postedit.workbench.glossary.matching.TermMatch;
import org.springframework.stereotype.Component;

/**
 * The project's own words: the terms of the document's glossaries and the project dictionary. A spelling issue is
 * dropped when its word
 * <ul>
 *   <li>lies inside a glossary term the {@link TermLookup} matcher finds in the text (its case rules, typographic
 *   variants and inflection of words the tagger knows, e.g. "Open Atom Foundations"), or</li>
 *   <li>is, ignoring case and regular endings, a word of any glossary term of the language ("OpenAtom's" for the
 *   term "OpenAtom Foundation": an unknown word has no lemma, so the matcher cannot see its inflections), or</li>
 *   <li>is a project dictionary word, ignoring case and regular endings.</li>
 * </ul>
 * Every glossary term counts, whatever its status: a forbidden term is the glossary check's business, not a
 * misspelling.
 */
@Component
public class ProjectKnownWords implements KnownWords {

    private final TermLookup terms;
    private final GlossaryService glossary;
    private final ProjectDictionary dictionary;
    private final Map<List<Long>, TermWords> termWords = new ConcurrentHashMap<>();

    public ProjectKnownWords(TermLookup terms, GlossaryService glossary, ProjectDictionary dictionary) {
        this.terms = terms;
        this.glossary = glossary;
        this.dictionary = dictionary;
    }

    @Override
    public InText in(long documentId, String language, String text) {
        List<TermMatch> found = terms.matcher(documentId).find(language, text);
        Set<String> words = termWords(documentId).of(RegularEndings.primary(language));
        return (offset, length, word) -> {
            for (TermMatch match : found) {
                if (match.offset() <= offset && offset + length <= match.end()) {
                    return true;
                }
            }
            for (String stem : RegularEndings.stems(language, word)) {
                if (words.contains(stem)) {
                    return true;
                }
            }
            return dictionary.knows(language, word);
        };
    }

    @Override
    public String version(long documentId, String language) {
        return "dictionary " + dictionary.version() + " glossaries " + glossary.documentGlossaries(documentId)
                + " at " + glossary.glossaryVersion();
    }

    private TermWords termWords(long documentId) {
        long version = glossary.glossaryVersion();
        List<Long> ids = List.copyOf(glossary.documentGlossaries(documentId));
        TermWords current = termWords.get(ids);
        if (current == null || current.version() != version) {
            current = TermWords.of(version, glossary.matchableTerms(ids));
            termWords.put(ids, current);
        }
        return current;
    }

    /** The lower-cased words of all terms, per primary language, as of one glossary version. */
    private record TermWords(long version, Map<String, Set<String>> byLanguage) {

        static TermWords of(long version, List<MatchableTerm> terms) {
            Map<String, Set<String>> byLanguage = new HashMap<>();
            for (MatchableTerm term : terms) {
                Set<String> words = byLanguage.computeIfAbsent(RegularEndings.primary(term.language()),
                        l -> new HashSet<>());
                for (String word : term.text().split("[\\s\\u00A0\\u2009\\u202F]+")) {
                    String bare = word.replaceAll("^[\\p{P}&&[^'\\u2019]]+|[\\p{P}&&[^.]]+$", "");
                    if (!bare.isEmpty()) {
                        words.add(RegularEndings.stems("", bare).getFirst());
                        // LanguageTool may report one half of a hyphenated word
                        for (String part : bare.split("[-\\u2010\\u2011]")) {
                            if (!part.isEmpty()) {
                                words.add(RegularEndings.stems("", part).getFirst());
                            }
                        }
                    }
                }
            }
            byLanguage.replaceAll((language, words) -> Set.copyOf(words));
            return new TermWords(version, Map.copyOf(byLanguage));
        }

        Set<String> of(String primaryLanguage) {
            return byLanguage.getOrDefault(primaryLanguage, Set.of());
        }
    }
}

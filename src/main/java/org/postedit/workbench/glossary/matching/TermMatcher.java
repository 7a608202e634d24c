package org.postedit.workbench.glossary.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds glossary terms in a text: on word boundaries, with each term's own case rule, across typographic variants
 * (curly or straight apostrophes and quotes, no-break or repeated spaces, Unicode hyphens) and across inflection
 * (every word of a term may appear in another form of the same lemma: "open source projects" is the term "open
 * source project").
 *
 * <p>Overlaps are resolved leftmost-longest, as a reader would: the summit's full name wins over the "open source"
 * inside it, which is not reported separately. When several terms cover exactly the same words, the case-sensitive
 * and exact ones win over case-insensitive and inflected ones; terms that tie on that too are all reported (two
 * concepts may share a term).
 *
 * <p>Built once per glossary version and immutable afterwards, so one instance is shared by every grid and checker
 * without locking; rebuild it when the glossary changes. Thread-safe as long as its {@link Lemmatizer} is.
 */
public final class TermMatcher {

    private static final TermMatcher EMPTY = new TermMatcher(List.of(), Lemmatizer.NONE);

    private final Lemmatizer lemmatizer;
    private final Map<String, TermTrie> tries;
    private final int size;

    /**
     * @param lemmatizer the same lemmatizer reads terms and texts, so both are cut into words alike (what one calls
     *                   a word, the other does too)
     */
    public TermMatcher(Collection<MatchableTerm> terms, Lemmatizer lemmatizer) {
        this.lemmatizer = lemmatizer;
        Map<String, TermTrie> byLanguage = new HashMap<>();
        int indexed = 0;
        for (MatchableTerm term : terms) {
            String folded = TypographicVariants.fold(term.text());
            List<Token> tokens = lemmatizer.tokenize(term.language(), folded);
            if (tokens.isEmpty()) {
                continue;
            }
            List<String> path = new ArrayList<>(tokens.size());
            List<String> wordKeys = new ArrayList<>(tokens.size());
            for (Token token : tokens) {
                String key = termKey(token, term.caseSensitive());
                path.add(key);
                wordKeys.add(TypographicVariants.caseless(TypographicVariants.key(token.surface())));
            }
            byLanguage.computeIfAbsent(primaryLanguage(term.language()), language -> new TermTrie())
                    .add(List.copyOf(path), new TermTrie.Entry(term, List.copyOf(wordKeys)));
            indexed++;
        }
        this.tries = Map.copyOf(byLanguage);
        this.size = indexed;
    }

    public static TermMatcher empty() {
        return EMPTY;
    }

    /** How many terms can be found (terms without a single word are left out). */
    public int size() {
        return size;
    }

    /**
     * @param language BCP 47 tag of the text; terms of the same primary language are looked for
     * @return matches in text order, none overlapping another except matches of several terms on the same words
     */
    public List<TermMatch> find(String language, String text) {
        TermTrie trie = tries.get(primaryLanguage(language));
        if (trie == null || text == null || text.isEmpty()) {
            return List.of();
        }
        List<Token> tokens = lemmatizer.tokenize(language, TypographicVariants.fold(text));
        TextWord[] words = new TextWord[tokens.size()];
        for (int i = 0; i < words.length; i++) {
            words[i] = new TextWord(tokens.get(i));
        }
        List<TermMatch> matches = new ArrayList<>();
        Longest longest = new Longest();
        int i = 0;
        while (i < words.length) {
            longest.reset(i);
            longest.walk(trie.root(true), words, i, true, false);
            longest.walk(trie.root(false), words, i, false, false);
            if (longest.end > i) {
                longest.report(tokens, words, matches);
                i = longest.end;
            } else {
                i++;
            }
        }
        return List.copyOf(matches);
    }

    /** A term's word is indexed as its lemma only when it is not already one ("men" as "man", "project" as is). */
    private static String termKey(Token token, boolean caseSensitive) {
        String key;
        if (TypographicVariants.isBaseForm(token.surface(), token.lemmas())) {
            key = TypographicVariants.key(token.surface());
        } else {
            String lemma = token.lemmas().stream().sorted().findFirst().orElseThrow();
            key = TypographicVariants.key(TypographicVariants.withCaseOf(lemma, token.surface()));
        }
        return caseSensitive ? key : TypographicVariants.caseless(key);
    }

    static String primaryLanguage(String language) {
        if (language == null) {
            return "";
        }
        int dash = language.indexOf('-');
        int underscore = language.indexOf('_');
        int cut = dash < 0 ? underscore : underscore < 0 ? dash : Math.min(dash, underscore);
        return (cut < 0 ? language : language.substring(0, cut)).toLowerCase(Locale.ROOT);
    }

    /** The keys a word of the text can be found under: as written first, then each lemma in the word's case. */
    private static final class TextWord {
        final List<String> exactKeys;
        final List<String> caselessKeys;
        final String surfaceKey;

        TextWord(Token token) {
            String surface = TypographicVariants.key(token.surface());
            if (token.lemmas().isEmpty()) {
                exactKeys = List.of(surface);
                surfaceKey = TypographicVariants.caseless(surface);
                caselessKeys = List.of(surfaceKey);
                return;
            }
            Set<String> exact = new LinkedHashSet<>();
            Set<String> caseless = new LinkedHashSet<>();
            exact.add(surface);
            caseless.add(TypographicVariants.caseless(surface));
            for (String lemma : token.lemmas()) {
                String key = TypographicVariants.key(TypographicVariants.withCaseOf(lemma, token.surface()));
                exact.add(key);
                caseless.add(TypographicVariants.caseless(key));
            }
            exactKeys = List.copyOf(exact);
            caselessKeys = List.copyOf(caseless);
            surfaceKey = caselessKeys.getFirst();
        }

        List<String> keys(boolean caseSensitive) {
            return caseSensitive ? exactKeys : caselessKeys;
        }
    }

    /** The longest match starting at one word, with the best-ranked terms on it. */
    private static final class Longest {
        int start;
        int end;
        int rank;
        final List<TermTrie.Entry> entries = new ArrayList<>();

        void reset(int startWord) {
            start = startWord;
            end = startWord;
            rank = Integer.MAX_VALUE;
            entries.clear();
        }

        void walk(TermTrie.Node node, TextWord[] words, int next, boolean caseSensitive, boolean viaLemma) {
            if (!node.entries().isEmpty() && next > start) {
                offer(next, (viaLemma ? 2 : 0) + (caseSensitive ? 0 : 1), node.entries());
            }
            if (next == words.length || node.isLeaf()) {
                return;
            }
            List<String> keys = words[next].keys(caseSensitive);
            for (int k = 0; k < keys.size(); k++) {
                TermTrie.Node child = node.child(keys.get(k));
                if (child != null) {
                    walk(child, words, next + 1, caseSensitive, viaLemma || k > 0);
                }
            }
        }

        private void offer(int candidateEnd, int candidateRank, List<TermTrie.Entry> found) {
            if (candidateEnd > end || (candidateEnd == end && candidateRank < rank)) {
                end = candidateEnd;
                rank = candidateRank;
                entries.clear();
            } else if (candidateEnd < end || candidateRank > rank) {
                return;
            }
            for (TermTrie.Entry entry : found) {
                if (!entries.contains(entry)) {
                    entries.add(entry);
                }
            }
        }

        void report(List<Token> tokens, TextWord[] words, List<TermMatch> matches) {
            int offset = tokens.get(start).start();
            int length = tokens.get(end - 1).end() - offset;
            for (TermTrie.Entry entry : entries) {
                matches.add(new TermMatch(offset, length, entry.term(), isInflected(entry, words)));
            }
        }

        private boolean isInflected(TermTrie.Entry entry, TextWord[] words) {
            for (int w = start; w < end; w++) {
                if (!words[w].surfaceKey.equals(entry.wordKeys().get(w - start))) {
                    return true;
                }
            }
            return false;
        }
    }
}

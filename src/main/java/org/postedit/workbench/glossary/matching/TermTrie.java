package org.postedit.workbench.glossary.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The terms of one language as a trie over token keys, so a text is read once, token by token, and each position
 * costs one map lookup per key of the token unless a term really starts there; a loop of one regular expression per
 * term would read the whole text once per term. Case-sensitive and case-insensitive terms live in separate tries
 * because they compare different keys of the same token.
 *
 * <p>Mutable only while the matcher builds it; published through a final field and never changed afterwards.
 */
final class TermTrie {

    /** A term at the end of its path, with the (caseless) keys of its own words, to tell an exact find from a form. */
    record Entry(MatchableTerm term, List<String> wordKeys) {
    }

    static final class Node {
        private Map<String, Node> children = Map.of();
        private List<Entry> entries = List.of();

        Node child(String key) {
            return children.get(key);
        }

        private Node childOrNew(String key) {
            if (children.isEmpty()) {
                children = new HashMap<>(4);
            }
            return children.computeIfAbsent(key, k -> new Node());
        }

        boolean isLeaf() {
            return children.isEmpty();
        }

        List<Entry> entries() {
            return entries;
        }
    }

    private final Node caseSensitive = new Node();
    private final Node caseInsensitive = new Node();

    void add(List<String> path, Entry entry) {
        Node node = entry.term().caseSensitive() ? caseSensitive : caseInsensitive;
        for (String key : path) {
            node = node.childOrNew(key);
        }
        if (node.entries.isEmpty()) {
            node.entries = new ArrayList<>(1);
        }
        node.entries.add(entry);
    }

    Node root(boolean caseSensitiveTerms) {
        return caseSensitiveTerms ? caseSensitive : caseInsensitive;
    }
}

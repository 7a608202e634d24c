package org.postedit.workbench.check;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Words of the project (product names, people, jargon) that LanguageTool's spelling rules must not report. Words
 * are kept per language tag: a word added for "en" holds in every English document, one added for "en-GB" only in
 * British ones. Matching ignores case and accepts the regular endings of the language ("workbench" also covers
 * "workbenches", "OpenHarmony" also "OpenHarmony's"), because LanguageTool's tagger has no lemma for a word its
 * dictionary does not know.
 *
 * <p>Checks ask {@link #knows} for every spelling issue from many threads, so the words are held in memory as an
 * immutable snapshot, reloaded after a change commits here, and when another instance sharing the database changed
 * them (the revision is read again at most every {@link #RECHECK}). {@link #version()} is the database revision,
 * bumped by every change, so cached check results keyed on it stay valid across restarts.
 */
@Service
public class ProjectDictionary {

    static final String WRITE = "hasAnyRole(T(org.postedit.workbench.security.Permission).EDIT_DICTIONARY.roleNames())";
    static final int MAX_WORD_LENGTH = 100;
    static final java.time.Duration RECHECK = java.time.Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(ProjectDictionary.class);

    private final DictionaryRepository repository;
    private final Clock clock;
    private volatile Snapshot snapshot;
    /** Counts changes, so a snapshot read while a change committed is not kept as current. */
    private final AtomicLong changes = new AtomicLong();

    public ProjectDictionary(DictionaryRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** All words, by language then word. */
    @Transactional(readOnly = true)
    public List<DictionaryWord> list() {
        return repository.all();
    }

    /** The words of one language tag as stored ("en" lists the words for every English document, not en-GB's). */
    @Transactional(readOnly = true)
    public List<DictionaryWord> list(String language) {
        String tag = normaliseLanguage(language);
        return repository.all().stream().filter(w -> w.language().equals(tag)).toList();
    }

    /** Changes whenever a word is added or removed. */
    public long version() {
        return snapshot().revision();
    }

    /**
     * Adds a word; adding a word that is already there (in any case) returns the stored one and changes nothing.
     *
     * @throws DictionaryWordRejectedException for an empty, too long or multi-word entry or an unusable language
     */
    @PreAuthorize(WRITE)
    @Transactional
    public Added add(String language, String word, String user) {
        String tag = normaliseLanguage(language);
        String clean = normaliseWord(word);
        Optional<DictionaryWord> existing = repository.find(tag, clean);
        if (existing.isPresent()) {
            return new Added(existing.get(), false);
        }
        long id = repository.insert(tag, clean, user, clock.instant());
        repository.bumpRevision();
        reloadAfterCommit();
        log.info("{} added a word to the {} project dictionary (id {})", user, tag, id);
        return new Added(repository.find(id).orElseThrow(), true);
    }

    /** The stored word and whether this call stored it. */
    public record Added(DictionaryWord word, boolean created) {
    }

    /** Removes a word by id; false when there is no such word. */
    @PreAuthorize(WRITE)
    @Transactional
    public boolean remove(long id, String user) {
        if (!repository.delete(id)) {
            return false;
        }
        repository.bumpRevision();
        reloadAfterCommit();
        log.info("{} removed word {} from the project dictionary", user, id);
        return true;
    }

    /** Removes a word of a language tag, in any case; false when it is not there. */
    @PreAuthorize(WRITE)
    @Transactional
    public boolean remove(String language, String word, String user) {
        Optional<DictionaryWord> existing = repository.find(normaliseLanguage(language), normaliseWord(word));
        return existing.isPresent() && remove(existing.get().id(), user);
    }

    /** Whether the word, as written, is a dictionary word of the language tag (ignoring case). */
    public boolean contains(String language, String word) {
        if (word == null || language == null) {
            return false;
        }
        String lower = DictionaryRepository.lower(word.strip());
        return snapshot().wordsFor(language).stream().anyMatch(words -> words.contains(lower));
    }

    /**
     * Whether the word is a dictionary word of the text's language or a regular inflection of one. Never throws:
     * a text of an odd language simply knows no words.
     */
    public boolean knows(String language, String word) {
        if (word == null || word.isBlank() || language == null) {
            return false;
        }
        List<Set<String>> known = snapshot().wordsFor(language);
        if (known.isEmpty()) {
            return false;
        }
        for (String stem : RegularEndings.stems(language, word)) {
            for (Set<String> words : known) {
                if (words.contains(stem)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A BCP 47 tag as stored: "en", "en-GB", "pt-BR"; underscores and case are forgiven. */
    static String normaliseLanguage(String language) {
        if (language == null || language.isBlank() || language.length() > 35) {
            throw new DictionaryWordRejectedException("Name the language as a tag such as en, en-GB or de.");
        }
        Locale locale = Locale.forLanguageTag(language.strip().replace('_', '-'));
        String primary = locale.getLanguage();
        if (primary.isEmpty() || !primary.matches("[a-z]{2,3}")) {
            throw new DictionaryWordRejectedException("'" + language.strip()
                    + "' is not a language tag: use one such as en, en-GB or de.");
        }
        return locale.getCountry().isEmpty() ? primary : primary + "-" + locale.getCountry();
    }

    static String normaliseWord(String word) {
        String clean = word == null ? "" : word.strip();
        if (clean.isEmpty()) {
            throw new DictionaryWordRejectedException("The word is empty.");
        }
        if (clean.length() > MAX_WORD_LENGTH) {
            throw new DictionaryWordRejectedException("A dictionary word has at most " + MAX_WORD_LENGTH + " characters.");
        }
        boolean wordCharacter = false;
        for (int i = 0; i < clean.length(); ) {
            int c = clean.codePointAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                throw new DictionaryWordRejectedException("Add one word at a time: '" + clean.replaceAll("\\p{Cntrl}", "?")
                        + "' contains a space or a control character.");
            }
            wordCharacter |= Character.isLetterOrDigit(c);
            i += Character.charCount(c);
        }
        if (!wordCharacter) {
            throw new DictionaryWordRejectedException("A dictionary word needs at least one letter or digit.");
        }
        return clean;
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current != null && System.nanoTime() - current.readAt() > RECHECK.toNanos()) {
            long before = changes.get();
            long revision = repository.revision();
            if (revision == current.revision()) {
                current = new Snapshot(revision, current.words(), System.nanoTime());
                if (changes.get() == before) {
                    snapshot = current;
                }
            } else {
                current = null;
            }
        }
        if (current == null) {
            long before = changes.get();
            current = load();
            if (changes.get() == before) {
                snapshot = current;
            }
        }
        return current;
    }

    private Snapshot load() {
        long revision = repository.revision();
        Map<String, Set<String>> byLanguage = new HashMap<>();
        for (DictionaryWord word : repository.all()) {
            byLanguage.computeIfAbsent(word.language(), l -> new HashSet<>()).add(DictionaryRepository.lower(word.word()));
        }
        byLanguage.replaceAll((language, words) -> Set.copyOf(words));
        return new Snapshot(revision, Map.copyOf(byLanguage), System.nanoTime());
    }

    /** Reload only once the change is visible to other transactions, or a reader could cache the old words again. */
    private void reloadAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    changes.incrementAndGet();
                    snapshot = null;
                }
            });
        } else {
            changes.incrementAndGet();
            snapshot = null;
        }
    }

    /** The words of every language tag, lower-cased, the revision they were read at, and when that was. */
    private record Snapshot(long revision, Map<String, Set<String>> words, long readAt) {

        /** The words of the exact tag and of its bare language: "en" words hold in an en-GB text. */
        List<Set<String>> wordsFor(String language) {
            if (words.isEmpty()) {
                return List.of();
            }
            String tag;
            try {
                tag = normaliseLanguage(language);
            } catch (DictionaryWordRejectedException odd) {
                return List.of();
            }
            int dash = tag.indexOf('-');
            return java.util.stream.Stream.of(words.get(tag), dash < 0 ? null : words.get(tag.substring(0, dash)))
                    .filter(java.util.Objects::nonNull).toList();
        }
    }
}

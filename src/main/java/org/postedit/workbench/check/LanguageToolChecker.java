package org.postedit.workbench.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.languagetool.JLanguageTool;
import org.languagetool.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Grammar, spelling and style from LanguageTool for the target language (English, German, French, Portuguese; see
 * {@link LanguageToolLanguages}). Results depend on the text and language only, apart from the spelling issues
 * dropped because the project knows the word ({@link KnownWords}: glossary terms, project dictionary), so
 * {@link #settingsKey} names the LanguageTool version, language, rule settings and those versions.
 *
 * <p>Safe to call from any number of threads: each check borrows an instance from the {@link LanguageToolPool}.
 * {@link #checkAll} checks many texts with all cores.
 */
@Component
public class LanguageToolChecker implements Checker {

    private static final Logger log = LoggerFactory.getLogger(LanguageToolChecker.class);

    private final LanguageToolPool pool;
    private final KnownWords knownWords;
    private final LanguageToolProperties properties;
    private final String rulesKey;

    public LanguageToolChecker(LanguageToolPool pool, KnownWords knownWords, LanguageToolProperties properties) {
        this.pool = pool;
        this.knownWords = knownWords;
        this.properties = properties;
        this.rulesKey = "off" + new TreeSet<>(properties.disabledRules()) + " on" + new TreeSet<>(properties.enabledRules());
    }

    @Override
    public String id() {
        return LanguageToolIssues.CHECKER;
    }

    @Override
    public String name() {
        return "Grammar and spelling (LanguageTool)";
    }

    /** What the UI calls the checks for a language: "Grammar and spelling (LanguageTool en-GB)". */
    public String name(String targetLanguage) {
        return LanguageToolLanguages.resolve(targetLanguage)
                .map(l -> "Grammar and spelling (LanguageTool " + LanguageToolLanguages.code(l) + ")")
                .orElse(name());
    }

    @Override
    public boolean appliesTo(String targetLanguage) {
        return LanguageToolLanguages.resolve(targetLanguage).isPresent();
    }

    @Override
    public boolean readsContext() {
        return false;
    }

    @Override
    public String settingsKey(long documentId, String targetLanguage) {
        Optional<Language> language = LanguageToolLanguages.resolve(targetLanguage);
        if (language.isEmpty()) {
            return "";
        }
        return "LanguageTool " + JLanguageTool.VERSION + " " + LanguageToolLanguages.code(language.get()) + " "
                + rulesKey + " " + knownWords.version(documentId, targetLanguage);
    }

    @Override
    public List<Issue> check(CheckedText text) {
        Optional<Language> language = LanguageToolLanguages.resolve(text.targetLanguage());
        String plain = text.text();
        if (language.isEmpty() || plain.isBlank()) {
            return List.of();
        }
        LanguageToolPool.Checked checked;
        try {
            checked = pool.check(language.get(), plain, properties.timeLimit());
        } catch (Exception | StackOverflowError e) {
            // a checker that fails on one segment must not stop the others; the segment has no LT issues for now
            // and, being incomplete, is tried again later rather than cached as clean
            log.warn("LanguageTool failed on segment {} of document {} ({} characters)", text.segmentId(),
                    text.documentId(), plain.length(), e);
            throw new IncompleteCheckException("LanguageTool failed: " + e, List.of());
        }
        List<Issue> issues = issues(text, plain, checked.matches());
        if (checked.cutShort()) {
            throw new IncompleteCheckException("LanguageTool stopped after " + checked.nanos() / 1_000_000
                    + " ms (limit " + properties.timeLimit().toMillis() + " ms) on " + plain.length()
                    + " characters with " + issues.size() + " issues found so far", issues);
        }
        return issues;
    }

    /** Checks many texts with all worker threads; the result lists are in the order of {@code texts}. */
    public List<List<Issue>> checkAll(List<CheckedText> texts) {
        return pool.inParallel(texts, text -> {
            try {
                return check(text);
            } catch (IncompleteCheckException e) {
                return e.found();
            }
        });
    }

    private List<Issue> issues(CheckedText text, String plain, List<LanguageToolPool.Found> matches) {
        List<Issue> issues = new ArrayList<>(matches.size());
        KnownWords.InText known = null;
        for (LanguageToolPool.Found found : matches) {
            Issue issue = LanguageToolIssues.issue(found.match(), found.shift(), plain.length());
            if (issue.category() == IssueCategory.SPELLING) {
                if (known == null) {
                    known = knownWords(text, plain);
                }
                if (known.knows(issue.offset(), issue.length(), issue.in(plain))) {
                    continue;
                }
            }
            issues.add(issue);
        }
        return List.copyOf(issues);
    }

    private KnownWords.InText knownWords(CheckedText text, String plain) {
        try {
            return knownWords.in(text.documentId(), text.targetLanguage(), plain);
        } catch (RuntimeException e) {
            // better a spelling issue too many than none of the segment's issues
            log.warn("Could not read the glossary and dictionary words for segment {} of document {}: {}",
                    text.segmentId(), text.documentId(), e.toString());
            return (offset, length, word) -> false;
        }
    }
}

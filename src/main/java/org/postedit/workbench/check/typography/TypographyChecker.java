package org.postedit.workbench.check.typography;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.postedit.workbench.check.CheckedText;
import org.postedit.workbench.check.Checker;
import org.postedit.workbench.check.Issue;
import org.postedit.workbench.glossary.GlossaryService;
import org.postedit.workbench.glossary.TermLookup;
import org.postedit.workbench.glossary.matching.TermMatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The typography errors machine translation makes and LanguageTool misses: run-together sentences, CJK punctuation
 * in Latin text, wrong apostrophes, stray spaces, capitalisation, numbers and inline codes lost between origin and
 * target, unbalanced brackets and quotes, a dateline run into the first sentence. Each rule has its own id and
 * languages; see {@code docs/checks.md} for the list and the near-misses each one deliberately ignores.
 */
@Component
public class TypographyChecker implements Checker {

    public static final String ID = "typography";
    private static final Logger log = LoggerFactory.getLogger(TypographyChecker.class);

    private final List<TypographyRule> rules = List.of(new RunTogetherSentences(), new CjkPunctuation(),
            new OpeningQuoteApostrophe(), new SpaceBeforePunctuation(), new DoubleSpace(),
            new CapitalisedFunctionWord(), new LowerCaseSentenceStart(), new DatelineRunIn(), new NumberMismatch(),
            new CodeMismatch(), new UnbalancedPairs());
    private final Function<CheckedText, List<int[]>> termSpans;
    private final LongSupplier glossaryVersion;

    @Autowired
    public TypographyChecker(TermLookup terms, GlossaryService glossary) {
        this(text -> termSpans(terms, text), glossary::glossaryVersion);
    }

    /** @param termSpans where the glossary's terms are in a target, as {start, end} */
    TypographyChecker(Function<CheckedText, List<int[]>> termSpans, LongSupplier glossaryVersion) {
        this.termSpans = termSpans;
        this.glossaryVersion = glossaryVersion;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Typography, numbers and codes";
    }

    @Override
    public boolean appliesTo(String targetLanguage) {
        return true;
    }

    /** Names from the glossary are exempt from the capitalisation rule, so a glossary change may change results. */
    @Override
    public String settingsKey(long documentId, String targetLanguage) {
        return "glossary-" + glossaryVersion.getAsLong();
    }

    /** The rule ids that run for texts in a language, for the UI and the docs. */
    public List<String> ruleIds(String targetLanguage) {
        return rules.stream().filter(r -> r.appliesTo(targetLanguage)).map(TypographyRule::id).toList();
    }

    @Override
    public List<Issue> check(CheckedText text) {
        if (text.target().isBlank()) {
            return List.of();
        }
        TypographyText typed = new TypographyText(text, () -> termSpans.apply(text));
        List<Issue> issues = new ArrayList<>();
        for (TypographyRule rule : rules) {
            if (!rule.appliesTo(text.targetLanguage())) {
                continue;
            }
            try {
                rule.check(typed, issues);
            } catch (RuntimeException e) {
                // one broken rule must not cost the reviewer the other rules' findings
                log.error("Typography rule {} failed on segment {} of document {}", rule.id(), text.segmentId(),
                        text.documentId(), e);
            }
        }
        issues.sort(Comparator.comparingInt(Issue::offset).thenComparing(Issue::ruleId));
        return issues;
    }

    private static List<int[]> termSpans(TermLookup terms, CheckedText text) {
        List<int[]> spans = new ArrayList<>();
        for (TermMatch match : terms.matcher(text.documentId()).find(text.targetLanguage(), text.text())) {
            spans.add(new int[] {match.offset(), match.end()});
        }
        return spans;
    }
}

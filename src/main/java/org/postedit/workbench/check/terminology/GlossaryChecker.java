package org.postedit.workbench.check.terminology;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.postedit.workbench.check.CheckedText;
import org.postedit.workbench.check.Checker;
import org.postedit.workbench.check.Issue;
import org.postedit.workbench.check.IssueCategory;
import org.postedit.workbench.check.IssueSeverity;
import org.postedit.workbench.check.text.Plurals;
import org.postedit.workbench.check.text.SentenceStart;
import org.postedit.workbench.glossary.GlossaryService;
import org.postedit.workbench.glossary.Term;
import org.postedit.workbench.glossary.TermLookup;
import org.postedit.workbench.glossary.TermLookup.FoundTerm;
import org.postedit.workbench.glossary.matching.TermStatus;
import org.springframework.stereotype.Component;

/**
 * Terminology: forbidden target terms (errors) and deprecated ones (warnings), each with the concept's preferred
 * terms as suggestions; for bilingual segments, source terms whose preferred target term the target lacks. All
 * finding is the glossary's {@link TermLookup}: inflection, word boundaries, case rules and typographic variants
 * come from its matcher, so the grid's term marks and these issues always agree.
 */
@Component
public class GlossaryChecker implements Checker {

    public static final String ID = "glossary";
    public static final String FORBIDDEN = "forbidden-term";
    public static final String DEPRECATED = "deprecated-term";
    public static final String MISSING = "expected-term-missing";

    private final TermLookup lookup;
    private final GlossaryService glossary;

    public GlossaryChecker(TermLookup lookup, GlossaryService glossary) {
        this.lookup = lookup;
        this.glossary = glossary;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Glossary terms";
    }

    @Override
    public boolean appliesTo(String targetLanguage) {
        return true;
    }

    /** Every glossary change and every change of a document's glossaries bumps the glossary version. */
    @Override
    public String settingsKey(long documentId, String targetLanguage) {
        return "glossary-" + glossary.glossaryVersion();
    }

    @Override
    public List<Issue> check(CheckedText text) {
        String target = text.text();
        List<FoundTerm> inTarget = lookup.find(text.documentId(), text.targetLanguage(), target);
        List<Issue> issues = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (FoundTerm found : inTarget) {
            TermStatus status = found.match().term().status();
            if (!status.toAvoid()) {
                continue;
            }
            String covered = found.match().in(target);
            if (!reported.add(found.match().offset() + ":" + found.match().length() + ":" + found.concept().id())) {
                continue;
            }
            List<String> suggestions = suggestions(found, text.targetLanguage(), target, covered);
            boolean forbidden = status == TermStatus.FORBIDDEN;
            String instead = suggestions.isEmpty() ? "" : " Use “" + suggestions.getFirst() + "”.";
            issues.add(new Issue(ID, forbidden ? FORBIDDEN : DEPRECATED, IssueCategory.TERMINOLOGY,
                    forbidden ? IssueSeverity.ERROR : IssueSeverity.WARNING, found.match().offset(),
                    found.match().length(),
                    "“" + covered + "” is " + (forbidden ? "a forbidden" : "a deprecated") + " term." + instead
                            + note(found),
                    suggestions));
        }
        if (text.hasSource() && !text.source().isBlank()) {
            issues.addAll(missingTerms(text, inTarget));
        }
        return issues;
    }

    /** Source terms whose concept has a preferred target term that the target has in no form. */
    private List<Issue> missingTerms(CheckedText text, List<FoundTerm> inTarget) {
        Set<Long> rendered = new HashSet<>();
        Set<Long> avoided = new HashSet<>();
        for (FoundTerm found : inTarget) {
            (found.match().term().status().toAvoid() ? avoided : rendered).add(found.concept().id());
        }
        String source = text.source().plainText();
        Map<Long, FoundTerm> expected = new LinkedHashMap<>();
        for (FoundTerm found : lookup.find(text.documentId(), text.sourceLanguage(), source)) {
            expected.putIfAbsent(found.concept().id(), found);
        }
        List<Issue> issues = new ArrayList<>();
        for (FoundTerm found : expected.values()) {
            long concept = found.concept().id();
            // a term to avoid of the same concept is already reported with the preferred term as its fix
            if (rendered.contains(concept) || avoided.contains(concept)) {
                continue;
            }
            List<String> preferred = found.preferred(text.targetLanguage()).stream().map(Term::text).toList();
            if (preferred.isEmpty()) {
                continue;
            }
            issues.add(new Issue(ID, MISSING, IssueCategory.TERMINOLOGY, IssueSeverity.WARNING, 0, 0,
                    "Expected term missing: the source has “" + found.match().in(source) + "”, the glossary "
                            + "renders it as “" + String.join("” or “", preferred) + "”." + note(found),
                    List.of()));
        }
        return issues;
    }

    private static List<String> suggestions(FoundTerm found, String language, String target, String covered) {
        boolean capitalise = SentenceStart.at(target, found.match().offset())
                || Character.isUpperCase(covered.codePointAt(0)) && !found.match().term().caseSensitive()
                && !Character.isUpperCase(found.match().term().text().codePointAt(0));
        List<String> suggestions = new ArrayList<>();
        for (Term term : found.preferred(language)) {
            String suggestion = found.match().inflected() ? Plurals.inflectLike(term.text(), covered, language)
                    : term.text();
            if (capitalise) {
                suggestion = SentenceStart.capitalise(suggestion);
            }
            if (!suggestions.contains(suggestion)) {
                suggestions.add(suggestion);
            }
        }
        return suggestions;
    }

    private static String note(FoundTerm found) {
        String note = found.concept().note();
        return note == null || note.isBlank() ? "" : " (" + note.strip() + ")";
    }
}

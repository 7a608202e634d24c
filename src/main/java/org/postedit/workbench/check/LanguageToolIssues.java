package org.postedit.workbench.check;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.languagetool.rules.ITSIssueType;
import org.languagetool.rules.Rule;
import org.languagetool.rules.RuleMatch;

/**
 * Turns LanguageTool's matches into the project's {@link Issue}s. LanguageTool classifies a rule twice: by category
 * (TYPOS, GRAMMAR, STYLE, ...) and by its ITS issue type (misspelling, grammar, style, whitespace, ...); neither alone
 * says what a reviewer needs (EN_A_VS_AN is an ITS "misspelling" in category MISC, SENTENCE_WHITESPACE a
 * "whitespace" in TYPOGRAPHY), so both are read, spelling first.
 */
final class LanguageToolIssues {

    static final String CHECKER = "languagetool";
    static final int MAX_SUGGESTIONS = 5;

    private static final Set<String> STYLE_CATEGORIES = Set.of("STYLE", "REDUNDANCY", "PLAIN_ENGLISH", "WIKIPEDIA",
            "REPETITIONS_STYLE", "GENDER_NEUTRALITY", "COLLOQUIALISMS", "REGIONALISMS");
    private static final Set<String> TYPOGRAPHY_CATEGORIES = Set.of("TYPOGRAPHY", "CASING");
    private static final Set<ITSIssueType> TYPOGRAPHY_TYPES = Set.of(ITSIssueType.Whitespace,
            ITSIssueType.Typographical, ITSIssueType.Formatting);
    private static final Pattern SUGGESTION = Pattern.compile("<suggestion>(.*?)</suggestion>", Pattern.DOTALL);

    private LanguageToolIssues() {
    }

    /** @param shift where the part of the text LanguageTool checked starts (0 unless a long text was cut up) */
    static Issue issue(RuleMatch match, int shift, int textLength) {
        Rule rule = match.getRule();
        IssueCategory category = category(match);
        int offset = Math.clamp((long) match.getFromPos() + shift, 0, textLength);
        int end = Math.clamp((long) match.getToPos() + shift, offset, textLength);
        return new Issue(CHECKER, rule.getId(), category, severity(match, category), offset, end - offset,
                message(match.getMessage()), suggestions(match));
    }

    static IssueCategory category(RuleMatch match) {
        Rule rule = match.getRule();
        String category = categoryId(rule);
        ITSIssueType type = rule.getLocQualityIssueType();
        // the speller, and the typo rules that spell names of several words (EN_MULTITOKEN_SPELLING_*)
        if (rule.isDictionaryBasedSpellingRule() || match.getType() == RuleMatch.Type.UnknownWord
                || ((category.equals("TYPOS") || category.endsWith("SPELLING")) && type == ITSIssueType.Misspelling)) {
            return IssueCategory.SPELLING;
        }
        if (STYLE_CATEGORIES.contains(category) || type == ITSIssueType.Style || type == ITSIssueType.Register) {
            return IssueCategory.STYLE;
        }
        if (TYPOGRAPHY_CATEGORIES.contains(category) || TYPOGRAPHY_TYPES.contains(type)) {
            return IssueCategory.TYPOGRAPHY;
        }
        // grammar, confused words, agreement, word repeats, commas (PUNCTUATION is mostly about commas), misc
        return IssueCategory.GRAMMAR;
    }

    /**
     * Spelling and grammar must be fixed; a hint, a comma or a typographic slip deserves a look; a pure style or
     * register preference is a hint.
     */
    static IssueSeverity severity(RuleMatch match, IssueCategory category) {
        boolean hint = match.getType() == RuleMatch.Type.Hint;
        ITSIssueType type = match.getRule().getLocQualityIssueType();
        return switch (category) {
            case SPELLING -> IssueSeverity.ERROR;
            case GRAMMAR -> hint || "PUNCTUATION".equals(categoryId(match.getRule()))
                    ? IssueSeverity.WARNING : IssueSeverity.ERROR;
            case STYLE -> hint || type == ITSIssueType.Style || type == ITSIssueType.Register
                    ? IssueSeverity.INFO : IssueSeverity.WARNING;
            default -> IssueSeverity.WARNING;
        };
    }

    /** LanguageTool marks suggestions inside messages as {@code <suggestion>x</suggestion>}; a reviewer sees "x". */
    static String message(String raw) {
        if (raw == null) {
            return "";
        }
        Matcher m = SUGGESTION.matcher(raw);
        return m.replaceAll(r -> Matcher.quoteReplacement("\u201C" + r.group(1) + "\u201D")).strip();
    }

    private static List<String> suggestions(RuleMatch match) {
        // LanguageTool computes spelling suggestions lazily, on this call: the costliest part of a spelling issue
        return match.getSuggestedReplacements().stream()
                .filter(s -> s != null && !s.isEmpty())
                .distinct()
                .limit(MAX_SUGGESTIONS)
                .toList();
    }

    private static String categoryId(Rule rule) {
        return rule.getCategory() == null || rule.getCategory().getId() == null ? ""
                : rule.getCategory().getId().toString();
    }
}

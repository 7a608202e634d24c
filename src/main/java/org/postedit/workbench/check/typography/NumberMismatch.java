package org.postedit.workbench.check.typography;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.postedit.workbench.check.CheckedText;
import org.postedit.workbench.check.Issue;
import org.postedit.workbench.check.IssueCategory;
import org.postedit.workbench.check.IssueSeverity;
import org.postedit.workbench.check.text.LanguageTags;

/**
 * A number of the origin (the source, or the MT of an MT-only document) missing from the target, or one the target
 * adds. Numbers compare normalised ({@link Numbers}); month names and small English numbers in the target stand for
 * their digits ("6月" is "June"), and Chinese numerals of a CJK source may account for digits in the target ("十八大",
 * "18th"). An MT-only segment is compared only once it was edited: its MT is the origin.
 */
final class NumberMismatch implements TypographyRule {

    @Override
    public String id() {
        return "number-mismatch";
    }

    @Override
    public boolean appliesTo(String targetLanguage) {
        return true;
    }

    @Override
    public void check(TypographyText typed, List<Issue> issues) {
        CheckedText checked = typed.checked();
        if (!checked.hasSource() && checked.target().coded().equals(checked.mt().coded())) {
            return;
        }
        String origin = checked.origin().plainText();
        if (origin.isBlank()) {
            return;
        }
        // values of the origin still to be found in the target, each with how often and where it was written
        Map<String, Deque<Numbers.Found>> open = new HashMap<>();
        for (Numbers.Found number : Numbers.in(origin)) {
            open.computeIfAbsent(number.value(), v -> new ArrayDeque<>()).add(number);
        }
        List<Numbers.Found> extra = new ArrayList<>();
        for (Numbers.Found number : Numbers.in(typed.text())) {
            Deque<Numbers.Found> same = open.get(number.value());
            if (same == null || same.poll() == null) {
                extra.add(number);
            }
        }
        if (LanguageTags.isEnglish(typed.language())) {
            for (String value : Numbers.wordValues(typed.text())) {
                Deque<Numbers.Found> same = open.get(value);
                if (same != null) {
                    same.poll();
                }
            }
        }
        if (LanguageTags.isCjk(checked.hasSource() ? checked.sourceLanguage() : null)) {
            Map<String, Integer> chinese = new HashMap<>();
            Numbers.chineseValues(origin).forEach(v -> chinese.merge(v, 1, Integer::sum));
            extra.removeIf(number -> chinese.merge(number.value(), -1, Integer::sum) >= 0);
        }
        List<Numbers.Found> expected = open.values().stream().flatMap(Deque::stream)
                .sorted(Comparator.comparingInt(Numbers.Found::offset)).toList();
        boolean paired = !expected.isEmpty() && expected.size() == extra.size();
        for (int i = 0; i < extra.size(); i++) {
            Numbers.Found number = extra.get(i);
            issues.add(issue(IssueCategory.ACCURACY, IssueSeverity.WARNING, number.offset(), number.length(),
                    paired ? "The number " + number.written() + " is " + expected.get(i).written() + " in the "
                            + originName(checked) + "."
                            : "The number " + number.written() + " is not in the " + originName(checked) + ".",
                    paired ? List.of(expected.get(i).written()) : List.of()));
        }
        if (!paired) {
            for (Numbers.Found number : expected) {
                issues.add(issue(IssueCategory.ACCURACY, IssueSeverity.WARNING, 0, 0,
                        "The number " + number.written() + " of the " + originName(checked) + " is missing.",
                        List.of()));
            }
        }
    }

    private static String originName(CheckedText checked) {
        return checked.hasSource() ? "source" : "machine translation";
    }
}

package org.postedit.workbench.check.typography;

import java.util.ArrayList;
import java.util.List;

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
        List<Numbers.Found> expected = new ArrayList<>(Numbers.in(origin));
        List<Numbers.Found> extra = new ArrayList<>();
        List<String> words = LanguageTags.isEnglish(typed.language()) ? new ArrayList<>(Numbers.wordValues(typed.text()))
                : new ArrayList<>();
        for (Numbers.Found number : Numbers.in(typed.text())) {
            if (!removeValue(expected, number.value())) {
                extra.add(number);
            }
        }
        expected.removeIf(number -> words.remove(number.value()));
        if (LanguageTags.isCjk(checked.hasSource() ? checked.sourceLanguage() : null)) {
            List<String> chinese = Numbers.chineseValues(origin);
            extra.removeIf(number -> chinese.remove(number.value()));
        }
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

    private static boolean removeValue(List<Numbers.Found> numbers, String value) {
        for (int i = 0; i < numbers.size(); i++) {
            if (numbers.get(i).value().equals(value)) {
                numbers.remove(i);
                return true;
            }
        }
        return false;
    }

    private static String originName(CheckedText checked) {
        return checked.hasSource() ? "source" : "machine translation";
    }
}

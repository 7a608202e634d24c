package org.postedit.workbench.check.typography;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.postedit.workbench.check.CheckedText;
import org.postedit.workbench.check.Issue;
import org.postedit.workbench.check.IssueCategory;
import org.postedit.workbench.check.IssueSeverity;
import org.postedit.workbench.document.InlineCode;
import org.postedit.workbench.document.TaggedText;

/**
 * Inline codes (tags) of the origin missing from the target, or codes the target has more often. Codes are the
 * original file's markup: the exporter writes them back, so a lost or doubled code breaks the file. A missing code
 * has no place in the target and is reported on the whole segment; an extra one where it stands.
 */
final class CodeMismatch implements TypographyRule {

    @Override
    public String id() {
        return "code-mismatch";
    }

    @Override
    public boolean appliesTo(String targetLanguage) {
        return true;
    }

    @Override
    public void check(TypographyText typed, List<Issue> issues) {
        CheckedText checked = typed.checked();
        TaggedText origin = checked.origin();
        TaggedText target = checked.target();
        if (!origin.hasCodes() && !target.hasCodes()) {
            return;
        }
        Map<String, Integer> expected = new HashMap<>();
        Map<String, InlineCode> byKey = new HashMap<>();
        for (InlineCode code : origin.codes()) {
            expected.merge(key(code), 1, Integer::sum);
            byKey.putIfAbsent(key(code), code);
        }
        int plainOffset = 0;
        List<Issue> extra = new ArrayList<>();
        for (TaggedText.Run run : target.runs()) {
            if (run.code() == null) {
                plainOffset += run.text().length();
                continue;
            }
            String key = key(run.code());
            int left = expected.getOrDefault(key, 0);
            if (left > 0) {
                expected.put(key, left - 1);
            } else {
                extra.add(issue(IssueCategory.ACCURACY, IssueSeverity.ERROR, plainOffset, 0,
                        "The code " + run.code().label() + " is not in the " + originName(checked)
                                + " (or appears there fewer times).", List.of()));
            }
        }
        expected.forEach((key, missing) -> {
            if (missing > 0) {
                issues.add(issue(IssueCategory.ACCURACY, IssueSeverity.ERROR, 0, 0,
                        "The code " + byKey.get(key).label() + " of the " + originName(checked) + " is missing"
                                + (missing > 1 ? " " + missing + " times." : "."), List.of()));
            }
        });
        issues.addAll(extra);
    }

    private static String key(InlineCode code) {
        return code.kind() + ":" + code.id();
    }

    private static String originName(CheckedText checked) {
        return checked.hasSource() ? "source" : "machine translation";
    }
}

package org.postedit.workbench.check.typography;

import java.util.List;
import java.util.Map;

import org.postedit.workbench.check.Issue;
import org.postedit.workbench.check.IssueSeverity;
import org.postedit.workbench.check.text.LanguageTags;

/**
 * Chinese and Japanese punctuation left in a text of another language ({@code 。，：；！？}, full-width brackets and
 * quotes, the ideographic space), with the ASCII character as the fix; sentence punctuation followed directly by a
 * word gets the missing space too. Off for Chinese, Japanese and Korean targets, where these are correct.
 */
final class CjkPunctuation implements TypographyRule {

    private static final Map<Character, String> ASCII = Map.ofEntries(
            Map.entry('。', "."), Map.entry('，', ","), Map.entry('、', ","), Map.entry('：', ":"),
            Map.entry('；', ";"), Map.entry('！', "!"), Map.entry('？', "?"), Map.entry('（', "("),
            Map.entry('）', ")"), Map.entry('［', "["), Map.entry('］', "]"), Map.entry('｛', "{"),
            Map.entry('｝', "}"), Map.entry('【', "["), Map.entry('】', "]"), Map.entry('〔', "["),
            Map.entry('〕', "]"), Map.entry('「', "\""), Map.entry('」', "\""), Map.entry('『', "'"),
            Map.entry('』', "'"), Map.entry('《', "\""), Map.entry('》', "\""), Map.entry('〈', "\""),
            Map.entry('〉', "\""), Map.entry('＂', "\""), Map.entry('＇', "'"), Map.entry('\u3000', " "));

    /** Punctuation that is followed by a space in Latin typography. */
    private static final String SPACED_AFTER = "。，、：；！？）］｝】〕";

    @Override
    public String id() {
        return "cjk-punctuation";
    }

    @Override
    public boolean appliesTo(String targetLanguage) {
        return !LanguageTags.isCjk(targetLanguage);
    }

    @Override
    public void check(TypographyText typed, List<Issue> issues) {
        String text = typed.text();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String ascii = ASCII.get(c);
            if (ascii == null) {
                continue;
            }
            String fix = ascii;
            if (SPACED_AFTER.indexOf(c) >= 0 && i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i + 1))) {
                fix = ascii + " ";
            }
            String what = c == '\u3000' ? "An ideographic (full-width) space" : "The full-width “" + c + "”";
            issues.add(issue(IssueSeverity.ERROR, i, 1, what + " belongs to Chinese or Japanese text; use “"
                    + ascii + "”.", List.of(fix)));
        }
    }
}

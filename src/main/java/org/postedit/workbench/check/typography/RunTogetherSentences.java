package org.postedit.workbench.check.typography;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.postedit.workbench.check.Issue;
import org.postedit.workbench.check.IssueSeverity;
import org.postedit.workbench.check.text.LanguageTags;
import org.postedit.workbench.check.text.SentenceStart;

/**
 * "development.Improve": a sentence end with no space before the next sentence, which MT produces when it joins
 * segments. Not fired inside names, numbers and code ({@code Node.js}, {@code 3.5}, {@code U.S.}, {@code e.g.},
 * {@code www.example.com}, {@code report.PDF}, {@code System.Console.WriteLine}): the next word must be a capitalised
 * ordinary word and the one before must not be an abbreviation, an initial, a path or an address.
 */
final class RunTogetherSentences implements TypographyRule {

    /** "Setup.Exe", "Report.Pdf": a capitalised extension is a file name, not a sentence. */
    private static final Set<String> FILE_EXTENSIONS = Set.of("exe", "pdf", "doc", "docx", "xls", "xlsx", "ppt",
            "pptx", "txt", "md", "html", "htm", "xml", "json", "csv", "zip", "gz", "tar", "png", "jpg", "jpeg", "gif",
            "svg", "js", "ts", "py", "java", "jar", "war", "dll", "so", "app", "apk", "msi", "dmg", "iso", "bat",
            "sh", "yaml", "yml", "ini", "cfg", "conf", "log", "mp3", "mp4", "avi", "mov", "wav", "odt", "ods",
            "rtf", "epub", "xliff", "xlf", "tmx", "tbx", "po", "srt", "vtt", "sql", "db", "bak", "tmp", "net", "com",
            "org", "io", "cn", "de", "uk", "fr", "eu", "gov", "edu");

    @Override
    public String id() {
        return "run-together-sentences";
    }

    @Override
    public boolean appliesTo(String targetLanguage) {
        return !LanguageTags.isCjk(targetLanguage);
    }

    @Override
    public void check(TypographyText typed, List<Issue> issues) {
        String text = typed.text();
        for (int i = 1; i + 2 < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '.' && c != '!' && c != '?') {
                continue;
            }
            if (!Character.isUpperCase(text.charAt(i + 1)) || !Character.isLowerCase(text.charAt(i + 2))) {
                continue;
            }
            char before = text.charAt(i - 1);
            if (!(Character.isLowerCase(before) || Character.isDigit(before) || SentenceStart.isClosingQuote(before))) {
                continue;
            }
            String after = wordAfter(text, i + 1);
            if (isCodeOrAddress(wordBefore(text, i)) || isCodeOrAddress(after)
                    || c == '.' && FILE_EXTENSIONS.contains(after.toLowerCase(Locale.ROOT))
                    || c == '.' && SentenceStart.isAbbreviation(SentenceStart.wordBefore(text, i))) {
                continue;
            }
            issues.add(issue(IssueSeverity.WARNING, i, 1,
                    "No space between two sentences: “" + c + "” is followed directly by the next sentence.",
                    List.of(c + " ")));
        }
    }

    /** The characters up to {@code end} back to the previous white space. */
    private static String wordBefore(String text, int end) {
        int start = end;
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        return text.substring(start, end);
    }

    /** The word starting at {@code start} with the characters that glue code together (dots, brackets). */
    private static String wordAfter(String text, int start) {
        int end = start;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || "._()/@".indexOf(text.charAt(end)) >= 0)) {
            end++;
        }
        return text.substring(start, end);
    }

    /** Paths, addresses, dotted names and method calls are not sentences. */
    private static boolean isCodeOrAddress(String word) {
        if (word.contains("/") || word.contains("@") || word.contains("\\") || word.contains("_")
                || word.contains("://") || word.contains("(")) {
            return true;
        }
        // a dot followed by a letter inside the word: "www.example.Com", "System.Console.WriteLine"
        for (int i = 0; i + 1 < word.length(); i++) {
            if (word.charAt(i) == '.' && Character.isLetterOrDigit(word.charAt(i + 1))) {
                return true;
            }
        }
        // camel case after the first letter ("WriteLine", "JavaScript") reads as code or a product name
        for (int i = 1; i < word.length(); i++) {
            if (Character.isUpperCase(word.charAt(i)) && Character.isLowerCase(word.charAt(i - 1))) {
                return true;
            }
        }
        return false;
    }
}

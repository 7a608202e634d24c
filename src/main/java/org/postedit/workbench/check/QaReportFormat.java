package org.postedit.workbench.check;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.postedit.workbench.document.Document;

/**
 * The QA report as a file: CSV for spreadsheets, or one self-contained HTML page (styles inline, nothing loaded
 * from anywhere) with the counts and the issue list. Every text from the document is escaped.
 */
public enum QaReportFormat {
    CSV("csv", "text/csv;charset=UTF-8"),
    HTML("html", "text/html;charset=UTF-8");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final String extension;
    private final String mediaType;

    QaReportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** The format named {@code csv} or {@code html}; null when the name is neither. */
    public static QaReportFormat of(String name) {
        for (QaReportFormat format : values()) {
            if (format.extension.equalsIgnoreCase(name == null ? "" : name.strip())) {
                return format;
            }
        }
        return null;
    }

    public String mediaType() {
        return mediaType;
    }

    public String fileName(Document document) {
        String base = document.name().replaceAll("\\.[^.]*$", "");
        return base + "-qa." + extension;
    }

    public byte[] write(Document document, IssueCounts counts, List<ReportedIssue> issues, Instant now) {
        String text = this == CSV ? csv(issues) : html(document, counts, issues, now);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // ---- CSV ----

    static String csv(List<ReportedIssue> issues) {
        StringBuilder out = new StringBuilder("\uFEFF");
        row(out, "segment", "category", "severity", "checker", "rule", "text", "issue", "message", "suggestions",
                "ignored");
        for (ReportedIssue r : issues) {
            Issue i = r.issue();
            row(out, Integer.toString(r.ordinal()), label(i.category()), i.severity().name().toLowerCase(Locale.ROOT),
                    i.checker(), i.ruleId(), Excerpt.of(r).plain(), r.coveredText(), i.message(),
                    String.join(" | ", i.suggestions()), r.ignored() ? "yes" : "");
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i]));
        }
        out.append("\r\n");
    }

    /**
     * One CSV cell, quoted when needed (RFC 4180). A cell a spreadsheet would run as a formula (=, +, -, @, tab,
     * carriage return first) gets a leading apostrophe: document text is data, never a formula.
     */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    // ---- HTML ----

    static String html(Document document, IssueCounts counts, List<ReportedIssue> issues, Instant now) {
        StringBuilder out = new StringBuilder(4096 + issues.size() * 400);
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>QA report: ").append(escape(document.name())).append("</title>\n<style>")
                .append("body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#222}")
                .append("table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.25rem .5rem;")
                .append("vertical-align:top;text-align:left}th{background:#f3f3f3}td.n{text-align:right}")
                .append("mark{background:#ffe08a;text-decoration:underline wavy #c00}")
                .append(".error{color:#b00}.warning{color:#a60}.info{color:#06c}.ignored{opacity:.55}")
                .append("</style></head><body>\n<h1>QA report: ").append(escape(document.name())).append("</h1>\n<p>")
                .append(escape(languages(document))).append(" · ").append(document.segmentCount())
                .append(" segments · ").append(counts.total()).append(" open issues");
        if (counts.ignored() > 0) {
            out.append(" · ").append(counts.ignored()).append(" ignored");
        }
        out.append(" · ").append(TIME.format(now)).append("</p>\n");

        out.append("<h2>Counts</h2>\n<table><tr><th>Category</th>");
        for (IssueSeverity severity : IssueSeverity.values()) {
            out.append("<th>").append(label(severity)).append("</th>");
        }
        out.append("<th>Total</th></tr>\n");
        for (IssueCategory category : IssueCategory.values()) {
            if (counts.count(category) == 0) {
                continue;
            }
            out.append("<tr><td>").append(label(category)).append("</td>");
            for (IssueSeverity severity : IssueSeverity.values()) {
                out.append("<td class=\"n\">").append(counts.count(category, severity)).append("</td>");
            }
            out.append("<td class=\"n\">").append(counts.count(category)).append("</td></tr>\n");
        }
        out.append("<tr><th>Total</th>");
        for (IssueSeverity severity : IssueSeverity.values()) {
            out.append("<th class=\"n\">").append(counts.count(severity)).append("</th>");
        }
        out.append("<th class=\"n\">").append(counts.total()).append("</th></tr></table>\n");

        out.append("<h2>Issues</h2>\n");
        if (issues.isEmpty()) {
            out.append("<p>No open issues.</p>\n");
        } else {
            out.append("<table><tr><th>#</th><th>Text</th><th>Issue</th><th>Suggestions</th><th>Category</th>")
                    .append("<th>Rule</th></tr>\n");
            for (ReportedIssue r : issues) {
                Issue i = r.issue();
                Excerpt excerpt = Excerpt.of(r);
                String severity = i.severity().name().toLowerCase(Locale.ROOT);
                out.append("<tr").append(r.ignored() ? " class=\"ignored\"" : "").append("><td class=\"n\">")
                        .append(r.ordinal()).append("</td><td>").append(escape(excerpt.before())).append("<mark>")
                        .append(escape(excerpt.covered())).append("</mark>").append(escape(excerpt.after()))
                        .append("</td><td class=\"").append(severity).append("\">").append(escape(i.message()))
                        .append(r.ignored() ? " (ignored)" : "").append("</td><td>")
                        .append(escape(String.join(" · ", i.suggestions()))).append("</td><td>")
                        .append(label(i.category())).append(", ").append(severity).append("</td><td>")
                        .append(escape(i.checker() + " / " + i.ruleId())).append("</td></tr>\n");
            }
            out.append("</table>\n");
        }
        return out.append("</body></html>\n").toString();
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // control characters other than tab and line breaks are not allowed in HTML text
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String languages(Document d) {
        return d.sourceLanguage() == null ? d.targetLanguage() + " (MT only)"
                : d.sourceLanguage() + " → " + d.targetLanguage();
    }

    public static String label(IssueCategory category) {
        String name = category.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    public static String label(IssueSeverity severity) {
        String name = severity.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}

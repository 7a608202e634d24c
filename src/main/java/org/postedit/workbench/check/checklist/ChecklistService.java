package org.postedit.workbench.check.checklist;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.postedit.workbench.check.Issue;
import org.postedit.workbench.check.IssueSeverity;
import org.postedit.workbench.check.text.LanguageTags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The project checklist: user-defined regular-expression rules. Everyone reads them; terminologists and
 * administrators change them. Every change bumps {@link #version()}, which cached checklist results key on.
 * Rules are validated before they are stored (the pattern must compile, lengths are bounded, the replacement may
 * only name groups the pattern has), so the checker never meets a broken rule.
 */
@Service
public class ChecklistService {

    static final String WRITE = "hasAnyRole('ADMIN','TERMINOLOGIST')";
    private static final Logger log = LoggerFactory.getLogger(ChecklistService.class);
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8}){0,3}");
    /** CSV columns, in the order export writes them (docs/checks.md). */
    static final List<String> COLUMNS = List.of("rule_id", "name", "message", "pattern", "replacement", "severity",
            "enabled", "target_language");

    private final ChecklistRepository repository;
    private final ChecklistProperties properties;
    private final Clock clock;
    private volatile Compiled compiled = new Compiled(-1, List.of());

    public ChecklistService(ChecklistRepository repository, ChecklistProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    private record Compiled(long version, List<CompiledRule> rules) {
    }

    /** Result of a CSV import: what was added and updated; nothing is stored when {@code problems} is not empty. */
    public record ImportResult(int added, int updated, List<String> problems) {
    }

    @Transactional(readOnly = true)
    public List<ChecklistRule> rules() {
        return repository.all();
    }

    @Transactional(readOnly = true)
    public Optional<ChecklistRule> rule(long id) {
        return repository.byId(id);
    }

    /** Bumped by every change of the checklist. */
    @Transactional(readOnly = true)
    public long version() {
        return repository.revision();
    }

    public ChecklistProperties limits() {
        return properties;
    }

    /** The enabled rules for a target language, compiled; recompiled only when the checklist changed. */
    @Transactional(readOnly = true)
    public List<CompiledRule> enabledRules(String targetLanguage) {
        long version = repository.revision();
        Compiled current = compiled;
        if (current.version() != version) {
            List<CompiledRule> rules = new ArrayList<>();
            for (ChecklistRule rule : repository.all()) {
                if (rule.enabled()) {
                    try {
                        rules.add(CompiledRule.of(rule));
                    } catch (PatternSyntaxException e) {
                        // only possible for rows written around this service; the other rules still run
                        log.warn("Checklist rule {} has a pattern that does not compile; it is skipped", rule.key());
                    }
                }
            }
            current = new Compiled(version, List.copyOf(rules));
            compiled = current;
        }
        return current.rules().stream().filter(r -> LanguageTags.covers(r.rule().targetLanguage(), targetLanguage))
                .toList();
    }

    /**
     * Tries a rule that need not be stored (the editor's "test" button) on a sample text, under the same limits
     * as the checker.
     *
     * @throws ChecklistValidationException when the rule is not valid
     */
    public List<Issue> test(ChecklistRule draft, String sample) {
        ChecklistRule named = normalise(draft);
        // a pattern is worth trying before it has a name
        ChecklistRule rule = withKey(named.name() == null && named.key() == null ? new ChecklistRule(0, "test", "Test",
                named.message(), named.pattern(), named.replacement(), named.severity(), true,
                named.targetLanguage(), null, null, null, null) : named, null);
        List<String> problems = validate(rule);
        if (!problems.isEmpty()) {
            throw new ChecklistValidationException(problems);
        }
        return ChecklistRun.apply(List.of(CompiledRule.of(rule)), sample == null ? "" : sample,
                properties.ruleTimeout(), properties.segmentTimeout(), properties.maxMatches()).issues();
    }

    @PreAuthorize(WRITE)
    @Transactional
    public ChecklistRule create(ChecklistRule draft, String user) {
        ChecklistRule rule = withKey(normalise(draft), null);
        List<String> problems = validate(rule);
        if (repository.byKey(rule.key()).isPresent()) {
            problems.add("A rule with the id “" + rule.key() + "” exists already.");
        }
        if (!problems.isEmpty()) {
            throw new ChecklistValidationException(problems);
        }
        long id = repository.insert(rule, user, clock.instant());
        repository.bumpRevision();
        log.info("{} added checklist rule {}", user, rule.key());
        return repository.byId(id).orElseThrow();
    }

    @PreAuthorize(WRITE)
    @Transactional
    public ChecklistRule update(long id, ChecklistRule draft, String user) {
        ChecklistRule existing = repository.byId(id).orElseThrow(() -> new ChecklistValidationException(
                List.of("The rule was deleted in the meantime.")));
        ChecklistRule rule = withKey(normalise(draft), existing.key());
        List<String> problems = validate(rule);
        repository.byKey(rule.key()).filter(other -> other.id() != id).ifPresent(other ->
                problems.add("A rule with the id “" + rule.key() + "” exists already."));
        if (!problems.isEmpty()) {
            throw new ChecklistValidationException(problems);
        }
        repository.update(id, rule, user, clock.instant());
        repository.bumpRevision();
        log.info("{} changed checklist rule {}", user, rule.key());
        return repository.byId(id).orElseThrow();
    }

    @PreAuthorize(WRITE)
    @Transactional
    public ChecklistRule setEnabled(long id, boolean enabled, String user) {
        ChecklistRule existing = repository.byId(id).orElseThrow(() -> new ChecklistValidationException(
                List.of("The rule was deleted in the meantime.")));
        repository.update(id, existing.withEnabled(enabled), user, clock.instant());
        repository.bumpRevision();
        log.info("{} {} checklist rule {}", user, enabled ? "enabled" : "disabled", existing.key());
        return repository.byId(id).orElseThrow();
    }

    @PreAuthorize(WRITE)
    @Transactional
    public void delete(long id, String user) {
        if (repository.delete(id)) {
            repository.bumpRevision();
            log.info("{} deleted checklist rule {}", user, id);
        }
    }

    // ---------------------------------------------------------------- CSV

    /**
     * Imports rules from CSV (UTF-8, RFC 4180, header row naming the columns of {@link #COLUMNS} in any order;
     * {@code pattern} and {@code name} or {@code rule_id} are required). A row whose rule id exists updates that
     * rule, others are added. All or nothing: with any problem, nothing is stored and every problem is returned.
     */
    @PreAuthorize(WRITE)
    @Transactional
    public ImportResult importCsv(InputStream in, String user) throws IOException {
        List<List<String>> records;
        try (Reader reader = ChecklistCsv.reader(in)) {
            records = ChecklistCsv.read(reader, 10_000);
        } catch (ChecklistCsv.MalformedCsvException e) {
            return new ImportResult(0, 0, List.of(e.getMessage()));
        }
        if (records.isEmpty()) {
            return new ImportResult(0, 0, List.of("The file is empty."));
        }
        Map<String, Integer> header = ChecklistCsv.header(records.getFirst());
        List<String> problems = new ArrayList<>();
        if (!header.containsKey("pattern") || !header.containsKey("name") && !header.containsKey("rule_id")) {
            return new ImportResult(0, 0, List.of("The header must name the columns “pattern” and “name” or "
                    + "“rule_id” (all columns: " + String.join(", ", COLUMNS) + ")."));
        }
        List<ChecklistRule> rows = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> record = records.get(r);
            if (record.stream().allMatch(String::isBlank)) {
                continue;
            }
            String line = "Row " + (r + 1) + ": ";
            String severityText = cell(record, header, "severity");
            IssueSeverity severity = severityText == null ? IssueSeverity.WARNING : parseSeverity(severityText);
            if (severity == null) {
                problems.add(line + "the severity “" + severityText + "” is not error, warning or info.");
                continue;
            }
            String enabledText = cell(record, header, "enabled");
            Boolean enabled = enabledText == null ? Boolean.TRUE : parseBoolean(enabledText);
            if (enabled == null) {
                problems.add(line + "enabled must be true or false, not “" + enabledText + "”.");
                continue;
            }
            ChecklistRule rule = withKey(normalise(ChecklistRule.draft(cell(record, header, "rule_id"),
                    cell(record, header, "name"), cell(record, header, "message"), cell(record, header, "pattern"),
                    cell(record, header, "replacement"), severity, enabled,
                    cell(record, header, "target_language"))), null);
            validate(rule).forEach(p -> problems.add(line + p));
            if (!keys.add(rule.key())) {
                problems.add(line + "the rule id “" + rule.key() + "” appears twice in the file.");
            }
            rows.add(rule);
        }
        if (!problems.isEmpty()) {
            return new ImportResult(0, 0, problems);
        }
        int added = 0;
        int updated = 0;
        for (ChecklistRule rule : rows) {
            Optional<ChecklistRule> existing = repository.byKey(rule.key());
            if (existing.isPresent()) {
                repository.update(existing.get().id(), rule, user, clock.instant());
                updated++;
            } else {
                repository.insert(rule, user, clock.instant());
                added++;
            }
        }
        if (added + updated > 0) {
            repository.bumpRevision();
        }
        log.info("{} imported the checklist: {} added, {} updated", user, added, updated);
        return new ImportResult(added, updated, List.of());
    }

    /** All rules as CSV (UTF-8 with a header row), to import elsewhere. */
    @Transactional(readOnly = true)
    public void exportCsv(OutputStream out) throws IOException {
        Writer writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
        ChecklistCsv.writeRecord(writer, COLUMNS);
        for (ChecklistRule rule : repository.all()) {
            ChecklistCsv.writeRecord(writer, List.of(rule.key(), rule.name(), rule.message(), rule.pattern(),
                    rule.replacement() == null ? "" : rule.replacement(),
                    rule.severity().name().toLowerCase(Locale.ROOT), String.valueOf(rule.enabled()),
                    rule.targetLanguage() == null ? "" : rule.targetLanguage()));
        }
        writer.flush();
    }

    // ---------------------------------------------------------------- rules of a rule

    /** Problems of a rule in words; empty when it can be stored. */
    List<String> validate(ChecklistRule rule) {
        List<String> problems = new ArrayList<>();
        if (rule.name() == null) {
            problems.add("The rule needs a name.");
        } else if (rule.name().length() > 200) {
            problems.add("The name is longer than 200 characters.");
        }
        if (rule.key() == null || !KEY.matcher(rule.key()).matches()) {
            problems.add("The rule id must be 1 to 100 letters, digits, dots, dashes or underscores.");
        }
        if (rule.message() != null && rule.message().length() > 1000) {
            problems.add("The message is longer than 1000 characters.");
        }
        if (rule.severity() == null) {
            problems.add("The rule needs a severity.");
        }
        if (rule.targetLanguage() != null && !LANGUAGE.matcher(rule.targetLanguage()).matches()) {
            problems.add("“" + rule.targetLanguage() + "” is not a language tag such as en or en-GB.");
        }
        int max = properties.maxPatternLength();
        if (rule.pattern() == null) {
            problems.add("The rule needs a pattern.");
            return problems;
        }
        if (rule.pattern().length() > max) {
            problems.add("The pattern is longer than " + max + " characters.");
            return problems;
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(rule.pattern());
        } catch (PatternSyntaxException e) {
            problems.add("The pattern is not a valid regular expression: " + e.getDescription()
                    + (e.getIndex() >= 0 ? " (at character " + (e.getIndex() + 1) + ")" : "") + ".");
            return problems;
        } catch (RuntimeException | StackOverflowError e) {
            problems.add("The pattern cannot be compiled.");
            return problems;
        }
        if (pattern.matcher("").matches()) {
            problems.add("The pattern matches an empty text; it would find nothing to underline.");
        }
        if (rule.replacement() != null) {
            if (rule.replacement().length() > max) {
                problems.add("The replacement is longer than " + max + " characters.");
            } else {
                problems.addAll(Replacement.problems(rule.replacement(), pattern));
            }
        }
        return problems;
    }

    /** Trimmed texts and blanks as null; the pattern and replacement keep their spaces, which may matter. */
    private static ChecklistRule normalise(ChecklistRule rule) {
        String name = blankToNull(rule.name());
        String message = blankToNull(rule.message());
        return new ChecklistRule(rule.id(), blankToNull(rule.key()), name, message == null ? name : message,
                rule.pattern() == null || rule.pattern().isEmpty() ? null : rule.pattern(),
                rule.replacement() == null || rule.replacement().isEmpty() ? null : rule.replacement(),
                rule.severity(), rule.enabled(), blankToNull(rule.targetLanguage()), rule.createdBy(),
                rule.createdAt(), rule.updatedBy(), rule.updatedAt());
    }

    /** The rule with its key: the given one, the existing one on update, or one made from the name. */
    private static ChecklistRule withKey(ChecklistRule rule, String existing) {
        String key = rule.key() != null ? rule.key() : existing != null ? existing : slug(rule.name());
        return new ChecklistRule(rule.id(), key, rule.name() == null ? key : rule.name(), rule.message() == null
                ? (rule.name() == null ? key : rule.name()) : rule.message(), rule.pattern(), rule.replacement(),
                rule.severity(), rule.enabled(), rule.targetLanguage(), rule.createdBy(), rule.createdAt(),
                rule.updatedBy(), rule.updatedAt());
    }

    static String slug(String name) {
        if (name == null) {
            return null;
        }
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? null : slug;
    }

    private static String cell(List<String> record, Map<String, Integer> header, String column) {
        Integer index = header.get(column);
        if (index == null || index >= record.size()) {
            return null;
        }
        String value = record.get(index);
        return value.isBlank() && !column.equals("replacement") ? null : value;
    }

    private static IssueSeverity parseSeverity(String text) {
        for (IssueSeverity severity : IssueSeverity.values()) {
            if (severity.name().equalsIgnoreCase(text.strip())) {
                return severity;
            }
        }
        return null;
    }

    private static Boolean parseBoolean(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> Boolean.TRUE;
            case "false", "no", "0", "off" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

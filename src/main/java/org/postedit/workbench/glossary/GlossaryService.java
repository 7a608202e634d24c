package org.postedit.workbench.glossary;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.postedit.workbench.glossary.matching.MatchableTerm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The terminology base: glossaries, concepts and their terms, search, validation, the audit, TBX/CSV import (with
 * preview) and export. Writes need the ADMIN or TERMINOLOGIST role; every write bumps {@link #glossaryVersion()}.
 */
@Service
@Transactional
public class GlossaryService {

    static final String WRITE =
            "hasAnyRole(T(org.postedit.workbench.security.Permission).EDIT_TERMINOLOGY.roleNames())";
    private static final Logger log = LoggerFactory.getLogger(GlossaryService.class);
    private static final int MAX_TERM_LENGTH = 500;
    private static final Pattern GENERATED_KEY = Pattern.compile("c(\\d{1,12})");

    private final GlossaryRepository repository;
    private final Clock clock;

    public GlossaryService(GlossaryRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- glossaries

    @Transactional(readOnly = true)
    public List<Glossary> glossaries() {
        return repository.glossaries();
    }

    /** The glossary of the shipped terms, every document's default. */
    @Transactional(readOnly = true)
    public Glossary generalGlossary() {
        return repository.glossaryByName(Glossary.GENERAL)
                .orElseThrow(() -> new IllegalStateException("The General glossary is missing"));
    }

    @Transactional(readOnly = true)
    public Optional<Glossary> glossary(long id) {
        return repository.glossary(id);
    }

    @PreAuthorize(WRITE)
    public Glossary createGlossary(String name, String description, String user) {
        String clean = Texts.clean(name);
        if (clean == null) {
            throw new GlossaryValidationException(List.of("A glossary needs a name."));
        }
        if (repository.glossaryByName(clean).isPresent()) {
            throw new GlossaryValidationException(List.of("A glossary named '" + clean + "' already exists."));
        }
        long id = repository.insertGlossary(clean, Texts.clean(description), clock.instant());
        repository.audit(id, null, null, "CREATE", "Created glossary " + clean, user, clock.instant());
        repository.bumpRevision();
        return new Glossary(id, clean, Texts.clean(description));
    }

    /** The glossaries a document uses: its own choice, or the General glossary when it has none. */
    @Transactional(readOnly = true)
    public List<Long> documentGlossaries(long documentId) {
        List<Long> ids = repository.documentGlossaries(documentId);
        return ids.isEmpty() ? List.of(generalGlossary().id()) : ids;
    }

    @PreAuthorize(WRITE)
    public void setDocumentGlossaries(long documentId, List<Long> glossaryIds, String user) {
        for (Long id : glossaryIds) {
            requireGlossary(id);
        }
        repository.setDocumentGlossaries(documentId, new java.util.LinkedHashSet<>(glossaryIds));
        repository.bumpRevision();
        log.info("{} set the glossaries of document {} to {}", user, documentId, glossaryIds);
    }

    // ---------------------------------------------------------------- search

    /** Concepts having a term that matches the query (text, language, status) in the glossary and domain. */
    @Transactional(readOnly = true)
    public List<Concept> searchConcepts(GlossaryQuery query, int offset, int limit) {
        return repository.searchConcepts(query, offset, limit);
    }

    @Transactional(readOnly = true)
    public int countConcepts(GlossaryQuery query) {
        return repository.countConcepts(query);
    }

    /** Terms matching the query, each with its concept's key, domain and note. */
    @Transactional(readOnly = true)
    public List<TermHit> searchTerms(GlossaryQuery query, int offset, int limit) {
        return repository.searchTerms(query, offset, limit);
    }

    @Transactional(readOnly = true)
    public int countTerms(GlossaryQuery query) {
        return repository.countTerms(query);
    }

    /** The domains in use, for a filter. */
    @Transactional(readOnly = true)
    public List<String> domains(Long glossaryId) {
        return repository.domains(glossaryId);
    }

    @Transactional(readOnly = true)
    public Optional<Concept> concept(long id) {
        return repository.concept(id);
    }

    /** The terms of the glossaries as the term matcher needs them, in one query (build a TermMatcher from them). */
    @Transactional(readOnly = true)
    public List<MatchableTerm> matchableTerms(Collection<Long> glossaryIds) {
        return repository.matchableTerms(glossaryIds);
    }

    /** Bumped by every change of any glossary; caches of glossary checks key on it. */
    @Transactional(readOnly = true)
    public long glossaryVersion() {
        return repository.revision();
    }

    // ---------------------------------------------------------------- edit

    @PreAuthorize(WRITE)
    public Concept createConcept(long glossaryId, Concept draft, String user) {
        requireGlossary(glossaryId);
        Concept concept = normalise(draft);
        List<String> problems = validate(concept);
        problems.addAll(preferredConflicts(glossaryId, concept, 0));
        if (concept.key() != null && repository.keyExists(glossaryId, concept.key(), 0)) {
            problems.add("The concept id '" + concept.key() + "' is already used in this glossary.");
        }
        if (!problems.isEmpty()) {
            throw new GlossaryValidationException(problems);
        }
        if (concept.key() == null) {
            concept = withKey(concept, new KeyGenerator(repository.keys(glossaryId)).next());
        }
        long id = repository.insertConcept(glossaryId, concept, user, clock.instant());
        repository.audit(glossaryId, id, concept.key(), "CREATE", "Created " + concept.key() + ": "
                + describe(concept.terms()), user, clock.instant());
        repository.bumpRevision();
        return repository.concept(id).orElseThrow();
    }

    @PreAuthorize(WRITE)
    public Concept updateConcept(long conceptId, Concept draft, String user) {
        Concept old = repository.concept(conceptId).orElseThrow(() -> new ConceptNotFoundException(conceptId));
        Concept concept = normalise(draft);
        if (concept.key() == null) {
            concept = withKey(concept, old.key());
        }
        List<String> problems = validate(concept);
        problems.addAll(preferredConflicts(old.glossaryId(), concept, conceptId));
        if (repository.keyExists(old.glossaryId(), concept.key(), conceptId)) {
            problems.add("The concept id '" + concept.key() + "' is already used in this glossary.");
        }
        if (!problems.isEmpty()) {
            throw new GlossaryValidationException(problems);
        }
        repository.updateConcept(conceptId, concept, user, clock.instant());
        repository.audit(old.glossaryId(), conceptId, concept.key(), "UPDATE",
                "Updated " + concept.key() + ": " + changes(old, concept), user, clock.instant());
        repository.bumpRevision();
        return repository.concept(conceptId).orElseThrow();
    }

    @PreAuthorize(WRITE)
    public void deleteConcept(long conceptId, String user) {
        Concept old = repository.concept(conceptId).orElseThrow(() -> new ConceptNotFoundException(conceptId));
        repository.deleteConcept(conceptId);
        repository.audit(old.glossaryId(), conceptId, old.key(), "DELETE",
                "Deleted " + old.key() + ": " + describe(old.terms()), user, clock.instant());
        repository.bumpRevision();
    }

    /** Newest first; glossaryId and conceptId narrow it (null = all). */
    @Transactional(readOnly = true)
    public List<AuditEntry> audit(Long glossaryId, Long conceptId, int offset, int limit) {
        return repository.auditEntries(glossaryId, conceptId, offset, limit);
    }

    @Transactional(readOnly = true)
    public int countAudit(Long glossaryId, Long conceptId) {
        return repository.countAudit(glossaryId, conceptId);
    }

    // ---------------------------------------------------------------- import

    /**
     * Imports a TBX (v2 or v3) or CSV/TSV file (detected from its content) into a glossary, or only previews what it
     * would change. All or nothing: a bad file changes nothing and raises GlossaryImportException with line (TBX)
     * or row (CSV) numbers.
     *
     * @param progress receives 0..1 while the file is read and applied (from the calling thread)
     */
    @PreAuthorize(WRITE)
    public ImportSummary importFile(long glossaryId, Path file, String fileName, ImportMode mode, boolean preview,
                                    String user, DoubleConsumer progress) {
        return importUnchecked(glossaryId, file, fileName, mode, preview, user, progress);
    }

    private ImportSummary importUnchecked(long glossaryId, Path file, String fileName, ImportMode mode, boolean preview,
                                  String user, DoubleConsumer progress) {
        requireGlossary(glossaryId);
        DoubleConsumer report = progress == null ? p -> { } : progress;
        long started = System.nanoTime();
        ParsedFile parsed = parse(file, report);
        List<Concept> existing = repository.conceptsOf(glossaryId);
        Plan plan = plan(existing, parsed.concepts(), mode);
        ImportSummary summary = plan.summary(parsed, mode, !preview);
        if (preview) {
            report.accept(1);
            return summary;
        }
        report.accept(0.55);
        String now = user;
        repository.deleteConcepts(plan.removed.stream().map(Concept::id).toList());
        report.accept(0.6);
        repository.updateConcepts(plan.updated, now, clock.instant());
        report.accept(0.7);
        int chunks = Math.max(1, (plan.added.size() + 999) / 1000);
        int[] done = {0};
        repository.insertConcepts(glossaryId, plan.added, user, clock.instant(),
                () -> report.accept(0.7 + 0.25 * (++done[0]) / chunks));
        repository.audit(glossaryId, null, null, "IMPORT", "Imported %s (%s, %s): %d concepts added, %d updated, %d removed; %d terms added, %d removed"
                        .formatted(fileName == null ? "a file" : fileName, summary.format(), mode.name().toLowerCase(),
                                summary.conceptsAdded(), summary.conceptsUpdated(), summary.conceptsRemoved(),
                                summary.termsAdded(), summary.termsRemoved()),
                user, clock.instant());
        repository.bumpRevision();
        report.accept(1);
        log.info("{} imported {} into glossary {}: {} added, {} updated, {} removed in {} ms", user,
                fileName, glossaryId, summary.conceptsAdded(), summary.conceptsUpdated(), summary.conceptsRemoved(),
                (System.nanoTime() - started) / 1_000_000);
        return summary;
    }

    private record ParsedFile(String format, List<ParsedConcept> concepts, List<String> warnings) {
    }

    private ParsedFile parse(Path file, DoubleConsumer progress) {
        long size;
        byte[] head = new byte[4096];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new GlossaryImportException(-1, "the file cannot be read: " + e.getMessage());
        }
        if (n == 0) {
            throw new GlossaryImportException(-1, "the file is empty.");
        }
        Charset charset = StandardCharsets.UTF_8;
        int bom = 0;
        if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            bom = 3;
        } else if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
        } else if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
        }
        String start = new String(head, bom, n - bom, charset).stripLeading();
        double scale = 0.5 / Math.max(1, size);
        try (InputStream raw = new CountingStream(new BufferedInputStream(Files.newInputStream(file), 65536),
                bytes -> progress.accept(bytes * scale))) {
            if (start.startsWith("<")) {
                TbxReader reader = new TbxReader();
                List<ParsedConcept> concepts = new ArrayList<>();
                reader.read(raw, concepts::add);
                return new ParsedFile("tbx", concepts, reader.warnings());
            }
            String firstLine = start.lines().findFirst().orElse("");
            char delimiter = count(firstLine, '\t') > count(firstLine, ',') ? '\t' : ',';
            raw.skipNBytes(bom);
            Reader reader = new InputStreamReader(raw, charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
            List<ParsedConcept> concepts = GlossaryCsv.read(new java.io.BufferedReader(reader, 65536), delimiter,
                    row -> { });
            return new ParsedFile(delimiter == '\t' ? "tsv" : "csv", concepts, List.of());
        } catch (IOException e) {
            throw new GlossaryImportException(-1, "the file cannot be read: " + e.getMessage());
        }
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }

    /** What an import does: validated in memory against the glossary's current concepts. */
    private final class Plan {
        final List<Concept> added = new ArrayList<>();
        final List<Concept> updated = new ArrayList<>();
        final List<Concept> removed = new ArrayList<>();
        int unchanged;
        int termsAdded;
        int termsRemoved;
        final List<String> samples = new ArrayList<>();

        ImportSummary summary(ParsedFile file, ImportMode mode, boolean applied) {
            int terms = file.concepts().stream().mapToInt(p -> p.concept().terms().size()).sum();
            return new ImportSummary(file.format(), mode, applied, file.concepts().size(), terms, added.size(),
                    updated.size(), unchanged, removed.size(), termsAdded, termsRemoved, List.copyOf(samples),
                    file.warnings());
        }

        void sample(String line) {
            if (samples.size() < ImportSummary.MAX_SAMPLES) {
                samples.add(line);
            }
        }
    }

    private Plan plan(List<Concept> existing, List<ParsedConcept> incoming, ImportMode mode) {
        List<ImportProblem> problems = new ArrayList<>();
        Map<String, Concept> byKey = new HashMap<>();
        Map<String, Concept> byPreferred = new HashMap<>();
        for (Concept c : existing) {
            byKey.put(c.key(), c);
            for (Term t : c.terms()) {
                if (t.status() == TermStatus.PREFERRED) {
                    byPreferred.putIfAbsent(t.language() + "\u0000" + Texts.lower(t.text()), c);
                }
            }
        }
        Set<Long> matched = new HashSet<>();
        Set<String> fileKeys = new HashSet<>();
        record Incoming(int line, Concept concept, Concept match) {
        }
        List<Incoming> list = new ArrayList<>();
        for (ParsedConcept p : incoming) {
            Concept c = normalise(p.concept());
            for (String problem : validate(c)) {
                problems.add(new ImportProblem(p.line(), problem));
            }
            if (c.key() != null && !fileKeys.add(c.key())) {
                problems.add(new ImportProblem(p.line(), "the concept id '" + c.key() + "' occurs twice in the file."));
            }
            Concept match = c.key() == null ? null : byKey.get(c.key());
            if (match == null) {
                for (Term t : c.terms()) {
                    if (t.status() == TermStatus.PREFERRED) {
                        Concept candidate = byPreferred.get(t.language() + "\u0000" + Texts.lower(t.text()));
                        if (candidate != null && !matched.contains(candidate.id())
                                && (c.key() == null || !fileKeys.contains(candidate.key()))) {
                            match = candidate;
                            break;
                        }
                    }
                }
            }
            if (match != null && !matched.add(match.id())) {
                match = null;
            }
            list.add(new Incoming(p.line(), c, match));
        }
        if (!problems.isEmpty()) {
            throw refused(problems);
        }
        Plan plan = new Plan();
        // the glossary after the import: used keys and preferred terms
        Set<String> keys = new HashSet<>();
        Map<String, String> preferredOwner = new HashMap<>();
        if (mode == ImportMode.MERGE) {
            for (Concept c : existing) {
                if (!matched.contains(c.id())) {
                    keys.add(c.key());
                    for (Term t : c.terms()) {
                        if (t.status() == TermStatus.PREFERRED) {
                            preferredOwner.put(t.language() + "\u0000" + Texts.lower(t.text()), c.key());
                        }
                    }
                }
            }
        } else {
            for (Concept c : existing) {
                if (!matched.contains(c.id())) {
                    plan.removed.add(c);
                    plan.termsRemoved += c.terms().size();
                    plan.sample("removed " + c.key() + ": " + describe(c.terms()));
                }
            }
        }
        for (Incoming in : list) {
            if (in.match() != null) {
                keys.add(in.concept().key() != null ? in.concept().key() : in.match().key());
            } else if (in.concept().key() != null) {
                keys.add(in.concept().key());
            }
        }
        KeyGenerator generator = new KeyGenerator(keys);
        for (Incoming in : list) {
            Concept c = in.concept();
            if (in.match() != null) {
                Concept old = in.match();
                Concept next = new Concept(old.id(), old.glossaryId(), c.key() != null ? c.key() : old.key(),
                        c.domain(), c.definition(), c.note(), c.terms(), null, null);
                if (old.sameContent(next)) {
                    plan.unchanged++;
                } else {
                    plan.updated.add(next);
                    List<Term> before = old.terms().stream().map(Term::withoutId).collect(Collectors.toList());
                    List<Term> after = new ArrayList<>(next.terms());
                    List<Term> gone = new ArrayList<>(before);
                    gone.removeAll(after);
                    after.removeAll(before);
                    plan.termsAdded += after.size();
                    plan.termsRemoved += gone.size();
                    plan.sample("updated " + next.key() + ": " + changes(old, next));
                }
                c = next;
            } else {
                if (c.key() == null) {
                    c = withKey(c, generator.next());
                }
                plan.added.add(c);
                plan.termsAdded += c.terms().size();
                plan.sample("added " + c.key() + ": " + describe(c.terms()));
            }
            for (Term t : c.terms()) {
                if (t.status() == TermStatus.PREFERRED) {
                    String owner = preferredOwner.putIfAbsent(t.language() + "\u0000" + Texts.lower(t.text()),
                            c.key());
                    if (owner != null && !owner.equals(c.key())) {
                        problems.add(new ImportProblem(in.line(), "the preferred %s term '%s' is already the preferred term of concept %s."
                                .formatted(t.language(), t.text(), owner)));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw refused(problems);
        }
        return plan;
    }

    private static GlossaryImportException refused(List<ImportProblem> problems) {
        ImportProblem first = problems.getFirst();
        return new GlossaryImportException("The file was not imported: %d problem(s); the first: %s".formatted(
                problems.size(), first.line() > 0 && !first.message().startsWith("row ")
                        ? "line " + first.line() + ": " + first.message() : first.message()), problems);
    }

    // ---------------------------------------------------------------- export

    /** TBX-Basic in the TBX v2 layout (see docs/glossary.md). */
    @Transactional(readOnly = true)
    public void exportTbx(long glossaryId, OutputStream out) {
        Glossary glossary = requireGlossary(glossaryId);
        List<Concept> concepts = repository.conceptsOf(glossaryId);
        String source = concepts.stream().flatMap(c -> c.terms().stream()).map(Term::language)
                .filter(l -> !l.toLowerCase().startsWith("en")).findFirst().orElse("en");
        try (TbxWriter writer = new TbxWriter(out, source, glossary.name())) {
            concepts.forEach(writer::write);
        }
    }

    /** CSV (delimiter ',') or TSV ('\t') with the header of docs/glossary.md, UTF-8 without BOM. */
    @Transactional(readOnly = true)
    public void exportCsv(long glossaryId, OutputStream out, char delimiter) throws IOException {
        requireGlossary(glossaryId);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        GlossaryCsv.writeHeader(writer, delimiter);
        for (Concept c : repository.conceptsOf(glossaryId)) {
            GlossaryCsv.write(writer, delimiter, c);
        }
        writer.flush();
    }

    // ---------------------------------------------------------------- rules

    private Glossary requireGlossary(long id) {
        return repository.glossary(id).orElseThrow(() -> new GlossaryValidationException(
                List.of("Glossary " + id + " does not exist.")));
    }

    /** Cleans texts, canonicalises language tags and groups terms by language (first appearance order). */
    static Concept normalise(Concept draft) {
        Map<String, List<Term>> byLanguage = new LinkedHashMap<>();
        for (Term t : draft.terms()) {
            String language = Texts.language(t.language());
            Term clean = new Term(t.id(), language == null ? String.valueOf(t.language()) : language,
                    Texts.clean(t.text()), t.status(), Texts.clean(t.partOfSpeech()), t.caseSensitive(),
                    Texts.cleanNote(t.note()), Texts.clean(t.example()));
            byLanguage.computeIfAbsent(clean.language(), l -> new ArrayList<>()).add(clean);
        }
        List<Term> terms = byLanguage.values().stream().flatMap(List::stream).toList();
        return new Concept(draft.id(), draft.glossaryId(), Texts.clean(draft.key()), Texts.clean(draft.domain()),
                Texts.clean(draft.definition()), Texts.cleanNote(draft.note()), terms, draft.updatedBy(),
                draft.updatedAt());
    }

    /** Rules of one concept on its own; messages a terminologist can act on. */
    static List<String> validate(Concept c) {
        List<String> problems = new ArrayList<>();
        if (c.terms().isEmpty()) {
            problems.add("A concept needs at least one term.");
        }
        Set<String> seen = new HashSet<>();
        Set<String> preferred = new HashSet<>();
        for (Term t : c.terms()) {
            if (t.text() == null) {
                problems.add("A " + t.language() + " term is empty; write the term or remove it.");
                continue;
            }
            if (Texts.language(t.language()) == null) {
                problems.add("'" + t.language() + "' is not a language tag (e.g. en, en-US, zh-CN) for the term '"
                        + t.text() + "'.");
            }
            if (t.status() == null) {
                problems.add("The term '" + t.text() + "' needs a status.");
            }
            if (t.text().length() > MAX_TERM_LENGTH) {
                problems.add("The term '" + t.text().substring(0, 40) + "...' is longer than " + MAX_TERM_LENGTH
                        + " characters.");
            }
            // "Vice Minister" (preferred) and "vice minister" (deprecated) may coexist when case matters
            String key = t.language() + "\u0000" + (t.caseSensitive() ? t.text() : Texts.lower(t.text()));
            if (!seen.add(key)) {
                problems.add("The " + t.language() + " term '" + t.text() + "' occurs twice in the concept.");
            } else if (t.status() == TermStatus.PREFERRED && !preferred.add(key)) {
                problems.add("The preferred " + t.language() + " term '" + t.text() + "' occurs twice.");
            }
        }
        if (c.key() != null && c.key().length() > 200) {
            problems.add("The concept id is longer than 200 characters.");
        }
        return problems;
    }

    private List<String> preferredConflicts(long glossaryId, Concept c, long conceptId) {
        List<String> problems = new ArrayList<>();
        for (Term t : c.terms()) {
            if (t.status() == TermStatus.PREFERRED && t.text() != null) {
                for (String owner : repository.preferredOwners(glossaryId, t.language(), t.text(), conceptId)) {
                    problems.add("The preferred %s term '%s' is already the preferred term of concept %s."
                            .formatted(t.language(), t.text(), owner));
                }
            }
        }
        return problems;
    }

    private static Concept withKey(Concept c, String key) {
        return new Concept(c.id(), c.glossaryId(), key, c.domain(), c.definition(), c.note(), c.terms(),
                c.updatedBy(), c.updatedAt());
    }

    static String describe(List<Term> terms) {
        String s = terms.stream().map(t -> t.text() + " (" + t.language() + ", " + t.status().label().toLowerCase()
                + ")").collect(Collectors.joining(", "));
        return s.length() > 300 ? s.substring(0, 297) + "..." : s;
    }

    private static String changes(Concept old, Concept next) {
        List<String> parts = new ArrayList<>();
        List<Term> before = old.terms().stream().map(Term::withoutId).toList();
        List<Term> after = next.terms().stream().map(Term::withoutId).toList();
        List<Term> added = after.stream().filter(t -> !before.contains(t)).toList();
        List<Term> removed = before.stream().filter(t -> !after.contains(t)).toList();
        if (!added.isEmpty()) {
            parts.add("terms now " + describe(added));
        }
        if (!removed.isEmpty()) {
            parts.add("terms before " + describe(removed));
        }
        if (!java.util.Objects.equals(old.domain(), next.domain())) {
            parts.add("domain '" + old.domain() + "' -> '" + next.domain() + "'");
        }
        if (!java.util.Objects.equals(old.definition(), next.definition())) {
            parts.add("definition changed");
        }
        if (!java.util.Objects.equals(old.note(), next.note())) {
            parts.add("note changed");
        }
        if (!java.util.Objects.equals(old.key(), next.key())) {
            parts.add("id " + old.key() + " -> " + next.key());
        }
        return parts.isEmpty() ? "no change" : String.join("; ", parts);
    }

    /** New concept ids c1, c2, ... after the highest one in use. */
    private static final class KeyGenerator {
        private final Set<String> used;
        private long next;

        KeyGenerator(Collection<String> used) {
            this.used = new HashSet<>(used);
            long max = 0;
            for (String key : used) {
                Matcher m = key == null ? null : GENERATED_KEY.matcher(key);
                if (m != null && m.matches()) {
                    max = Math.max(max, Long.parseLong(m.group(1)));
                }
            }
            next = max + 1;
        }

        String next() {
            String key;
            do {
                key = "c" + next++;
            } while (!used.add(key));
            return key;
        }
    }

    /** Reports how many bytes were read, for a progress bar. */
    private static final class CountingStream extends FilterInputStream {
        private final java.util.function.LongConsumer listener;
        private long count;
        private long reported;

        CountingStream(InputStream in, java.util.function.LongConsumer listener) {
            super(in);
            this.listener = listener;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                advance(n);
            }
            return n;
        }

        private void advance(long n) {
            count += n;
            if (count - reported >= 262_144) {
                reported = count;
                listener.accept(count);
            }
        }
    }
}

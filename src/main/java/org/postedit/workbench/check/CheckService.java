package org.postedit.workbench.check;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import org.postedit.workbench.document.Document;
import org.postedit.workbench.document.DocumentProgress;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.SegmentRepository;
import org.postedit.workbench.document.SegmentsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs every {@link Checker} and {@link DocumentChecker} bean over segments off the UI thread and stores what they
 * find. A document is checked when it is imported, a segment when it changes, and at start-up whatever was never
 * checked or was checked under other rules. Results are cached by everything a checker reads, so an unchanged
 * segment is never checked twice; a checker that fails or overruns its time limit on one segment is logged and
 * skipped for that segment only. See docs/checks.md.
 */
@Service
public class CheckService {

    private static final Logger log = LoggerFactory.getLogger(CheckService.class);
    /** Changes whenever the way results are stored changes, so stored results from before are checked again. */
    private static final String STORAGE_VERSION = "1";
    /**
     * Segments per task: small enough that an edit waits for at most one task per thread, large enough that
     * storing (one transaction, one disk sync per task) costs little beside the checks.
     */
    private static final int CHUNK = 32;
    /**
     * A checker's first call for a language may load dictionaries and rules (LanguageTool: seconds, far more on a
     * busy machine); it gets this long instead of the per-segment limit, so loading is never mistaken for a hang.
     */
    private static final Duration FIRST_CALL_LIMIT = Duration.ofMinutes(3);
    private static final String EDITORS =
            "hasAnyRole(T(org.postedit.workbench.security.Permission).DISCUSS.roleNames())";

    /** Edits first, then whole-document checks, then bulk checks of whole documents. */
    private enum Priority { EDIT, DOCUMENT, BULK }

    private final List<Checker> checkers;
    private final List<DocumentChecker> documentCheckers;
    private final DocumentService documents;
    private final SegmentRepository segments;
    private final IssueRepository issues;
    private final CheckProperties properties;
    private final Clock clock;
    private final ResultCache cache;
    private final TimedCalls calls;
    private final ThreadPoolExecutor workers;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<Long, DocumentRun> runs = new ConcurrentHashMap<>();
    /** Checker id and language of every checker that has answered for that language once (is loaded). */
    private final Set<String> warmed = ConcurrentHashMap.newKeySet();

    public CheckService(ObjectProvider<Checker> checkers, ObjectProvider<DocumentChecker> documentCheckers,
                        DocumentService documents, SegmentRepository segments, IssueRepository issues,
                        CheckProperties properties, Clock clock) {
        this.checkers = checkers.orderedStream().filter(c -> !properties.disabled().contains(c.id())).toList();
        this.documentCheckers = documentCheckers.orderedStream()
                .filter(c -> !properties.disabled().contains(c.id())).toList();
        this.documents = documents;
        this.segments = segments;
        this.issues = issues;
        this.properties = properties;
        this.clock = clock;
        this.cache = new ResultCache(properties.cacheSize());
        this.calls = new TimedCalls(properties.threads(), "check-call");
        AtomicInteger number = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(properties.threads(), properties.threads(), 1, TimeUnit.MINUTES,
                new PriorityBlockingQueue<>(), r -> {
                    Thread thread = new Thread(r, "checks-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        log.info("Checks: {} segment checker(s) {}, {} document checker(s) {}, {} thread(s), {} per segment",
                this.checkers.size(), this.checkers.stream().map(Checker::id).toList(), this.documentCheckers.size(),
                this.documentCheckers.stream().map(DocumentChecker::id).toList(), properties.threads(),
                properties.segmentTimeLimit());
    }

    // ---- triggers ----

    /** After an import or an edit commits: check what changed (a whole document in the background). */
    @TransactionalEventListener(fallbackExecution = true)
    void onSegmentsChanged(SegmentsChanged event) {
        try {
            if (event.wholeDocument()) {
                Document document = documents.document(event.documentId());
                enqueue(document, issues.staleSegments(document.id(), rules(document).key(), true), Priority.BULK);
            } else {
                if (event.reordered()) {
                    issues.forgetRetired(event.documentId());
                }
                enqueue(documents.document(event.documentId()), event.segmentIds(), Priority.EDIT);
            }
        } catch (RuntimeException e) {
            log.error("Could not queue checks of document {}", event.documentId(), e);
        }
    }

    /** Once the app is up: check in the background whatever was never checked, changed, or checked under other rules. */
    @EventListener(ApplicationReadyEvent.class)
    void checkStaleDocuments() {
        if (!properties.checkAtStartup()) {
            return;
        }
        Thread.ofVirtual().name("checks-startup").start(() -> {
            int queued = 0;
            for (DocumentProgress listed : documents.list(false)) {
                try {
                    Document document = listed.document();
                    List<Long> stale = issues.staleSegments(document.id(), rules(document).key(), true);
                    queued += enqueue(document, stale, Priority.BULK);
                } catch (RuntimeException e) {
                    log.error("Could not queue the checks of document {}", listed.document().id(), e);
                }
            }
            log.info("Start-up: {} segment(s) queued for checks", queued);
        });
    }

    // ---- runs and progress ----

    /** Where the checks of a document stand. */
    public CheckProgress progress(long documentId) {
        Document document = documents.document(documentId);
        DocumentRun run = run(document);
        return run.progress(document.segmentCount());
    }

    /** Starts checks of whatever in the document was never checked or checked under other rules; the progress. */
    public CheckProgress ensureChecked(long documentId) {
        Document document = documents.document(documentId);
        DocumentRun run = run(document);
        if (!run.running()) {
            enqueue(document, issues.staleSegments(documentId, rules(document).key(), false), Priority.BULK);
        }
        return run.progress(document.segmentCount());
    }

    /** Checks every segment of the document again (results from the cache where nothing changed) and its whole. */
    public CheckProgress recheck(long documentId) {
        Document document = documents.document(documentId);
        DocumentRun run = run(document);
        run.documentInput = null;
        List<Long> all = issues.segmentIds(documentId);
        if (enqueue(document, all, Priority.BULK) == 0 && !documentCheckers.isEmpty() && !run.running()) {
            run.add(0, 1);
            workers.execute(new Task(Priority.DOCUMENT, () -> checkDocument(run)));
        }
        log.info("Checks of document {} started again ({} segments)", documentId, all.size());
        return run.progress(document.segmentCount());
    }

    /**
     * Calls {@code listener} (on a check thread) whenever issues of the document's segments change or its check
     * progresses, until the subscription is closed.
     */
    public CheckSubscription subscribe(long documentId, IssuesListener listener) {
        DocumentRun run = runs.computeIfAbsent(documentId, DocumentRun::new);
        run.listeners.add(listener);
        return () -> run.listeners.remove(listener);
    }

    private DocumentRun run(Document document) {
        DocumentRun run = runs.computeIfAbsent(document.id(), DocumentRun::new);
        run.segmentCount = document.segmentCount();
        return run;
    }

    /** Queues the segments not queued already; returns how many were. */
    private int enqueue(Document document, Collection<Long> segmentIds, Priority priority) {
        DocumentRun run = run(document);
        List<Long> fresh = new ArrayList<>(segmentIds.size());
        for (Long id : segmentIds) {
            if (run.queued.add(id)) {
                fresh.add(id);
            }
        }
        if (fresh.isEmpty()) {
            return 0;
        }
        int tasks = (fresh.size() + CHUNK - 1) / CHUNK;
        run.add(fresh.size(), tasks);
        for (int from = 0; from < fresh.size(); from += CHUNK) {
            List<Long> chunk = List.copyOf(fresh.subList(from, Math.min(fresh.size(), from + CHUNK)));
            workers.execute(new Task(priority, () -> checkChunk(run, chunk)));
        }
        return fresh.size();
    }

    private void checkChunk(DocumentRun run, List<Long> ids) {
        ids.forEach(run.queued::remove);
        Set<Long> changed = Set.of();
        try {
            Document document = documents.document(run.documentId);
            Rules rules = rules(document);
            List<CheckedSegment> checked = new ArrayList<>(ids.size());
            for (Segment segment : segments.findAll(ids)) {
                checked.add(check(rules, CheckedText.of(document, segment), segment.version(), Long.MAX_VALUE));
            }
            changed = issues.storeSegments(document.id(), checked, rules.key(), clock.instant());
        } catch (RuntimeException e) {
            log.error("Checks of {} segment(s) of document {} failed", ids.size(), run.documentId, e);
        } finally {
            finish(run, ids.size(), changed);
        }
    }

    private void checkDocument(DocumentRun run) {
        Set<Long> changed = Set.of();
        try {
            Document document = documents.document(run.documentId);
            List<Segment> all = segments.findByDocument(document.id());
            List<CheckedText> texts = all.stream().map(s -> CheckedText.of(document, s)).toList();
            String input = fingerprint(texts);
            if (input.equals(run.documentInput)) {
                return;
            }
            Map<Long, String> plain = new HashMap<>();
            texts.forEach(t -> plain.put(t.segmentId(), t.text()));
            Map<Long, List<Issue>> found = new LinkedHashMap<>();
            boolean complete = true;
            Duration limit = properties.segmentTimeLimit().plusMillis(all.size());
            for (DocumentChecker checker : documentCheckers) {
                TimedCalls.Outcome<List<DocumentChecker.SegmentIssue>> outcome =
                        calls.call(() -> checker.check(texts), limit, Long.MAX_VALUE);
                if (!outcome.done()) {
                    complete = false;
                    log.warn("Document check {} {} on document {}", checker.id(), describe(outcome, limit),
                            document.id(), outcome.failure());
                    continue;
                }
                for (DocumentChecker.SegmentIssue si : outcome.value() == null
                        ? List.<DocumentChecker.SegmentIssue>of() : outcome.value()) {
                    String text = plain.get(si.segmentId());
                    Issue valid = text == null || si.issue() == null ? null : valid(si.issue(), text);
                    if (valid != null) {
                        found.computeIfAbsent(si.segmentId(), id -> new ArrayList<>()).add(valid);
                    }
                }
            }
            changed = issues.storeDocumentIssues(document.id(), found, plain);
            if (complete) {
                run.documentInput = input;
            }
        } catch (RuntimeException e) {
            log.error("Whole-document checks of document {} failed", run.documentId, e);
        } finally {
            finish(run, 0, changed);
        }
    }

    private void finish(DocumentRun run, int segmentsDone, Set<Long> changed) {
        if (run.taskDone(segmentsDone, !documentCheckers.isEmpty())) {
            workers.execute(new Task(Priority.DOCUMENT, () -> checkDocument(run)));
        }
        notifyListeners(run, changed);
    }

    private void notifyListeners(DocumentRun run, Set<Long> changed) {
        if (run.listeners.isEmpty()) {
            return;
        }
        CheckProgress progress = run.progress(run.segmentCount);
        Set<Long> ids = Set.copyOf(changed);
        for (IssuesListener listener : run.listeners) {
            try {
                listener.issuesChanged(ids, progress);
            } catch (RuntimeException e) {
                log.warn("A listener to the checks of document {} failed", run.documentId, e);
            }
        }
    }

    // ---- checking one text ----

    /** The checkers that apply to a document's target language, with their settings, and their fingerprint. */
    private record Rules(List<Checker> applicable, Map<String, String> settings, String key) {
    }

    private Rules rules(Document document) {
        return rules(document.id(), document.targetLanguage());
    }

    private Rules rules(long documentId, String targetLanguage) {
        List<Checker> applicable = new ArrayList<>();
        Map<String, String> settings = new HashMap<>();
        StringBuilder key = new StringBuilder(STORAGE_VERSION);
        for (Checker checker : checkers) {
            try {
                if (!checker.appliesTo(targetLanguage)) {
                    continue;
                }
                String setting = String.valueOf(checker.settingsKey(documentId, targetLanguage));
                applicable.add(checker);
                settings.put(checker.id(), setting);
                key.append('|').append(checker.id()).append('=').append(setting);
            } catch (RuntimeException e) {
                log.warn("Checker {} could not say its settings for document {}; it is skipped", checker.id(),
                        documentId, e);
            }
        }
        for (DocumentChecker checker : documentCheckers) {
            key.append("|doc:").append(checker.id());
        }
        return new Rules(List.copyOf(applicable), settings, TextHash.of(key.toString()));
    }

    private CheckedSegment check(Rules rules, CheckedText text, int version, long deadlineNanos) {
        String plain = text.text();
        List<Issue> found = new ArrayList<>();
        boolean complete = true;
        for (Checker checker : rules.applicable()) {
            ResultCache.Key key = ResultCache.key(checker, rules.settings().get(checker.id()), text);
            List<Issue> result = cache.get(key);
            if (result == null) {
                if (System.nanoTime() >= deadlineNanos) {
                    complete = false;
                    continue;
                }
                String loaded = checker.id() + '|' + text.targetLanguage();
                Duration limit = warmed.contains(loaded) ? properties.segmentTimeLimit() : FIRST_CALL_LIMIT;
                TimedCalls.Outcome<List<Issue>> outcome = calls.call(() -> checker.check(text), limit, deadlineNanos,
                        late -> cache.put(key, validIssues(late, plain)));
                if (outcome.failure() instanceof IncompleteCheckException partial) {
                    // shown, but neither cached nor recorded as complete: the segment is checked again later
                    complete = false;
                    log.warn("Checker {} on segment {} of document {}: {}", checker.id(), text.segmentId(),
                            text.documentId(), partial.getMessage());
                    found.addAll(validIssues(partial.found(), plain));
                    continue;
                }
                if (!outcome.done()) {
                    complete = false;
                    log.warn("Checker {} {} on segment {} of document {}", checker.id(), describe(outcome, limit),
                            text.segmentId(), text.documentId(), outcome.failure());
                    continue;
                }
                warmed.add(loaded);
                result = validIssues(outcome.value(), plain);
                cache.put(key, result);
            }
            found.addAll(result);
        }
        List<Issue> issues = withoutDuplicates(found);
        issues.sort(Comparator.comparingInt(Issue::offset).thenComparingInt(Issue::length));
        return new CheckedSegment(text.segmentId(), version, plain, issues, complete);
    }

    /**
     * One issue per span and fix: where two checkers report the same text with the same suggestions (LanguageTool's
     * and the typography rule's lower-case sentence start, or space before a comma), the reviewer would see it
     * twice and fix it once. The issue of the checker ordered later stays: the specific checks come after the
     * general grammar check.
     */
    private static List<Issue> withoutDuplicates(List<Issue> found) {
        Map<String, Issue> kept = new LinkedHashMap<>();
        for (int i = found.size() - 1; i >= 0; i--) {
            Issue issue = found.get(i);
            String key = issue.offset() + "|" + issue.length() + "|" + issue.suggestions();
            Issue other = kept.get(key);
            if (other == null || other.checker().equals(issue.checker())) {
                kept.put(key + (other == null ? "" : "|" + i), issue);
            }
        }
        List<Issue> issues = new ArrayList<>(kept.values());
        java.util.Collections.reverse(issues);
        return issues;
    }

    private static String describe(TimedCalls.Outcome<?> outcome, Duration limit) {
        return outcome.status() == TimedCalls.Status.TIMED_OUT
                ? "took longer than " + limit.toMillis() + " ms and was abandoned" : "failed";
    }

    private static List<Issue> validIssues(List<Issue> issues, String text) {
        if (issues == null || issues.isEmpty()) {
            return List.of();
        }
        List<Issue> valid = new ArrayList<>(issues.size());
        for (Issue issue : issues) {
            Issue checked = issue == null ? null : valid(issue, text);
            if (checked != null) {
                valid.add(checked);
            }
        }
        return List.copyOf(valid);
    }

    /** An issue whose range lies in the text (cut to fit when it runs past the end), or null when it cannot. */
    private static Issue valid(Issue issue, String text) {
        if (issue.offset() > text.length()) {
            log.debug("Dropped an issue of {} at {} beyond the text ({} chars)", issue.checker(), issue.offset(),
                    text.length());
            return null;
        }
        if (issue.end() <= text.length()) {
            return issue;
        }
        return new Issue(issue.checker(), issue.ruleId(), issue.category(), issue.severity(), issue.offset(),
                text.length() - issue.offset(), issue.message(), issue.suggestions());
    }

    private String fingerprint(List<CheckedText> texts) {
        StringBuilder all = new StringBuilder();
        documentCheckers.forEach(c -> all.append(c.id()).append('|'));
        for (CheckedText t : texts) {
            all.append(t.segmentId()).append('\u0000').append(t.target().coded()).append('\u0000')
                    .append(t.mt().coded()).append('\u0000')
                    .append(t.source() == null ? "" : t.source().coded()).append('\u0001');
        }
        return TextHash.of(all.toString());
    }

    /**
     * Checks an editor draft now, on the caller's thread's behalf (it waits): cached, not stored, bounded by
     * {@code workbench.checks.draft-time-limit} (checkers not done by then are left out). Ignored rules and issues
     * ignored for this very text are left out too.
     */
    public List<Issue> checkDraft(CheckedText draft) {
        long deadline = System.nanoTime() + properties.draftTimeLimit().toNanos();
        Rules rules = rules(draft.documentId(), draft.targetLanguage());
        List<Issue> found = check(rules, draft, -1, deadline).issues();
        if (found.isEmpty() || draft.documentId() == 0) {
            return found;
        }
        Set<String> ignoredRules = new TreeSet<>();
        issues.ignoredRules(draft.documentId()).forEach(r -> ignoredRules.add(r.checker() + '\u0000' + r.ruleId()));
        Set<String> ignoredHere = draft.segmentId() == 0 ? Set.of()
                : issues.ignoredIssueKeys(draft.segmentId(), TextHash.of(draft.text()));
        return found.stream()
                .filter(i -> !ignoredRules.contains(i.checker() + '\u0000' + i.ruleId()))
                .filter(i -> !ignoredHere.contains(IssueRepository.ignoreKey(i.checker(), i.ruleId(),
                        IssueRepository.covered(i, draft.text()))))
                .toList();
    }

    /** Which checkers run for texts in this language and which do not. */
    public LanguageChecks checksFor(String targetLanguage) {
        List<String> applied = new ArrayList<>();
        List<String> notApplied = new ArrayList<>();
        for (Checker checker : checkers) {
            boolean applies;
            try {
                applies = checker.appliesTo(targetLanguage);
            } catch (RuntimeException e) {
                applies = false;
            }
            (applies ? applied : notApplied).add(checker.name());
        }
        documentCheckers.forEach(c -> applied.add(c.name()));
        return new LanguageChecks(targetLanguage, applied, notApplied);
    }

    // ---- reading results ----

    /** Open issues of these segments (e.g. a page of the grid), in text order; segments without any are absent. */
    public Map<Long, List<Issue>> openIssues(Collection<Long> segmentIds) {
        return issues.openIssues(segmentIds);
    }

    /**
     * Open issues of these segments (e.g. a page of the grid) in one query, only those found in the target each
     * segment has now: right after a save the old text's issues are not shown at the new text's offsets while the
     * new text is being checked. Segments without any are absent.
     */
    public Map<Long, List<Issue>> openIssuesOfCurrentTexts(Collection<Segment> segments) {
        Map<Long, String> hashes = new LinkedHashMap<>();
        for (Segment segment : segments) {
            hashes.put(segment.id(), TextHash.of(segment.target().plainText()));
        }
        return issues.openIssuesOfTexts(hashes);
    }

    /** Open issues per segment for a page of segment ids, in one query; segments without any are absent. */
    public Map<Long, Integer> openIssueCounts(Collection<Long> segmentIds) {
        return issues.openIssueCounts(segmentIds);
    }

    /** Open issues of a document by category and severity. */
    public IssueCounts counts(long documentId) {
        documents.document(documentId);
        return issues.counts(documentId);
    }

    /** A document's open issues in segment order (ignored ones too, flagged, when asked). */
    public List<ReportedIssue> report(long documentId, boolean includeIgnored) {
        documents.document(documentId);
        return issues.report(documentId, includeIgnored);
    }

    // ---- ignoring ----

    /** Ignores this issue in this segment for as long as the segment's target text stays what it is now. */
    @PreAuthorize(EDITORS)
    public void ignore(long segmentId, Issue issue, String user) {
        Segment segment = segment(segmentId);
        String text = segment.target().plainText();
        issues.ignoreIssue(segment.documentId(), segmentId, issue.checker(), issue.ruleId(),
                IssueRepository.covered(issue, text), TextHash.of(text), user, clock.instant());
        log.info("{} ignored {}/{} in segment {} of document {}", user, issue.checker(), issue.ruleId(), segmentId,
                segment.documentId());
        notifyListeners(runs.computeIfAbsent(segment.documentId(), DocumentRun::new), Set.of(segmentId));
    }

    /**
     * Brings an ignored issue back.
     *
     * @param coveredText what the issue covers, as {@link ReportedIssue#coveredText()} says
     */
    @PreAuthorize(EDITORS)
    public void unignore(long segmentId, String checker, String ruleId, String coveredText) {
        Segment segment = segment(segmentId);
        if (issues.unignoreIssue(segmentId, checker, ruleId, coveredText)) {
            notifyListeners(runs.computeIfAbsent(segment.documentId(), DocumentRun::new), Set.of(segmentId));
        }
    }

    /** Ignores a rule in every segment of one document. */
    @PreAuthorize(EDITORS)
    public void ignoreRule(long documentId, String checker, String ruleId, String user) {
        documents.document(documentId);
        issues.ignoreRule(documentId, checker, ruleId, user, clock.instant());
        log.info("{} ignored rule {}/{} in document {}", user, checker, ruleId, documentId);
        notifyListeners(runs.computeIfAbsent(documentId, DocumentRun::new),
                issues.segmentsWithRule(documentId, checker, ruleId));
    }

    @PreAuthorize(EDITORS)
    public void unignoreRule(long documentId, String checker, String ruleId) {
        documents.document(documentId);
        if (issues.unignoreRule(documentId, checker, ruleId)) {
            notifyListeners(runs.computeIfAbsent(documentId, DocumentRun::new),
                    issues.segmentsWithRule(documentId, checker, ruleId));
        }
    }

    public List<IgnoredRule> ignoredRules(long documentId) {
        return issues.ignoredRules(documentId);
    }

    private Segment segment(long segmentId) {
        return segments.find(segmentId).orElseThrow(() -> new IllegalArgumentException(
                "Segment " + segmentId + " does not exist."));
    }

    // ---- for tests and benchmarks ----

    /** Results held in the cache, hits and misses so far. */
    public String cacheStatistics() {
        return "%d entries, %d hits, %d misses".formatted(cache.size(), cache.hits(), cache.misses());
    }

    /** Calls abandoned over their time limit that still hold a thread. */
    int stuckCalls() {
        return calls.stuckCalls();
    }

    @PreDestroy
    void close() {
        workers.shutdownNow();
        calls.close();
    }

    /** A unit of work in the workers' queue: by priority, then first come first served. */
    private final class Task implements Runnable, Comparable<Task> {

        private final Priority priority;
        private final long order = sequence.incrementAndGet();
        private final Runnable work;

        Task(Priority priority, Runnable work) {
            this.priority = priority;
            this.work = work;
        }

        @Override
        public void run() {
            work.run();
        }

        @Override
        public int compareTo(Task other) {
            int byPriority = priority.compareTo(other.priority);
            return byPriority != 0 ? byPriority : Long.compare(order, other.order);
        }
    }
}

package org.postedit.workbench.check;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.postedit.workbench.document.Document;
import org.postedit.workbench.document.DocumentNotFoundException;
import org.postedit.workbench.document.DocumentService;
import java.time.Clock;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Check results for scripts and CI. {@code GET /api/documents/{id}/issues} answers {@code 202} with the progress
 * while the document is being checked (and starts the check when it never ran), {@code 200} with the open issues
 * when done. The QA report download is also served under {@code /download/documents} for the browser's links (the
 * UI's signed-in session), as the export is.
 */
@RestController
@RequestMapping({"/api/documents", "/download/documents"})
public class IssueApi {

    private final CheckService checks;
    private final DocumentService documents;
    private final Clock clock;

    public IssueApi(CheckService checks, DocumentService documents, Clock clock) {
        this.checks = checks;
        this.documents = documents;
        this.clock = clock;
    }

    @GetMapping("/{id}/issues")
    public ResponseEntity<Object> issues(@PathVariable long id,
                                         @RequestParam(defaultValue = "false") boolean includeIgnored) {
        CheckProgress progress = checks.ensureChecked(id);
        if (progress.running()) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(json(progress));
        }
        List<Map<String, Object>> issues = checks.report(id, includeIgnored).stream()
                .map(r -> json(r, includeIgnored)).toList();
        return ResponseEntity.ok(issues);
    }

    /** Checks every segment again; {@code 202} with the progress. */
    @PostMapping("/{id}/issues/check")
    public ResponseEntity<Map<String, Object>> check(@PathVariable long id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(json(checks.recheck(id)));
    }

    /** The QA report as a file: {@code ?format=csv} or {@code html}. */
    @GetMapping("/{id}/qa-report")
    public ResponseEntity<byte[]> report(@PathVariable long id, @RequestParam(defaultValue = "html") String format,
                                         @RequestParam(defaultValue = "false") boolean includeIgnored) {
        QaReportFormat reportFormat = QaReportFormat.of(format);
        if (reportFormat == null) {
            throw new IllegalArgumentException("Unknown report format \"" + format + "\": use csv or html.");
        }
        Document document = documents.document(id);
        byte[] body = reportFormat.write(document, checks.counts(id), checks.report(id, includeIgnored),
                clock.instant());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(reportFormat.fileName(document), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(reportFormat.mediaType()))
                .body(body);
    }

    @ExceptionHandler(DocumentNotFoundException.class)
    ProblemDetail notFound(DocumentNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    static Map<String, Object> json(CheckProgress progress) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("checked", progress.checked());
        json.put("total", progress.total());
        return json;
    }

    static Map<String, Object> json(ReportedIssue reported, boolean withIgnoredFlag) {
        Issue issue = reported.issue();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("segmentId", reported.segmentId());
        json.put("ordinal", reported.ordinal());
        json.put("checker", issue.checker());
        json.put("ruleId", issue.ruleId());
        json.put("category", issue.category().name().toLowerCase());
        json.put("severity", issue.severity().name().toLowerCase());
        json.put("offset", issue.offset());
        json.put("length", issue.length());
        json.put("message", issue.message());
        json.put("suggestions", issue.suggestions());
        if (withIgnoredFlag) {
            json.put("ignored", reported.ignored());
        }
        return json;
    }
}

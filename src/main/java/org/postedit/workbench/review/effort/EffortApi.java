package org.postedit.workbench.review.effort;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.postedit.workbench.document.DocumentNotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Post-editing effort of a document: a summary as JSON, every segment as CSV. */
@RestController
@RequestMapping("/api/documents/{id}")
public class EffortApi {

    private final EffortService effort;

    public EffortApi(EffortService effort) {
        this.effort = effort;
    }

    @GetMapping("/effort")
    public Map<String, Object> summary(@PathVariable long id) {
        EffortReport report = effort.report(id);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("documentId", id);
        json.put("segments", report.segments().size());
        json.put("postEdited", report.postEditedCount());
        json.put("unchanged", report.unchangedCount());
        json.put("charEdits", report.charEdits());
        json.put("wordEdits", report.wordEdits());
        json.put("targetWords", report.targetWords());
        json.put("ter", report.ter());
        json.put("averageSegmentTer", report.averageSegmentTer());
        json.put("editingSeconds", report.editingMillis() / 1000.0);
        json.put("averageEditingSeconds", report.averageEditingMillis() / 1000.0);
        json.put("terDistribution", report.terDistribution());
        return json;
    }

    @GetMapping(value = "/effort.csv", produces = "text/csv")
    public ResponseEntity<byte[]> csv(@PathVariable long id) {
        EffortReport report = effort.report(id);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName(report), StandardCharsets.UTF_8).build().toString())
                .body(EffortCsv.write(report).getBytes(StandardCharsets.UTF_8));
    }

    public static String fileName(EffortReport report) {
        String base = report.documentName().replaceAll("\\.[^.]+$", "");
        return base + "-effort.csv";
    }

    @ExceptionHandler(DocumentNotFoundException.class)
    ProblemDetail notFound(DocumentNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }
}

package org.postedit.workbench.export;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.postedit.workbench.document.DocumentNotFoundException;
import org.postedit.workbench.document.Document;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /api/documents/{id}/export?format=xliff12|xliff2|tmx|original[&statuses=approved,reviewed][&mtPairs=true]}:
 * the file as an attachment, streamed as it is written. The same call under {@code /download/documents} serves the
 * browser's download links: that path belongs to the UI's security chain (the signed-in session), the API's
 * path to HTTP Basic.
 */
@RestController
@RequestMapping({"/api/documents", "/download/documents"})
public class ExportApi {

    private final ExportService service;
    private final org.postedit.workbench.document.DocumentService documents;

    public ExportApi(ExportService service, org.postedit.workbench.document.DocumentService documents) {
        this.service = service;
        this.documents = documents;
    }

    @GetMapping("/{id}/export")
    public ResponseEntity<StreamingResponseBody> export(@PathVariable long id,
                                                        @RequestParam(required = false) String format,
                                                        @RequestParam(required = false) String statuses,
                                                        @RequestParam(defaultValue = "false") boolean mtPairs) {
        ExportFormat exportFormat = ExportFormat.of(format);
        ExportOptions options = new ExportOptions(ExportOptions.parseStatuses(statuses), mtPairs);
        Document document = documents.document(id);
        service.check(document, exportFormat, options);
        String fileName = service.fileName(document, exportFormat);
        StreamingResponseBody body = out -> service.export(id, exportFormat, options, out);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(exportFormat.mediaType()))
                .body(body);
    }

    /**
     * {@code GET /api/documents/export?ids=1,2&format=...}: several documents as one ZIP, one entry each named as
     * the single download would be. Every document is checked before the first byte, so a refusal is still a 400.
     */
    @GetMapping("/export")
    public ResponseEntity<StreamingResponseBody> exportZip(@RequestParam(required = false) String ids,
                                                           @RequestParam(required = false) String format,
                                                           @RequestParam(required = false) String statuses,
                                                           @RequestParam(defaultValue = "false") boolean mtPairs) {
        ExportFormat exportFormat = ExportFormat.of(format);
        ExportOptions options = new ExportOptions(ExportOptions.parseStatuses(statuses), mtPairs);
        List<Long> documentIds = parseIds(ids);
        List<Document> selected = service.checkAll(documentIds, exportFormat, options);
        StreamingResponseBody body = out -> service.exportZip(documentIds, exportFormat, options, out, n -> { });
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(service.zipFileName(selected), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType("application/zip"))
                .body(body);
    }

    private static List<Long> parseIds(String ids) {
        List<Long> parsed = new ArrayList<>();
        for (String part : ids == null ? new String[0] : ids.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                parsed.add(Long.parseLong(part.strip()));
            } catch (NumberFormatException e) {
                throw new ExportRejectedException("\"" + part.strip() + "\" is not a document id: ids=1,2,3.");
            }
        }
        return parsed;
    }

    @ExceptionHandler(ExportRejectedException.class)
    ProblemDetail rejected(ExportRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Export not possible");
        return problem;
    }

    @ExceptionHandler(DocumentNotFoundException.class)
    ProblemDetail notFound(DocumentNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }
}

package org.postedit.workbench.document;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Documents for scripts and CI: the same service the document list uses. */
@RestController
@RequestMapping("/api/documents")
public class DocumentApi {

    private final DocumentService service;

    public DocumentApi(DocumentService service) {
        this.service = service;
    }

    @GetMapping
    public List<Map<String, Object>> list(@RequestParam(defaultValue = "false") boolean archived) {
        return service.list(archived).stream().map(DocumentApi::json).toList();
    }

    @GetMapping("/{id}")
    public Map<String, Object> get(@PathVariable long id) {
        return json(service.progress(id));
    }

    @PostMapping(consumes = "multipart/form-data")
    public ResponseEntity<Map<String, Object>> upload(@RequestParam("file") MultipartFile file,
                                                      @RequestParam(required = false) String sourceLanguage,
                                                      @RequestParam(required = false) String targetLanguage,
                                                      Principal user) throws IOException {
        if (file.getSize() > service.maxFileSize()) {
            throw new ImportRejectedException(ImportRejectedException.Reason.TOO_LARGE,
                    "%s is %s; the limit is %s.".formatted(file.getOriginalFilename(),
                            DocumentService.megabytes(file.getSize()),
                            DocumentService.megabytes(service.maxFileSize())));
        }
        Path temp = Files.createTempFile("workbench-upload-", ".part");
        try {
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            DocumentProgress imported = service.importFile(temp, file.getOriginalFilename(),
                    new ImportOptions(blankToNull(sourceLanguage), blankToNull(targetLanguage)), user.getName());
            return ResponseEntity.created(URI.create("/api/documents/" + imported.document().id()))
                    .body(json(imported));
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @GetMapping("/{id}/segments")
    public List<Map<String, Object>> segments(@PathVariable long id) {
        return service.segments(id).stream().map(SegmentJson::of).toList();
    }

    public record Settings(Boolean oneStepReview) {
    }

    @GetMapping("/{id}/settings")
    public Map<String, Object> settings(@PathVariable long id) {
        return Map.of("oneStepReview", service.document(id).oneStepReview());
    }

    /** Approvers and administrators: {"oneStepReview": true} lets reviewers approve directly. */
    @PutMapping("/{id}/settings")
    public Map<String, Object> updateSettings(@PathVariable long id, @RequestBody Settings settings, Principal user) {
        if (settings == null || settings.oneStepReview() == null) {
            throw new IllegalArgumentException("Send {\"oneStepReview\": true} or false.");
        }
        Document changed = service.setOneStepReview(id, settings.oneStepReview(), user.getName());
        return Map.of("oneStepReview", changed.oneStepReview());
    }

    @ExceptionHandler(ImportRejectedException.class)
    ProblemDetail rejected(ImportRejectedException e) {
        HttpStatus status = switch (e.reason()) {
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNSUPPORTED_FORMAT -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle("File not imported");
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Settings not changed");
        return problem;
    }

    @ExceptionHandler(DocumentNotFoundException.class)
    ProblemDetail notFound(DocumentNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    static Map<String, Object> json(DocumentProgress progress) {
        Document d = progress.document();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", d.id());
        json.put("name", d.name());
        json.put("format", d.format().name().toLowerCase());
        json.put("sourceLanguage", d.sourceLanguage());
        json.put("targetLanguage", d.targetLanguage());
        json.put("segmentCount", d.segmentCount());
        Map<String, Integer> counts = new LinkedHashMap<>();
        progress.counts().forEach((status, n) -> counts.put(status.name().toLowerCase(), n));
        json.put("statusCounts", counts);
        json.put("archived", d.archived());
        json.put("oneStepReview", d.oneStepReview());
        json.put("importedBy", d.importedBy());
        json.put("importedAt", d.importedAt().toString());
        return json;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

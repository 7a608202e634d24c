package org.postedit.workbench.glossary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.Principal;
import java.time.LocalDate;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The glossary for scripts: search, import (with preview) and export, served by the same GlossaryService. */
@RestController
@RequestMapping("/api/glossary")
public class GlossaryApi {

    private static final int MAX_LIMIT = 1000;

    private final GlossaryService service;
    private final Clock clock;

    public GlossaryApi(GlossaryService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @GetMapping("/terms")
    public Map<String, Object> terms(@RequestParam(required = false) String q,
                                     @RequestParam(defaultValue = "contains") String match,
                                     @RequestParam(required = false) String language,
                                     @RequestParam(required = false) String status,
                                     @RequestParam(required = false) String domain,
                                     @RequestParam(required = false) Long glossary,
                                     @RequestParam(defaultValue = "term") String sort,
                                     @RequestParam(defaultValue = "0") int offset,
                                     @RequestParam(defaultValue = "50") int limit) {
        TermStatus termStatus = null;
        if (status != null && !status.isBlank()) {
            termStatus = TermStatus.parse(status);
            if (termStatus == null) {
                throw new BadRequest("Unknown status '" + status + "': use preferred, admitted, deprecated or forbidden.");
            }
        }
        GlossaryQuery query = new GlossaryQuery(q, parse(GlossaryQuery.Match.class, match, "match"), language,
                termStatus, domain, glossary, parse(GlossaryQuery.Sort.class, sort, "sort"));
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequest("offset must be 0 or more and limit between 1 and " + MAX_LIMIT + ".");
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("total", service.countTerms(query));
        json.put("offset", offset);
        json.put("terms", service.searchTerms(query, offset, limit).stream().map(GlossaryApi::json).toList());
        return json;
    }

    @PostMapping(value = "/import", consumes = "multipart/form-data")
    public ImportSummary importFile(@RequestParam("file") MultipartFile file,
                                    @RequestParam(defaultValue = "merge") String mode,
                                    @RequestParam(defaultValue = "false") boolean preview,
                                    @RequestParam(required = false) Long glossary,
                                    Principal user) throws IOException {
        ImportMode importMode = parse(ImportMode.class, mode, "mode");
        long glossaryId = glossary != null ? glossary : service.generalGlossary().id();
        Path temp = Files.createTempFile("workbench-glossary-", ".part");
        try {
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            return service.importFile(glossaryId, temp, file.getOriginalFilename(), importMode, preview,
                    user.getName(), p -> { });
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @GetMapping("/export")
    public ResponseEntity<byte[]> export(@RequestParam(defaultValue = "tbx") String format,
                                         @RequestParam(required = false) Long glossary) throws IOException {
        Glossary g = glossary == null ? service.generalGlossary() : service.glossary(glossary)
                .orElseThrow(() -> new GlossaryValidationException(List.of("Glossary " + glossary + " does not exist.")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MediaType type;
        String extension;
        switch (format.toLowerCase(Locale.ROOT)) {
            case "tbx" -> {
                service.exportTbx(g.id(), out);
                type = MediaType.parseMediaType("application/x-tbx+xml");
                extension = "tbx";
            }
            case "csv" -> {
                service.exportCsv(g.id(), out, ',');
                type = MediaType.parseMediaType("text/csv;charset=UTF-8");
                extension = "csv";
            }
            case "tsv" -> {
                service.exportCsv(g.id(), out, '\t');
                type = MediaType.parseMediaType("text/tab-separated-values;charset=UTF-8");
                extension = "tsv";
            }
            default -> throw new BadRequest("Unknown export format '" + format + "': use tbx, csv or tsv.");
        }
        String name = "glossary-" + g.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-"
                + LocalDate.now(clock) + "." + extension;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(out.toByteArray());
    }

    static Map<String, Object> json(TermHit hit) {
        Term t = hit.term();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", t.id());
        json.put("conceptId", hit.conceptId());
        json.put("conceptKey", hit.conceptKey());
        json.put("glossaryId", hit.glossaryId());
        json.put("language", t.language());
        json.put("term", t.text());
        json.put("status", t.status().name().toLowerCase(Locale.ROOT));
        json.put("partOfSpeech", t.partOfSpeech());
        json.put("caseSensitive", t.caseSensitive());
        json.put("note", t.note());
        json.put("example", t.example());
        json.put("domain", hit.domain());
        json.put("conceptNote", hit.conceptNote());
        return json;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.strip())) {
                return e;
            }
        }
        throw new BadRequest("Unknown " + name + " '" + value + "'.");
    }

    /** A request the API cannot serve as asked. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }

    @ExceptionHandler(BadRequest.class)
    ProblemDetail badRequest(BadRequest e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(GlossaryImportException.class)
    ProblemDetail refused(GlossaryImportException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Glossary not imported");
        problem.setProperty("problems", e.problems().stream()
                .map(p -> Map.of("line", p.line(), "message", p.message())).toList());
        return problem;
    }

    @ExceptionHandler(GlossaryValidationException.class)
    ProblemDetail invalid(GlossaryValidationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("problems", e.problems());
        return problem;
    }

    @ExceptionHandler(ConceptNotFoundException.class)
    ProblemDetail notFound(ConceptNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }
}

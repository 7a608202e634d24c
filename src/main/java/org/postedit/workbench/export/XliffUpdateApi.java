package org.postedit.workbench.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.Principal;

import org.postedit.workbench.document.DocumentNotFoundException;
import org.postedit.workbench.document.DocumentService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/documents/{id}/xliff} (multipart {@code file}, optional {@code overwriteApproved=false}):
 * updates the document from an edited XLIFF export of it and answers with the summary; the same service as the
 * "Update from XLIFF…" dialog.
 */
@RestController
@RequestMapping("/api/documents")
public class XliffUpdateApi {

    private final XliffUpdateService updates;
    private final DocumentService documents;

    public XliffUpdateApi(XliffUpdateService updates, DocumentService documents) {
        this.updates = updates;
        this.documents = documents;
    }

    @PostMapping(value = "/{id}/xliff", consumes = "multipart/form-data")
    public XliffUpdateSummary update(@PathVariable long id, @RequestParam("file") MultipartFile file,
                                     @RequestParam(defaultValue = "false") boolean overwriteApproved,
                                     Principal user) throws IOException {
        documents.document(id);  // 404 before the upload is copied
        if (file.getSize() > documents.maxFileSize()) {
            throw new XliffUpdateRejectedException("%s is larger than the limit of %.1f MB.".formatted(
                    file.getOriginalFilename(), documents.maxFileSize() / (1024.0 * 1024)));
        }
        Path temp = Files.createTempFile("workbench-xliff-", ".part");
        try {
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            return updates.update(id, temp, file.getOriginalFilename(), overwriteApproved, user.getName(), n -> { });
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @ExceptionHandler(XliffUpdateRejectedException.class)
    ProblemDetail rejected(XliffUpdateRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("XLIFF not applied");
        return problem;
    }

    @ExceptionHandler(DocumentNotFoundException.class)
    ProblemDetail notFound(DocumentNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }
}

package org.postedit.workbench.api;

import org.postedit.workbench.security.PermissionDeniedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns the framework's own errors under /api (bad JSON, missing parameters, an upload over the multipart limit)
 * into RFC 9457 problem details; each feature's controller maps its own domain errors.
 */
@RestControllerAdvice(basePackages = "org.postedit.workbench")
public class ApiProblems extends ResponseEntityExceptionHandler {

    /** A service's own refusal says what was refused and who may do it; a method rule's says only no. */
    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ProblemDetail forbidden(Exception e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                e instanceof PermissionDeniedException ? e.getMessage() : "Your role does not allow this.");
    }

    @Override
    protected org.springframework.http.ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException ex, org.springframework.http.HttpHeaders headers,
            org.springframework.http.HttpStatusCode status, org.springframework.web.context.request.WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The file is larger than the upload limit.");
        problem.setTitle("File not imported");
        return org.springframework.http.ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
    }
}

package org.postedit.workbench.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/admin/backup}: an online backup of the embedded database (administrators). */
@RestController
@RequestMapping("/api/admin/backup")
public class BackupApi {

    private final BackupService backups;

    public BackupApi(BackupService backups) {
        this.backups = backups;
    }

    @PostMapping
    public Map<String, Object> backup(Principal user) throws java.io.IOException {
        Path zip = backups.backup(user.getName());
        return Map.of("file", zip.toString(), "bytes", Files.size(zip));
    }

    @ExceptionHandler(UnsupportedOperationException.class)
    ProblemDetail unsupported(UnsupportedOperationException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}

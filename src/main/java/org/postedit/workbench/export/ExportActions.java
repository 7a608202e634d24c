package org.postedit.workbench.export;

import java.util.List;

import com.vaadin.flow.spring.security.AuthenticationContext;
import org.postedit.workbench.document.Document;
import org.postedit.workbench.document.DocumentFileActions;
import org.postedit.workbench.document.DocumentService;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Component;

/** The export feature's dialogs, offered to the document list and the review grid. Holds no state of its own. */
@Component
class ExportActions implements DocumentFileActions {

    private final ExportService exports;
    private final XliffUpdateService updates;
    private final DocumentService documents;
    private final AsyncTaskExecutor executor;
    private final AuthenticationContext authentication;

    ExportActions(ExportService exports, XliffUpdateService updates, DocumentService documents,
                  AsyncTaskExecutor executor, AuthenticationContext authentication) {
        this.exports = exports;
        this.updates = updates;
        this.documents = documents;
        this.executor = executor;
        this.authentication = authentication;
    }

    @Override
    public void openExport(List<Document> selected) {
        if (!selected.isEmpty()) {
            new ExportDialog(selected, exports, executor).open();
        }
    }

    @Override
    public void openXliffUpdate(Document document, Runnable updated) {
        new XliffUpdateDialog(document, updates, documents.maxFileSize(), executor,
                authentication.getPrincipalName().orElse("unknown"), updated).open();
    }

    @Override
    public boolean mayUpdateFromXliff() {
        return authentication.hasAnyRole(org.postedit.workbench.security.Permission.REVIEW.roleNames());
    }
}

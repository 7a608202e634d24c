package org.postedit.workbench.document.okapi;

import java.util.function.Consumer;

import net.sf.okapi.common.Event;
import net.sf.okapi.common.filters.IFilter;
import net.sf.okapi.common.resource.ITextUnit;
import net.sf.okapi.common.resource.RawDocument;

import org.postedit.workbench.document.DocumentFormat;
import org.postedit.workbench.document.ImportRejectedException;
import org.postedit.workbench.document.ImportRejectedException.Reason;

/**
 * Feeds the text units of one file through a consumer, and turns whatever Okapi throws on bad input into a
 * refusal that names the file and the format it was read as.
 */
final class TextUnitStream {

    private static final int MAX_DETAIL = 300;

    private TextUnitStream() {
    }

    static void forEach(IFilter filter, RawDocument document, DocumentFormat format, String fileName,
                        Consumer<ITextUnit> sink) {
        try (document) {
            filter.open(document);
            while (filter.hasNext()) {
                Event event = filter.next();
                if (event.isTextUnit()) {
                    sink.accept(event.getTextUnit());
                }
            }
        } catch (ImportRejectedException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new ImportRejectedException(Reason.INVALID, fileName + " could not be read as "
                    + format.label() + ": " + detail(e), e);
        } finally {
            filter.close();
        }
    }

    private static String detail(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause
                && (cause.getMessage() == null || cause.getMessage().isBlank())) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            message = cause.getClass().getSimpleName();
        }
        message = message.strip().replaceAll("\\s+", " ");
        return message.length() > MAX_DETAIL ? message.substring(0, MAX_DETAIL) + "…" : message;
    }
}

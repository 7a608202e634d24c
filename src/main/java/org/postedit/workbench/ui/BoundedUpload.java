package org.postedit.workbench.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.function.SerializableBiConsumer;
import com.vaadin.flow.function.SerializableConsumer;

/**
 * Streams an upload to a temporary file and stops at the size limit on the server, whatever the browser claims:
 * the declared length is checked first, then the bytes actually received.
 */
public class BoundedUpload implements UploadHandler {

    private final long limit;
    private final SerializableBiConsumer<String, Path> received;
    private final SerializableConsumer<String> refused;

    /**
     * @param received called with the file name and the temporary file (the callee deletes it)
     * @param refused  called with a message for the user when the upload is refused
     */
    public BoundedUpload(long limit, SerializableBiConsumer<String, Path> received, SerializableConsumer<String> refused) {
        this.limit = limit;
        this.received = received;
        this.refused = refused;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        String name = event.getFileName();
        if (event.getFileSize() > limit) {
            String message = "%s is %s; the limit is %s.".formatted(name, megabytes(event.getFileSize()),
                    megabytes(limit));
            event.reject(message);
            refused.accept(message);
            return;
        }
        Path temp = Files.createTempFile("workbench-upload-", ".part");
        boolean handedOver = false;
        try (InputStream in = event.getInputStream(); OutputStream out = Files.newOutputStream(temp)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
                if (total > limit) {
                    String message = "%s is larger than the limit of %s.".formatted(name,
                            megabytes(limit));
                    event.reject(message);
                    refused.accept(message);
                    return;
                }
                out.write(buffer, 0, n);
            }
            handedOver = true;
        } finally {
            if (!handedOver) {
                Files.deleteIfExists(temp);
            }
        }
        received.accept(name, temp);
    }

    /** "3.2 MB" or "120 KB": sizes as people read them in a refusal. */
    public static String megabytes(long bytes) {
        return bytes >= 1024 * 1024 ? "%.1f MB".formatted(bytes / (1024.0 * 1024))
                : "%d KB".formatted(Math.max(1, bytes / 1024));
    }
}

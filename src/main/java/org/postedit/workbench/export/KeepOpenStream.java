package org.postedit.workbench.export;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The caller's stream handed to a writer that closes its output (Okapi's writers, a ZIP entry's exporter): closing
 * flushes, the stream itself stays open.
 */
final class KeepOpenStream extends FilterOutputStream {

    KeepOpenStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}

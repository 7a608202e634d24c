package org.postedit.workbench.check;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Short, stable fingerprints of texts: stored with issues and ignores (so an ignore holds while the text is
 * unchanged) and used as cache keys. 128 bits of SHA-256: collisions are not a practical concern.
 */
final class TextHash {

    private TextHash() {
    }

    static String of(String text) {
        return HexFormat.of().formatHex(digest(text), 0, 16);
    }

    static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}

package org.postedit.workbench.document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/**
 * What makes two segments repetitions of each other: the same source text (the same MT in MT-only documents),
 * after Unicode normalisation (NFC) and with runs of whitespace folded to one space and trimmed, so a stray
 * double space or a non-breaking space does not hide a repetition. Case and punctuation count: "Save" and "save."
 * may need different translations. Inline codes count by kind and label, so a repetition's target can take the
 * same codes. Stored as a SHA-256 hex digest so the database groups by a short indexed column.
 */
public final class RepetitionKey {

    private RepetitionKey() {
    }

    public static String of(TaggedText source, TaggedText mt) {
        TaggedText text = source != null && !source.isBlank() ? source : mt;
        if (text == null || text.isBlank()) {
            return null;
        }
        return sha256(normalised(text));
    }

    static String normalised(TaggedText text) {
        StringBuilder out = new StringBuilder(text.coded().length());
        for (TaggedText.Run run : text.runs()) {
            if (run.code() == null) {
                out.append(run.text());
            } else {
                out.append(TaggedText.markerFor(run.code().kind())).append(run.code().label())
                        .append(TaggedText.markerFor(run.code().kind()));
            }
        }
        String nfc = Normalizer.normalize(out, Normalizer.Form.NFC);
        return nfc.replaceAll("[\\s\\u00A0\\u2007\\u202F\\u3000]+", " ").strip();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}

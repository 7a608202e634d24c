package org.postedit.workbench.document.okapi;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

import org.postedit.workbench.document.ImportRejectedException;
import org.postedit.workbench.document.ImportRejectedException.Reason;

/**
 * Decodes a text file (plain text, Markdown, HTML, PO) to exactly the characters its author wrote, or refuses it.
 * Never guesses loosely: a byte-order mark, the NUL pattern of UTF-16 without one, a charset the file declares,
 * strict UTF-8, and GBK only when the result is unmistakably Chinese. Anything else is refused rather than
 * stored as mojibake.
 */
final class TextDecoder {

    static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset GBK = Charset.forName("GBK");
    private static final int SNIFF = 4096;

    /** Text decoded from a file, without its byte-order mark. */
    record DecodedText(String text, Charset charset) {
    }

    private TextDecoder() {
    }

    /** The charset the bytes announce by a BOM or by the NUL bytes of UTF-16, or null when they do not. */
    static Charset announcedCharset(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return StandardCharsets.UTF_8;
        }
        if (startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00) || startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)) {
            return null; // UTF-32: refused by decode()
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return StandardCharsets.UTF_16LE;
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return StandardCharsets.UTF_16BE;
        }
        return utf16ByNulPattern(bytes);
    }

    /**
     * Decodes the whole file.
     *
     * @param declared the charset the content declares (HTML meta, PO header), or null
     */
    static DecodedText decode(byte[] bytes, String declared) {
        if (startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00) || startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)) {
            throw unknownEncoding("it is UTF-32, which is not supported");
        }
        Charset announced = announcedCharset(bytes);
        if (announced != null) {
            return new DecodedText(withoutBom(strict(announced, bytes, announced.name())), announced);
        }
        if (hasNul(bytes)) {
            throw new ImportRejectedException(Reason.UNSUPPORTED_FORMAT,
                    "The file contains NUL bytes: it looks like a binary file, not text. " + SupportedFormats.LIST);
        }
        Charset declaredCharset = charsetOrNull(declared);
        if (declaredCharset != null && !declaredCharset.equals(StandardCharsets.UTF_8)) {
            return new DecodedText(withoutBom(strict(declaredCharset, bytes, "the declared " + declared)),
                    declaredCharset);
        }
        try {
            return new DecodedText(withoutBom(decodeOrThrow(StandardCharsets.UTF_8, bytes)), StandardCharsets.UTF_8);
        } catch (CharacterCodingException notUtf8) {
            String chinese = chineseOrNull(bytes);
            if (chinese != null) {
                return new DecodedText(chinese, GB18030);
            }
            throw unknownEncoding("it is not valid UTF-8 (" + where(notUtf8, bytes) + ") nor recognisably "
                    + "another encoding");
        }
    }

    /**
     * GBK (the usual encoding of Simplified Chinese text on Windows) has no signature, and most byte soups decode
     * under it. It is accepted only when the result reads as Chinese: strict GB18030 decoding, every character
     * inside GBK, and the text made of common Chinese characters the way real prose is.
     */
    private static String chineseOrNull(byte[] bytes) {
        String text;
        try {
            text = decodeOrThrow(GB18030, bytes);
        } catch (CharacterCodingException e) {
            return null;
        }
        if (!GBK.newEncoder().canEncode(text)) {
            return null;
        }
        int han = 0;
        int common = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
            }
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                han++;
                if (CommonChinese.CHARACTERS.indexOf(c) >= 0) {
                    common++;
                }
            }
        }
        // mojibake of Latin-1, Big5, Shift_JIS or EUC-KR gives rare characters, and few of them
        boolean mostlyChinese = han * 3 >= letters && han >= 10;
        boolean readsLikeProse = common * 100 >= han * CommonChinese.MIN_SHARE_PERCENT;
        return mostlyChinese && readsLikeProse ? text : null;
    }

    private static String strict(Charset charset, byte[] bytes, String label) {
        try {
            return decodeOrThrow(charset, bytes);
        } catch (CharacterCodingException e) {
            throw unknownEncoding("it is not valid " + label + " (" + where(e, bytes) + ")");
        }
    }

    private static String decodeOrThrow(Charset charset, byte[] bytes) throws CharacterCodingException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
        return chars.toString();
    }

    private static String where(CharacterCodingException e, byte[] bytes) {
        if (e instanceof MalformedInputException) {
            int offset = firstInvalidUtf8(bytes);
            if (offset >= 0) {
                return String.format("byte 0x%02X at offset %d", bytes[offset] & 0xFF, offset);
            }
        }
        return e.getMessage();
    }

    private static int firstInvalidUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : -1;
    }

    private static ImportRejectedException unknownEncoding(String why) {
        return new ImportRejectedException(Reason.INVALID, "Unknown text encoding: " + why
                + ". Save the file as UTF-8 and upload it again.");
    }

    private static Charset utf16ByNulPattern(byte[] bytes) {
        int pairs = Math.min(bytes.length, SNIFF) / 2;
        if (pairs < 2) {
            return null;
        }
        int evenNuls = 0;
        int oddNuls = 0;
        for (int i = 0; i < pairs * 2; i += 2) {
            if (bytes[i] == 0) {
                evenNuls++;
            }
            if (bytes[i + 1] == 0) {
                oddNuls++;
            }
        }
        // Latin text in UTF-16 has a NUL in almost every code unit, on the high-byte side
        if (oddNuls * 10 >= pairs * 3 && evenNuls * 20 < pairs) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenNuls * 10 >= pairs * 3 && oddNuls * 20 < pairs) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static boolean hasNul(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    private static Charset charsetOrNull(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private static String withoutBom(String text) {
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}

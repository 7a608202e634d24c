package org.postedit.workbench.document.okapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.postedit.workbench.document.ImportRejectedException;

/** Text is decoded exactly as written, or refused: never guessed into mojibake. */
class TextDecoderTest {

    @Test
    void recognisesUtf16ByItsNulBytes() {
        byte[] le = "Hello, world.\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] be = "Hello, world.\n".getBytes(StandardCharsets.UTF_16BE);
        assertThat(TextDecoder.announcedCharset(le)).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(TextDecoder.announcedCharset(be)).isEqualTo(StandardCharsets.UTF_16BE);
        assertThat(TextDecoder.decode(le, null).text()).isEqualTo("Hello, world.\n");
    }

    @Test
    void dropsTheByteOrderMark() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'H', 'i'};
        assertThat(TextDecoder.decode(bom, null).text()).isEqualTo("Hi");
    }

    @Test
    void honoursADeclaredCharset() {
        byte[] latin1 = "Déjà vu".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(TextDecoder.decode(latin1, "ISO-8859-1").text()).isEqualTo("Déjà vu");
        assertThatThrownBy(() -> TextDecoder.decode("日本".getBytes(StandardCharsets.UTF_8), "US-ASCII"))
                .isInstanceOf(ImportRejectedException.class).hasMessageContaining("declared US-ASCII");
    }

    @Test
    void acceptsGbkOnlyWhenItReadsAsChinese() {
        String chinese = "开放原子开源基金会是致力于推动全球开源事业发展的非营利机构。";
        assertThat(TextDecoder.decode(chinese.getBytes(Charset.forName("GBK")), null).text()).isEqualTo(chinese);
        byte[] korean = "오메가티는 자유 오픈 소스 번역 지원 도구입니다 그리고 많은 기능이 있습니다".getBytes(Charset.forName("EUC-KR"));
        assertThatThrownBy(() -> TextDecoder.decode(korean, null)).hasMessageContaining("Unknown text encoding");
    }

    @Test
    void namesTheFirstBadByte() {
        byte[] bytes = "abc\u00e9def".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> TextDecoder.decode(bytes, null)).hasMessageContaining("byte 0xE9 at offset 3");
    }

    @Test
    void refusesUtf32() {
        byte[] utf32 = {(byte) 0xFF, (byte) 0xFE, 0, 0, 'A', 0, 0, 0};
        assertThatThrownBy(() -> TextDecoder.decode(utf32, null)).hasMessageContaining("UTF-32");
    }
}

package org.postedit.workbench.check.typography;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers of a text, normalised so that the same quantity written differently compares equal: {@code 1,000},
 * {@code 1000}, {@code 1 000} and full-width {@code １０００}; {@code 06} and {@code 6}; {@code 3,5} and {@code 3.5}.
 */
final class Numbers {

    /** A number with thousands separators (one kind, groups of three) or a plain or decimal number. */
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\d.,])(\\d{1,3}(?:([,.\u00A0\u202F])\\d{3})(?:\\2\\d{3})*(?![\\d])(?:(?!\\2)[.,]\\d+)?"
                    + "|\\d+(?:[.,]\\d+)?)");

    /** Chinese numerals: runs the numbers rule reads as optional numbers of a CJK source ("十八" for "18th"). */
    private static final Pattern CHINESE = Pattern.compile("[零〇一二两三四五六七八九十百千万亿]+");
    private static final String CHINESE_DIGITS = "零一二三四五六七八九";

    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("january", 1), Map.entry("february", 2),
            Map.entry("march", 3), Map.entry("april", 4), Map.entry("may", 5), Map.entry("june", 6),
            Map.entry("july", 7), Map.entry("august", 8), Map.entry("september", 9), Map.entry("october", 10),
            Map.entry("november", 11), Map.entry("december", 12));
    private static final List<String> WORDS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen", "twenty");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    /** A number found in a text: where, as written, and its normalised value. */
    record Found(int offset, int length, String written, String value) {
    }

    private Numbers() {
    }

    static List<Found> in(String text) {
        String ascii = asciiDigits(text);
        List<Found> found = new ArrayList<>();
        Matcher m = NUMBER.matcher(ascii);
        while (m.find()) {
            found.add(new Found(m.start(), m.end() - m.start(), text.substring(m.start(), m.end()),
                    normalise(m.group(), m.group(2))));
        }
        return found;
    }

    /** Values written as words the rule accepts for a digit: month names and small English numbers. */
    static List<String> wordValues(String text) {
        List<String> values = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String word = m.group().toLowerCase(Locale.ROOT);
            Integer month = MONTHS.get(word);
            if (month != null) {
                values.add(String.valueOf(month));
            }
            int small = WORDS.indexOf(word);
            if (small >= 0) {
                values.add(String.valueOf(small));
            }
        }
        return values;
    }

    /** Values of Chinese numerals ("十八" = 18, "两" = 2, "三百" = 300). */
    static List<String> chineseValues(String text) {
        List<String> values = new ArrayList<>();
        Matcher m = CHINESE.matcher(text);
        while (m.find()) {
            long value = chinese(m.group());
            if (value >= 0) {
                values.add(String.valueOf(value));
            }
        }
        return values;
    }

    private static long chinese(String numeral) {
        long total = 0;
        long section = 0;
        long digit = 0;
        for (int i = 0; i < numeral.length(); i++) {
            char c = numeral.charAt(i);
            int d = c == '〇' ? 0 : c == '两' ? 2 : CHINESE_DIGITS.indexOf(c);
            if (d >= 0) {
                digit = digit * 10 + d;
                continue;
            }
            long unit = switch (c) {
                case '十' -> 10;
                case '百' -> 100;
                case '千' -> 1000;
                case '万' -> 10_000;
                case '亿' -> 100_000_000;
                default -> -1;
            };
            if (unit < 0) {
                return -1;
            }
            if (unit >= 10_000) {
                section = (section + digit) * unit;
                total += section;
                section = 0;
            } else {
                section += (digit == 0 ? 1 : digit) * unit;
            }
            digit = 0;
        }
        return total + section + digit;
    }

    /** Full-width digits and separators as ASCII, one character for one, so offsets stay. */
    private static String asciiDigits(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char ascii = c >= '０' && c <= '９' ? (char) ('0' + c - '０') : c == '．' ? '.' : c;
            if (ascii != c) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = ascii;
            }
        }
        return chars == null ? text : new String(chars);
    }

    private static String normalise(String number, String thousands) {
        String plain = number;
        if (thousands != null) {
            plain = plain.replace(thousands, "");
        }
        plain = plain.replace(',', '.');
        try {
            BigDecimal value = new BigDecimal(plain).stripTrailingZeros();
            return value.toPlainString();
        } catch (NumberFormatException e) {
            return plain;
        }
    }
}

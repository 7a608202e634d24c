package org.postedit.workbench.document.okapi;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.sf.okapi.common.resource.Code;

import org.postedit.workbench.document.InlineCode;

/**
 * The short text a reviewer sees on a code chip: what the file itself offers to show (XLIFF equiv-text, a PO
 * placeholder), else the tag it stands for. Null lets {@link InlineCode} fall back to a numbered chip.
 */
final class InlineCodeLabel {

    private static final int MAX_LENGTH = 16;
    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][\\w:.-]*)[^<>]*?(/?)>");
    private static final Pattern SHORTCODE = Pattern.compile("\\[(/?)([A-Za-z][\\w-]*)[^\\[\\]]*]");

    private InlineCodeLabel() {
    }

    /** Labels follow the code's own tag type, so an opening tag cut off by a sentence break still reads "<b>". */
    static String of(Code code) {
        InlineCode.Kind kind = switch (code.getTagType()) {
            case OPENING -> InlineCode.Kind.OPENING;
            case CLOSING -> InlineCode.Kind.CLOSING;
            default -> InlineCode.Kind.STANDALONE;
        };
        String display = code.getDisplayText();
        if (display != null && !display.isBlank() && display.length() <= MAX_LENGTH) {
            return display;
        }
        String element = elementForType(code.getType());
        if (element != null) {
            return tag(element, kind);
        }
        String data = code.getData();
        if (data == null || data.isBlank()) {
            return null;
        }
        Matcher tag = TAG.matcher(data.strip());
        if (tag.matches()) {
            String name = tag.group(2);
            if (!tag.group(1).isEmpty()) {
                return "</" + name + ">";
            }
            return tag.group(3).isEmpty() && kind != InlineCode.Kind.STANDALONE ? "<" + name + ">" : "<" + name + "/>";
        }
        Matcher shortcode = SHORTCODE.matcher(data.strip());
        if (shortcode.matches() && !data.startsWith("[#$")) {
            return "[" + shortcode.group(1) + shortcode.group(2) + "]";
        }
        // Okapi's "[#$dp1]" points into the skeleton: not something a reviewer can read
        if (data.length() <= MAX_LENGTH && !data.contains("\n") && !data.startsWith("[#$")) {
            return data;
        }
        return null;
    }

    /** Filters name formatting codes by their meaning ("bold", DOCX's "x-bold;color:000000;"). */
    private static String elementForType(String type) {
        if (type == null || type.isEmpty()) {
            return null;
        }
        String t = type.toLowerCase(Locale.ROOT);
        if (t.contains("link")) {
            return "a";
        }
        if (t.contains("bold")) {
            return "b";
        }
        if (t.contains("italic")) {
            return "i";
        }
        if (t.contains("underline") || t.contains("ulined")) {
            return "u";
        }
        if (t.equals("image") || t.equals("x-image")) {
            return "img";
        }
        if (t.equals("lb") || t.equals("line break") || t.equals("x-lb")) {
            return "br";
        }
        return null;
    }

    private static String tag(String element, InlineCode.Kind kind) {
        return switch (kind) {
            case OPENING -> "<" + element + ">";
            case CLOSING -> "</" + element + ">";
            case STANDALONE -> "<" + element + "/>";
        };
    }
}

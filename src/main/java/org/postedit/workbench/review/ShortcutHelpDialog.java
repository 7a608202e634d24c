package org.postedit.workbench.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;

/**
 * The help overlay (F1, Ctrl+/ or the toolbar's "Shortcuts"): every shortcut of {@link ReviewShortcut}, generated
 * from that list so it always says what the keys do. Also registers the page-wide keys of the same list.
 */
public class ShortcutHelpDialog extends Dialog {

    public ShortcutHelpDialog() {
        setHeaderTitle("Keyboard shortcuts");
        addClassName("shortcut-help-dialog");
        section("In the grid", ReviewShortcut.Scope.GRID);
        section("In the segment editor", ReviewShortcut.Scope.EDITOR);
        section("Anywhere on the page", ReviewShortcut.Scope.PAGE);
        Span mac = new Span("On a Mac, Cmd works wherever Ctrl is written.");
        mac.addClassName("shortcut-help");
        add(mac);
        Button close = new Button("Close", e -> close());
        getFooter().add(close);
        setWidth("44rem");
    }

    private void section(String title, ReviewShortcut.Scope scope) {
        add(new H4(title));
        Div list = new Div();
        list.addClassName("shortcut-list");
        for (ReviewShortcut shortcut : ReviewShortcut.values()) {
            if (shortcut.scope() != scope) {
                continue;
            }
            Div row = new Div();
            row.addClassName("shortcut-row");
            Span keys = new Span();
            keys.addClassName("shortcut-keys");
            String[] alternatives = shortcut.label().split(" / ");
            for (int i = 0; i < alternatives.length; i++) {
                if (i > 0) {
                    keys.add(new Span(" or "));
                }
                Span kbd = new Span(alternatives[i]);
                kbd.getElement().setAttribute("role", "term");
                kbd.addClassName("kbd");
                keys.add(kbd);
            }
            Span what = new Span(shortcut.description());
            what.addClassName("shortcut-description");
            row.add(keys, what);
            list.add(row);
        }
        add(list);
    }

    /**
     * Registers the {@link ReviewShortcut.Scope#PAGE page} shortcuts on a view, so they work (and keep the browser
     * from its own meaning: Ctrl+S would open "Save page as") wherever the focus is outside the editor; the editor
     * handles the same keys itself.
     */
    public static void registerPageShortcuts(Component owner, Map<ReviewShortcut, Runnable> handlers) {
        handlers.forEach((shortcut, handler) -> {
            for (String combo : shortcut.keys()) {
                String[] parts = combo.split("\\+(?=.)");
                Key key = vaadinKey(parts[parts.length - 1]);
                List<KeyModifier> modifiers = new ArrayList<>();
                boolean mod = false;
                for (int i = 0; i < parts.length - 1; i++) {
                    switch (parts[i]) {
                        case "Mod" -> mod = true;
                        case "Alt" -> modifiers.add(KeyModifier.ALT);
                        case "Shift" -> modifiers.add(KeyModifier.SHIFT);
                        default -> throw new IllegalStateException("Unknown modifier in " + combo);
                    }
                }
                if (mod) {
                    register(owner, handler, key, modifiers, KeyModifier.CONTROL);
                    register(owner, handler, key, modifiers, KeyModifier.META);
                } else {
                    Shortcuts.addShortcutListener(owner, handler::run, key,
                            modifiers.toArray(KeyModifier[]::new)).setBrowserDefaultAllowed(false);
                }
            }
        });
    }

    /** Vaadin names keys by their physical code, as the editor does: {@code S} is KeyS, {@code /} is Slash. */
    static Key vaadinKey(String name) {
        if (name.matches("[A-Z]")) {
            return Key.of("Key" + name);
        }
        if (name.matches("[0-9]")) {
            return Key.of("Digit" + name);
        }
        return "/".equals(name) ? Key.SLASH : Key.of(name);
    }

    private static void register(Component owner, Runnable handler, Key key, List<KeyModifier> modifiers,
                                 KeyModifier mod) {
        List<KeyModifier> all = new ArrayList<>(modifiers);
        all.add(mod);
        Shortcuts.addShortcutListener(owner, handler::run, key, all.toArray(KeyModifier[]::new))
                .setBrowserDefaultAllowed(false);
    }
}

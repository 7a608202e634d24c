package org.postedit.workbench.security;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

/** Administrators manage users: create, roles, disable, reset password. */
@Route("users")
@PageTitle("Users · Workbench")
@RolesAllowed("ADMIN")
public class UsersView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withLocale(Locale.UK).withZone(ZoneId.systemDefault());

    private final UserService users;
    private final String admin;
    private final Grid<UserAccount> grid = new Grid<>();

    public UsersView(UserService users, AuthenticationContext authentication) {
        this.users = users;
        this.admin = authentication.getPrincipalName().orElse("?");
        setSizeFull();
        grid.addColumn(UserAccount::username).setHeader("User").setAutoWidth(true);
        grid.addComponentColumn(this::roles).setHeader("Roles").setFlexGrow(2);
        grid.addComponentColumn(this::enabled).setHeader("Active").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(u -> TIME.format(u.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addComponentColumn(this::reset).setAutoWidth(true).setFlexGrow(0);
        Button create = new Button("New user", e -> openCreate());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new HorizontalLayout(new H2("Users"), create), grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private Component roles(UserAccount user) {
        MultiSelectComboBox<UserAccount.Role> roles = new MultiSelectComboBox<>();
        roles.setItems(UserAccount.Role.values());
        roles.setItemLabelGenerator(UserAccount.Role::label);
        roles.setValue(user.roles());
        roles.setWidthFull();
        roles.setAriaLabel("Roles of " + user.username());
        roles.addValueChangeListener(e -> {
            if (!e.isFromClient()) {
                return;
            }
            try {
                users.setRoles(user.id(), EnumSet.copyOf(e.getValue().isEmpty()
                        ? EnumSet.noneOf(UserAccount.Role.class) : e.getValue()), admin);
                Notification.show("Roles of " + user.username() + ": " + e.getValue().stream()
                        .map(UserAccount.Role::label).sorted().collect(Collectors.joining(", ")));
            } catch (IllegalArgumentException ex) {
                error(ex.getMessage());
                refresh();
            }
        });
        return roles;
    }

    private Component enabled(UserAccount user) {
        Checkbox active = new Checkbox(user.enabled());
        active.setAriaLabel(user.username() + " may sign in");
        active.addValueChangeListener(e -> {
            if (!e.isFromClient()) {
                return;
            }
            try {
                users.setEnabled(user.id(), e.getValue(), admin);
            } catch (IllegalArgumentException ex) {
                error(ex.getMessage());
                refresh();
            }
        });
        return active;
    }

    private Component reset(UserAccount user) {
        Button reset = new Button("Reset password", e -> {
            String password = users.resetPassword(user.id(), admin);
            Dialog shown = new Dialog();
            shown.setHeaderTitle("New password for " + user.username());
            shown.add(new Paragraph("Hand it over now; it is not shown again: " + password));
            shown.getFooter().add(new Button("Done", x -> shown.close()));
            shown.open();
        });
        reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        return reset;
    }

    private void openCreate() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New user");
        TextField name = new TextField("User name");
        PasswordField password = new PasswordField("Password");
        password.setHelperText("At least " + UserService.MIN_PASSWORD + " characters");
        MultiSelectComboBox<UserAccount.Role> roles = new MultiSelectComboBox<>("Roles");
        roles.setItems(UserAccount.Role.values());
        roles.setItemLabelGenerator(UserAccount.Role::label);
        roles.setValue(Set.of(UserAccount.Role.REVIEWER));
        dialog.add(new FormLayout(name, password, roles));
        Button save = new Button("Create", e -> {
            try {
                users.create(name.getValue(), password.getValue(), roles.getValue(), admin);
                dialog.close();
                refresh();
                Notification.show("Created " + name.getValue().strip());
            } catch (IllegalArgumentException ex) {
                error(ex.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private void refresh() {
        grid.setItems(users.users());
    }

    private static void error(String message) {
        Notification n = Notification.show(message, 6000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}

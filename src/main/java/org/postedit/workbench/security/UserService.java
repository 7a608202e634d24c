package org.postedit.workbench.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users and their roles: administrators create, disable, re-enable, reset passwords and assign roles. */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class UserService {

    private static final Logger log = LoggerFactory.getLogger(UserService.class);
    static final int MIN_PASSWORD = 10;

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final Clock clock;

    public UserService(UserRepository users, PasswordEncoder encoder, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.clock = clock;
    }

    public List<UserAccount> users() {
        return users.findAll();
    }

    /** @throws IllegalArgumentException with a message for the administrator */
    @Transactional
    public UserAccount create(String username, String password, Set<UserAccount.Role> roles, String admin) {
        String name = username == null ? "" : username.strip();
        if (!name.matches("[\\p{L}\\p{N}._@-]{2,100}")) {
            throw new IllegalArgumentException("A user name has 2 to 100 letters, digits or . _ @ -.");
        }
        if (users.find(name).isPresent()) {
            throw new IllegalArgumentException("There is already a user named " + name + ".");
        }
        requireRoles(roles);
        requirePassword(password);
        long id = users.insert(name, encoder.encode(password), roles, clock.instant());
        log.info("User {} created with roles {} by {}", name, roles, admin);
        return users.find(id).orElseThrow();
    }

    @Transactional
    public UserAccount setRoles(long userId, Set<UserAccount.Role> roles, String admin) {
        UserAccount user = load(userId);
        requireRoles(roles);
        if (user.username().equals(admin) && !roles.contains(UserAccount.Role.ADMIN)) {
            throw new IllegalArgumentException("You cannot take the administrator role from yourself.");
        }
        users.setRoles(userId, roles);
        log.info("Roles of {} set to {} by {}", user.username(), roles, admin);
        return load(userId);
    }

    @Transactional
    public UserAccount setEnabled(long userId, boolean enabled, String admin) {
        UserAccount user = load(userId);
        if (!enabled && user.username().equals(admin)) {
            throw new IllegalArgumentException("You cannot disable your own account.");
        }
        users.setEnabled(userId, enabled);
        log.info("User {} {} by {}", user.username(), enabled ? "enabled" : "disabled", admin);
        return load(userId);
    }

    /** Sets a new random password and returns it, to be handed to the user once. */
    @Transactional
    public String resetPassword(long userId, String admin) {
        UserAccount user = load(userId);
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        users.setPasswordHash(userId, encoder.encode(password));
        log.info("Password of {} reset by {}", user.username(), admin);
        return password;
    }

    private UserAccount load(long userId) {
        return users.find(userId).orElseThrow(() -> new IllegalArgumentException("There is no user " + userId + "."));
    }

    private static void requireRoles(Set<UserAccount.Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("Give the user at least one role.");
        }
    }

    private static void requirePassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("A password has at least " + MIN_PASSWORD + " characters.");
        }
    }
}

package org.postedit.workbench.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Creates the first administrator when there is no user at all, so a fresh install can be signed in to. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final AdminProperties properties;
    private final Clock clock;

    FirstAdmin(UserRepository users, PasswordEncoder encoder, AdminProperties properties, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (users.count() > 0) {
            return;
        }
        String password = properties.password();
        boolean generated = password == null || password.isBlank();
        if (generated) {
            byte[] random = new byte[15];
            new SecureRandom().nextBytes(random);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }
        users.insert(properties.username(), encoder.encode(password), UserAccount.Role.ADMIN, clock.instant());
        if (generated) {
            Path file = Path.of(properties.passwordFile());
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, password + System.lineSeparator());
            log.warn("Created administrator '{}' with generated password {} (also in {}). Set "
                    + "WORKBENCH_ADMIN_PASSWORD to choose it.", properties.username(), password, file.toAbsolutePath());
        } else {
            log.info("Created administrator '{}' with the password from WORKBENCH_ADMIN_PASSWORD",
                    properties.username());
        }
    }
}

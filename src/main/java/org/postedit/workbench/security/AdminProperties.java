package org.postedit.workbench.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param username     the first administrator's user name
 * @param password     its password (WORKBENCH_ADMIN_PASSWORD); when blank one is generated at first start
 * @param passwordFile where a generated password is written, readable by the owner only
 */
@ConfigurationProperties("workbench.admin")
public record AdminProperties(@DefaultValue("admin") String username, String password,
                              @DefaultValue("data/initial-admin-password") String passwordFile) {
}

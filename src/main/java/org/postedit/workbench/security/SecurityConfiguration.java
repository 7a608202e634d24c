package org.postedit.workbench.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two filter chains: the JSON API under /api with HTTP Basic and no session (scripts, CI), and the Vaadin UI with
 * form login and CSRF protection. Both use the same users.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
public class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(SecurityConfiguration::apiRules)
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setStatus(HttpStatus.UNAUTHORIZED.value());
                    response.setHeader("WWW-Authenticate", "Basic realm=\"workbench\"");
                    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                            + "\"detail\":\"Sign in with HTTP Basic: the user name and password of the workbench.\"}");
                }))
                .exceptionHandling(denied -> denied.accessDeniedHandler((request, response, e) -> {
                    // the same problem detail a service's refusal gives, whichever layer said no
                    response.setStatus(HttpStatus.FORBIDDEN.value());
                    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                            + "\"detail\":\"Your roles do not allow this call.\"}");
                }))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /**
     * Who may call what under /api, in one place (RoleAccessTest pins this table and fails for an endpoint it does
     * not list). Reading is open to every signed-in user; viewers only read. The roles come from {@link Permission},
     * which the services check again (with the rules that depend on the data: a reviewer approves only in a
     * one-step-review document).
     */
    private static void apiRules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
        auth.requestMatchers(HttpMethod.GET, "/api/**").authenticated()
                .requestMatchers(HttpMethod.POST, "/api/documents").authenticated()
                .requestMatchers(HttpMethod.PUT, "/api/documents/*/settings")
                .hasAnyRole(Permission.SET_REVIEW_MODE.roleNames())
                .requestMatchers(HttpMethod.PUT, "/api/segments/*").hasAnyRole(Permission.EDIT_TARGETS.roleNames())
                .requestMatchers(HttpMethod.POST, "/api/segments/*/confirm", "/api/segments/*/revert",
                        "/api/segments/*/split", "/api/segments/*/merge")
                .hasAnyRole(Permission.EDIT_TARGETS.roleNames())
                // reviewers get past the URL rule for approve; ReviewService decides by the document's review mode
                .requestMatchers(HttpMethod.POST, "/api/segments/*/approve", "/api/segments/*/reject")
                .hasAnyRole(Permission.REVIEW.roleNames())
                .requestMatchers(HttpMethod.POST, "/api/glossary/import")
                .hasAnyRole(Permission.EDIT_TERMINOLOGY.roleNames())
                // everyone who works on a document may discuss it, have it checked again
                .requestMatchers(HttpMethod.POST, "/api/segments/*/comments", "/api/comments/*/resolve",
                        "/api/documents/*/issues/check")
                .hasAnyRole(Permission.DISCUSS.roleNames())
                // an edited export may carry reviewed and approved statuses
                .requestMatchers(HttpMethod.POST, "/api/documents/*/xliff").hasAnyRole(Permission.REVIEW.roleNames())
                .requestMatchers("/api/dictionary", "/api/dictionary/**")
                .hasAnyRole(Permission.EDIT_DICTIONARY.roleNames())
                .requestMatchers("/api/admin/**").hasRole("ADMIN")
                // endpoints not listed yet: signed-in users, as before; RoleAccessTest fails until they are listed
                .anyRequest().authenticated();
    }

    @Bean
    @Order(2)
    SecurityFilterChain ui(HttpSecurity http) throws Exception {
        // An API call the framework refuses before a controller runs (415, 406) is forwarded to /error, outside
        // /api: let that forward through, or the caller sees 403 instead of what was wrong with the request.
        return http.authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll())
                .with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(UserRepository users) {
        return username -> users.find(username)
                .filter(UserAccount::enabled)
                .map(u -> User.withUsername(u.username()).password(u.passwordHash())
                        .roles(u.roles().stream().map(Enum::name).toArray(String[]::new)).build())
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }
}

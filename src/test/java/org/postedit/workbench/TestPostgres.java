package org.postedit.workbench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * The PostgreSQL server the {@link OnPostgres} tests use, found once per test run: the one named by
 * {@code WORKBENCH_TEST_POSTGRES_URL} (with {@code WORKBENCH_TEST_POSTGRES_USER} and
 * {@code WORKBENCH_TEST_POSTGRES_PASSWORD}, both {@code workbench} when unset), else a local server at
 * {@value #LOCAL_URL} with user and password {@code workbench}. When none answers, the tests are skipped with a
 * message that says why and how to provide one; {@code WORKBENCH_TEST_POSTGRES_URL=off} skips them on purpose.
 */
public final class TestPostgres implements ExecutionCondition {

    public static final String URL_ENV = "WORKBENCH_TEST_POSTGRES_URL";
    public static final String USER_ENV = "WORKBENCH_TEST_POSTGRES_USER";
    public static final String PASSWORD_ENV = "WORKBENCH_TEST_POSTGRES_PASSWORD";
    static final String LOCAL_URL = "jdbc:postgresql://localhost:5432/workbench_test";
    private static final String HOW = "Give the tests a server with " + URL_ENV
            + "=jdbc:postgresql://host:5432/db (and " + USER_ENV + ", " + PASSWORD_ENV + "), or create role and "
            + "database workbench/workbench_test on localhost:5432 (see docs/operations.md).";

    /** Where the server is, or why there is none ({@code unavailable} is then the message). */
    record Server(String url, String user, String password, String version, String unavailable) {

        Connection connect() throws SQLException {
            return TestPostgres.connect(url, user, password);
        }
    }

    private static Server server;

    static synchronized Server server() {
        if (server == null) {
            server = find();
            System.out.println(server.unavailable() != null ? server.unavailable()
                    : "PostgreSQL tests run on " + server.url() + " (" + server.version() + ")");
        }
        return server;
    }

    private static Server find() {
        String configured = System.getenv(URL_ENV);
        String user = envOr(USER_ENV, "workbench");
        String password = envOr(PASSWORD_ENV, "workbench");
        if ("off".equalsIgnoreCase(configured)) {
            return new Server(null, null, null, null, "PostgreSQL tests skipped: " + URL_ENV + "=off.");
        }
        String url = configured == null || configured.isBlank() ? LOCAL_URL : configured.trim();
        try (Connection connection = connect(url, user, password); Statement statement = connection.createStatement();
             var rs = statement.executeQuery("select version()")) {
            rs.next();
            return new Server(url, user, password, rs.getString(1), null);
        } catch (SQLException e) {
            String where = configured == null || configured.isBlank() ? "no PostgreSQL server for the tests at "
                    + url + " (" + URL_ENV + " is not set)" : "the PostgreSQL server at " + URL_ENV + "=" + url
                    + " cannot be reached";
            String reason = String.valueOf(e.getMessage()).replaceAll("\\.\\s*$", "");
            return new Server(null, null, null, null, "PostgreSQL tests skipped: " + where + " as " + user + ": "
                    + reason + ". " + HOW);
        }
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        // a missing server answers at once; a firewalled one must not hold the build for long
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("loginTimeout", "10");
        return DriverManager.getConnection(url, properties);
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Server found = server();
        return found.unavailable() != null ? ConditionEvaluationResult.disabled(found.unavailable())
                : ConditionEvaluationResult.enabled("PostgreSQL at " + found.url());
    }

    /** Gives every Spring context of an {@link OnPostgres} test a fresh schema of its own on the server. */
    public static final class SchemaPerContext implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                         List<ContextConfigurationAttributes> configAttributes) {
            return new FreshSchema();
        }
    }

    /** No state: every context that asks for PostgreSQL has the same key in the test context cache. */
    record FreshSchema() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            Server found = server();
            if (found.unavailable() != null) {
                throw new IllegalStateException(found.unavailable());
            }
            String schema = "wb_test_" + UUID.randomUUID().toString().replace("-", "");
            try (Connection connection = found.connect(); Statement statement = connection.createStatement()) {
                statement.execute("create schema " + schema);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create schema " + schema + " on " + found.url(), e);
            }
            String url = found.url() + (found.url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
            // LanguageTool reads no SQL, and checking the thousands of segments some tests import would only compete
            // for the CPU with the tests (its issues are stored like every checker's, which CheckService tests cover)
            String disabled = context.getEnvironment().getProperty("workbench.checks.disabled", "");
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("workbench-test-postgres",
                    Map.of("spring.datasource.url", url,
                            "spring.datasource.username", found.user(),
                            "spring.datasource.password", found.password(),
                            // cached contexts stay open until the run ends: keep few idle connections each
                            "spring.datasource.hikari.minimum-idle", "1",
                            "workbench.checks.disabled",
                            disabled.isBlank() ? "languagetool" : disabled + ",languagetool")));
            context.addBeanFactoryPostProcessor(factory -> dropWithContext(factory, found, schema));
        }

        /** Registers the drop of the schema so it runs after the data source has closed its connections. */
        private static void dropWithContext(ConfigurableListableBeanFactory factory, Server found, String schema) {
            String name = "workbenchTestPostgresSchema";
            ((BeanDefinitionRegistry) factory).registerBeanDefinition(name, BeanDefinitionBuilder
                    .genericBeanDefinition(SchemaDrop.class, () -> new SchemaDrop(found, schema)).getBeanDefinition());
            for (String dataSource : factory.getBeanNamesForType(DataSource.class, true, false)) {
                BeanDefinition definition = factory.getBeanDefinition(dataSource);
                String[] before = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
                String[] after = java.util.Arrays.copyOf(before, before.length + 1);
                after[before.length] = name;
                definition.setDependsOn(after);
            }
        }
    }

    /** Destroyed after the data source (which depends on it): drops the context's schema and all it holds. */
    static final class SchemaDrop implements DisposableBean {

        private final Server server;
        private final String schema;

        SchemaDrop(Server server, String schema) {
            this.server = server;
            this.schema = schema;
        }

        @Override
        public void destroy() {
            try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
                statement.execute("set lock_timeout = '10s'");
                statement.execute("drop schema if exists " + schema + " cascade");
            } catch (SQLException e) {
                System.out.println("Could not drop test schema " + schema + " on " + server.url() + ": "
                        + e.getMessage());
            }
        }
    }
}

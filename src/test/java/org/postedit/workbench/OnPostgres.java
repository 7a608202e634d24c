package org.postedit.workbench;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Runs a Spring Boot test class on a real PostgreSQL server under the {@code postgres} profile (beside {@code test})
 * instead of H2. Put it on an empty subclass of an existing test, so the same flows run on both databases:
 * {@code @OnPostgres class ReviewServiceOnPostgresTest extends ReviewServiceTest {}}. Each Spring context gets a
 * schema of its own, dropped when the context closes, and runs without the LanguageTool checker. Without a reachable
 * server the class is skipped with a message saying why (see {@link TestPostgres}); {@code -Dgroups=postgres} runs
 * only these classes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("postgres")
@ActiveProfiles({"test", "postgres"})
@ContextCustomizerFactories(TestPostgres.SchemaPerContext.class)
@ExtendWith(TestPostgres.class)
public @interface OnPostgres {
}

package org.postedit.workbench.check;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application with the test checkers beside whatever real checkers exist, short time limits and two threads.
 * Every checks test uses this one annotation, so they share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {"workbench.checks.threads=2", "workbench.checks.segment-time-limit=1s",
        "workbench.checks.draft-time-limit=1500ms",
        // only the test checkers: their results are exact, the shipped ones are tested on their own
        "workbench.checks.disabled=languagetool,glossary,typography,sentence-joins,consistency,checklist"})
@ActiveProfiles("test")
@Import(TestCheckers.class)
public @interface CheckTest {
}

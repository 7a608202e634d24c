package org.postedit.workbench.glossary;

/** A glossary, e.g. one per client; "General" holds the shipped terms. */
public record Glossary(long id, String name, String description) {

    public static final String GENERAL = "General";
}

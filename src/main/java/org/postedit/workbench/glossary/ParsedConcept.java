package org.postedit.workbench.glossary;

/** A concept read from a file, with the line (TBX) or row (CSV) where it starts, for messages. */
record ParsedConcept(int line, Concept concept) {
}

package org.postedit.workbench.glossary;

/**
 * MERGE: concepts of the file are added or update the concept with the same id (or, without an id match, one that
 * shares a preferred term); other concepts stay. REPLACE: the glossary becomes exactly the file.
 */
public enum ImportMode { MERGE, REPLACE }

package org.postedit.workbench.check;

/** Ends an {@link IssuesListener}'s subscription; closing twice is harmless. */
@FunctionalInterface
public interface CheckSubscription extends AutoCloseable {

    @Override
    void close();
}

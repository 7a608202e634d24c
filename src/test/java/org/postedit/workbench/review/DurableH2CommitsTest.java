package org.postedit.workbench.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.ConfigurableTransactionManager;

import org.postedit.workbench.review.db.DurableH2Commits;

/** The listener that makes H2 commits durable must sit on the transaction manager every service uses. */
@SpringBootTest
@ActiveProfiles("test")
class DurableH2CommitsTest {

    @Test
    void theTransactionManagerWaitsForH2ToStoreEachCommit(@Autowired PlatformTransactionManager transactions) {
        assertThat(transactions).isInstanceOf(ConfigurableTransactionManager.class);
        assertThat(((ConfigurableTransactionManager) transactions).getTransactionExecutionListeners())
                .hasAtLeastOneElementOfType(DurableH2Commits.class);
    }
}

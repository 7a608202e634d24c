package org.postedit.workbench.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postedit.workbench.document.SegmentStatus;

/** Every role, alone and combined, in two-step and in one-step review. */
class ConfirmStatusTest {

    static Stream<Arguments> roles() {
        return Stream.of(
                // roles,                       two-step,               one-step,               approve two/one
                Arguments.of(Set.of("ADMIN"), SegmentStatus.APPROVED, SegmentStatus.APPROVED, true, true),
                Arguments.of(Set.of("APPROVER"), SegmentStatus.APPROVED, SegmentStatus.APPROVED, true, true),
                Arguments.of(Set.of("REVIEWER"), SegmentStatus.REVIEWED, SegmentStatus.APPROVED, false, true),
                Arguments.of(Set.of("TRANSLATOR"), SegmentStatus.EDITED, SegmentStatus.EDITED, false, false),
                Arguments.of(Set.of("TERMINOLOGIST"), SegmentStatus.EDITED, SegmentStatus.EDITED, false, false),
                Arguments.of(Set.of("VIEWER"), SegmentStatus.EDITED, SegmentStatus.EDITED, false, false),
                Arguments.of(Set.of("TRANSLATOR", "REVIEWER"), SegmentStatus.REVIEWED, SegmentStatus.APPROVED, false,
                        true),
                Arguments.of(Set.of("REVIEWER", "APPROVER"), SegmentStatus.APPROVED, SegmentStatus.APPROVED, true,
                        true),
                Arguments.of(Set.of("TERMINOLOGIST", "REVIEWER"), SegmentStatus.REVIEWED, SegmentStatus.APPROVED,
                        false, true),
                Arguments.of(Set.of(), SegmentStatus.EDITED, SegmentStatus.EDITED, false, false));
    }

    @ParameterizedTest(name = "{0}: {1} in two-step, {2} in one-step review")
    @MethodSource("roles")
    void theHighestStatusTheRolesAllowInEachMode(Set<String> roles, SegmentStatus twoStep, SegmentStatus oneStep,
                                                 boolean approvesInTwoStep, boolean approvesInOneStep) {
        List<String> authorities = roles.stream().map(r -> "ROLE_" + r).toList();
        assertThat(ConfirmStatus.forRoles(authorities, false)).isEqualTo(twoStep);
        assertThat(ConfirmStatus.forRoles(authorities, true)).isEqualTo(oneStep);
        assertThat(ConfirmStatus.mayApprove(authorities, false)).isEqualTo(approvesInTwoStep);
        assertThat(ConfirmStatus.mayApprove(authorities, true)).isEqualTo(approvesInOneStep);
    }
}

package org.flowscape.cli;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract of a user error: exit 2, exactly one stderr line starting "flowscape: ", no stack trace. */
final class UserErrorAssert {
    private UserErrorAssert() {
    }

    /** Asserts the contract and that the line mentions {@code mentions} (case-insensitive). */
    static void assertUserError(CliRun run, String mentions) {
        assertThat(run.exit()).as(run.describe()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(run.errLines()).as(run.describe()).hasSize(1);
        String line = run.errLines().get(0);
        assertThat(line).startsWith("flowscape: ").containsIgnoringCase(mentions)
                .doesNotContain("Exception").doesNotContain("at org.");
        assertThat(run.out()).as(run.describe()).isEmpty();
    }
}

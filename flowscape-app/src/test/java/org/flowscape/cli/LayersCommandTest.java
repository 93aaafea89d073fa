package org.flowscape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code layers:} models through the command line: eval's blocks, critical, and one-line errors with exit code 2. */
class LayersCommandTest {
    private static final String CNN = "layers:1x4x4/conv=2,3,1,1/tanh/res(conv=2,3,1,1/tanh)/avgpool=2/flatten/dense=1";
    private static final String DATA = "gaussian:n=6,d=16,seed=1";

    @Test
    void evalPrintsTheStateDictBlocks() {
        CliRun r = CliRun.of("eval", "--model", CNN, "--data", DATA, "--seed", "3", "--hessian");
        assertThat(r.exit()).as(r.describe()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("P = 67", "0.weight", "2.body.0.weight  2x18", "5.bias", "hessian   67 x 67");
    }

    @Test
    void criticalPolishesAndCountsWithoutCertifying() {
        CliRun r = CliRun.of("critical", "--model", CNN, "--data", DATA, "--starts", "1", "--seed", "1", "--certify");
        assertThat(r.exit()).as(r.describe()).isIn(ExitCodes.OK, ExitCodes.INCONCLUSIVE);
        assertThat(r.out()).contains("not certifiable: no interval enclosure for layers: models");
    }

    @Test
    void badSpecsAndDenseOnlyOptionsAreOneLineUserErrors() {
        CliRun r = CliRun.of("eval", "--model", "layers:1x4x4/conv=2,3/dense=1", "--data", DATA);
        assertThat(r.exit()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.err().strip()).isEqualTo("flowscape: model spec 'layers:1x4x4/conv=2,3/dense=1', layer "
                + "'dense=1': dense takes a vector but its input has shape 2x2x2; put flatten before it");
        CliRun m = CliRun.of("flow", "--model", CNN, "--data", DATA, "--monitor", "neurons", "--horizon", "0.1");
        assertThat(m.exit()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(m.err()).contains("needs a dense network (mlp:, linear: or product:)");
    }
}

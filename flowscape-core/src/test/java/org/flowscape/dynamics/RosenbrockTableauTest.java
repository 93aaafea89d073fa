package org.flowscape.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RosenbrockTableauTest {

    @Test
    void builtInTableausSatisfyTheirOrderConditions() {
        assertEquals(4, RosenbrockTableau.SHAMPINE4.order());
        assertEquals(3, RosenbrockTableau.SHAMPINE4.embeddedOrder());
        assertEquals(2, RosenbrockTableau.ROS2.order());
        assertTrue(RosenbrockTableau.SHAMPINE4.reusesPrevious(3));
    }

    @Test
    void aMistypedCoefficientIsCaught() {
        RosenbrockTableau t = RosenbrockTableau.SHAMPINE4;
        double[] m = t.m().clone();
        m[2] += 1e-6;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RosenbrockTableau("typo", 4, 3, t.gamma(), t.a(), t.c(), m, t.e()));
        assertTrue(e.getMessage().contains("order conditions"), e.getMessage());
    }

    @Test
    void upperTriangularEntriesAreRejected() {
        RosenbrockTableau t = RosenbrockTableau.ROS2;
        double[][] a = {{0, 1}, {t.a()[1][0], 0}};
        assertThrows(IllegalArgumentException.class,
                () -> new RosenbrockTableau("bad", 2, 1, t.gamma(), a, t.c(), t.m(), t.e()));
    }
}

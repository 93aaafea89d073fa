package org.flowscape.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDataTest {
    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path p = dir.resolve("d.csv");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void lastColumnIsTheTargetByDefault() throws IOException {
        Path p = file("x1,x2,y\n1,2,3\n4, 5 ,6e-1\r\n\n-7,8.5,9\n\n");
        Dataset ds = Datasets.parse("csv:" + p);
        assertEquals(3, ds.size());
        assertArrayEquals(new double[] {1, 2, 4, 5, -7, 8.5}, ds.inputs().data(), 0);
        assertArrayEquals(new double[] {3, 0.6, 9}, ds.targets().data(), 0);
        assertEquals("csv:" + p, ds.spec());
    }

    @Test
    void lastKColumnsAreTargets() throws IOException {
        Path p = file("a,b,c,d\n1,2,3,4\n5,6,7,8\n");
        Dataset ds = Datasets.parse("csv:" + p + ",targets=3");
        assertArrayEquals(new double[] {1, 5}, ds.inputs().data(), 0);
        assertArrayEquals(new double[] {2, 3, 4, 6, 7, 8}, ds.targets().data(), 0);
    }

    @Test
    void manyRowsGrowTheBuffer() throws IOException {
        StringBuilder sb = new StringBuilder("x,y\n");
        for (int i = 0; i < 1000; i++) {
            sb.append(i).append(',').append(2 * i).append('\n');
        }
        Dataset ds = Datasets.parse("csv:" + file(sb.toString()));
        assertEquals(1000, ds.size());
        assertEquals(1998, ds.targets().get(999, 0), 0);
    }

    @Test
    void badFilesNameFileLineAndColumn() throws IOException {
        assertBad("x,y\n1,2\n3\n", "line 3", "1 cells but the header has 2");
        assertBad("x,y\n1,2\n3,4,5\n", "line 3", "3 cells");
        assertBad("x,y\n1,2\n3,abc\n", "line 3, column 2", "'abc' is not a number");
        assertBad("x,y\n1,\n", "line 2, column 2", "is not a number");
        assertBad("x,y\n1,NaN\n", "line 2, column 2", "not finite");
        assertBad("x,y\nInfinity,1\n", "line 2, column 1", "not finite");
        assertBad("", "is empty", "header row");
        assertBad("\n\n", "is empty", "header row");
        assertBad("x,y\n", "no data rows", "add one row");
        assertBad("y\n1\n", "leaves no input column", "targets=1");
    }

    private void assertBad(String text, String where, String what) throws IOException {
        Path p = file(text);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Datasets.parse("csv:" + p));
        assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(where), e.getMessage());
        assertTrue(e.getMessage().contains(what), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void missingFileAndMissingPath() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Datasets.parse("csv:" + dir.resolve("nope.csv")));
        assertTrue(e.getMessage().contains("nope.csv") && e.getMessage().contains("check the path"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Datasets.parse("csv:" + dir));
        assertTrue(e.getMessage().contains("cannot read CSV file"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Datasets.parse("csv:targets=2"));
        assertTrue(e.getMessage().contains("missing the file path"), e.getMessage());
    }
}

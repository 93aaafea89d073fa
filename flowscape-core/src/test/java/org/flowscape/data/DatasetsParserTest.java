package org.flowscape.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every malformed spec gives one line that names the problem and the accepted keys or kinds. */
class DatasetsParserTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "blob:n=3                                  | unknown data kind 'blob'",
        "gaussian                                  | missing required key 'n'",
        "gaussian:n=10,d=2                         | missing required key 'seed'",
        "gaussian:n=10,seed=1                      | missing required key 'd'",
        "gaussian:n=1.5,d=2,seed=1                 | n must be a positive integer, got '1.5'",
        "gaussian:n=0,d=2,seed=1                   | n must be a positive integer, got '0'",
        "gaussian:n=-3,d=2,seed=1                  | n must be a positive integer",
        "gaussian:n=ten,d=2,seed=1                 | n must be a positive integer, got 'ten'",
        "gaussian:n=99999999999,d=2,seed=1         | n must be a positive integer",
        "gaussian:n=10,d=2,seed=x                  | seed must be an integer, got 'x'",
        "gaussian:n=10,d=2,seed=1,width=3          | unknown key 'width'",
        "gaussian:n=10,d=2,seed=1,n=4              | key 'n' is given twice",
        "gaussian:n=10,d=2,,seed=1                 | empty item",
        "gaussian:n=10,d=2,seed=1,                 | empty item",
        "gaussian:n=10,d,seed=1                    | 'd' is not of the form key=value",
        "gaussian:n=10,d=,seed=1                   | key 'd' has an empty value",
        "gaussian:n=100000,d=100000,seed=1         | more than one array holds",
        "teacher:n=10,d=2,seed=1                   | missing required key 'width'",
        "teacher:n=10,d=2,width=3,act=nope,seed=1  | act 'nope' is not an activation",
        "teacher:n=10,d=2,width=3,noise=-1,seed=1  | noise must be a finite number >= 0",
        "teacher:n=10,d=2,width=3,noise=NaN,seed=1 | noise must be a finite number >= 0",
        "teacher:n=10,d=2,width=3,noise=abc,seed=1 | noise must be a number",
        "smooth:n=10,d=2,lengthscale=0,seed=1      | lengthscale must be a finite number > 0",
        "clustered:n=3,d=2,clusters=5,seed=1       | clusters=5 exceeds n=3",
        "clustered:n=10,d=2,clusters=2,radius=-1,seed=1 | radius must be a finite number >= 0",
        "lowdim:n=10,d=3,rank=4,seed=1             | rank=4 exceeds d=3",
        "lowdim:n=3,d=5,rank=4,seed=1              | rank=4 exceeds n=3",
        "singleton:d=2,eps=-0.1                    | eps must be a finite number >= 0",
        "singleton:d=2,seed=1                      | unknown key 'seed'",
        "orthonormal:m=3,y=uniform,seed=1          | y must be positive or gaussian",
        "npy:X=a.npy                               | missing required key 'y'",
        "gaussian:n=(10,d=2,seed=1                 | unclosed bracket",
        "gaussian:n=10],d=2,seed=1                 | unmatched ']'"})
    void messagesNameTheProblem(String spec, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Datasets.parse(spec));
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void keyMessagesListTheAcceptedKeysAndForm() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Datasets.parse("teacher:n=10,d=2,width=3,sed=1"));
        assertTrue(e.getMessage().contains("keys: n, d, width, act, noise, k, seed"), e.getMessage());
        assertTrue(e.getMessage().contains("teacher:n=N,d=D,width=H"), e.getMessage());
    }

    @Test
    void unknownKindListsEveryKind() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Datasets.parse("mnist:n=3"));
        for (String form : Datasets.KINDS) {
            assertTrue(e.getMessage().contains(form), e.getMessage());
        }
    }

    @Test
    void everyListedKindParses() {
        assertEquals(12, Datasets.KINDS.size());
        for (String form : Datasets.KINDS) {
            String kind = form.substring(0, form.indexOf(':'));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Datasets.parse(kind + ":bogus=1"));
            assertFalse(e.getMessage().toLowerCase(Locale.ROOT).contains("unknown data kind"), e.getMessage());
        }
    }

    @Test
    void commasInsideParenthesesDoNotSplit() {
        Dataset ds = Datasets.parse("teacher:n=5,d=2,width=3,act=poly(0,1,0.5),seed=1");
        assertEquals(5, ds.size());
    }

    @Test
    void whitespaceAndCaseAreTolerated() {
        Dataset ds = Datasets.parse("  Sphere : N = 4 , D = 2 , Seed = -3 ");
        assertEquals(4, ds.size());
        assertEquals(2, ds.inputDim());
    }
}

package org.flowscape.loss.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flowscape.loss.Losses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of bad input gives one line that names the problem, where it is and how to fix it. */
class CostExpressionErrorTest {

    private static String message(String text) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> CostExpression.parse(text));
        assertThat(t).as("'%s' must be rejected", text).isInstanceOf(IllegalArgumentException.class);
        String m = t.getMessage();
        assertThat(m).as("one line").doesNotContain("\n").doesNotContain("\r");
        assertThat(m).startsWith("cost expression");
        return m;
    }

    /** Each row: bad input, then fragments the message must contain (problem, column, fix), separated by ';'. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "log(cosh(x-y)     | missing ')' at column 14; to close the 'log(' at column 4; add ')'",
        "(x-y              | missing ')' at column 5; '(' at column 1",
        "x-y)              | unmatched ')' at column 4; remove it",
        "x+                | missing operand at column 3; end of expression",
        "x+)               | missing operand before ')' at column 3",
        "()+x              | missing operand before ')' at column 2",
        "*x                | unexpected '*' at column 1; expected a number",
        "x^^2              | unexpected '^' at column 3",
        "x y               | unexpected 'y' at column 3; already complete; operator",
        "2x                | unexpected 'x' at column 2; never implicit",
        "z                 | unknown name 'z' at column 1; x (prediction); y (target); pi and e; exp, log, sqrt, sin, "
            + "cos, tanh, cosh, sinh, sigmoid, softplus",
        "x*if              | unknown name 'if' at column 3",
        "ln(x)             | unknown name 'ln' at column 1; write 'log'",
        "abs(x-y)          | 'abs' at column 1 is not analytic; smooth surrogate",
        "max(x,0)          | 'max' at column 1 is not analytic; softplus",
        "x+min(x,y)        | 'min' at column 3 is not analytic",
        "relu(x)           | 'relu' at column 1 is not analytic",
        "sign(x)*x         | 'sign' at column 1 is not analytic",
        "Exp(x)            | unknown name 'Exp'; lowercase; write 'exp'",
        "X-y               | write 'x'",
        "exp               | function 'exp' at column 1 needs its argument in parentheses",
        "exp x             | function 'exp' at column 1 needs its argument in parentheses",
        "exp()             | function 'exp' at column 1 has no argument",
        "exp(x,y)          | unexpected ',' at column 6; exactly one argument",
        "x(1+y)            | 'x' at column 1 is not a function; x*(...)",
        "pi(x)             | 'pi' at column 1 is not a function",
        "y^2               | does not depend on x; cannot drive training",
        "3                 | does not depend on x",
        "pi*y+sin(y)       | does not depend on x",
        "0*x+y             | does not depend on x",
        "x-x               | derivative in x simplifies to 0; cannot drive training",
        "2*x-x*2+y         | derivative in x simplifies to 0",
        "x/0               | division by zero at column 2",
        "x/(1-1)           | division by zero at column 2",
        "x+log(0)          | constant subexpression at column 3; 'log'; -Infinity",
        "x+sqrt(-1)        | constant subexpression at column 3; NaN",
        "x+1e308*10        | constant subexpression at column 8; Infinity",
        "1e999*x           | number '1e999' at column 1 overflows",
        ".                 | unexpected '.' at column 1; digit",
        "x+.               | unexpected '.' at column 3",
        "x+(-2)^y          | constant base -2 of '^' at column 7; variable exponent; positive base",
        "0^x               | constant base 0 of '^' at column 2",
        "x+#               | unexpected '#' at column 3",
        "\"x\u2212y\"      | U+2212; column 2; ASCII",
        "\"x\u00b2\"       | U+00B2; column 2",
        "\"x\u00b7y\"      | U+00B7",
    })
    void badInputIsRejectedWithAClearMessage(String text, String fragments) {
        String m = message(text);
        for (String fragment : fragments.split(";")) {
            assertThat(m).contains(fragment.strip());
        }
    }

    @Test
    void emptyExpressionsAreRejected() {
        assertThat(message("")).contains("empty").contains("cost:log(cosh(x-y))");
        assertThat(message("  \t ")).contains("empty");
        assertThatThrownBy(() -> Losses.parse("cost:")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void messagesQuoteTheTrimmedExpression() {
        assertThat(message("  log(cosh(x-y)  "))
                .startsWith("cost expression 'log(cosh(x-y)': missing ')' at column 14");
    }

    @Test
    void lossSpellingsPassTheExpressionErrorThrough() {
        assertThatThrownBy(() -> Losses.parse("cost:abs(x-y)")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'abs' at column 1 is not analytic");
        assertThatThrownBy(() -> Losses.parse("cost-sum:y")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not depend on x");
    }

    @Test
    void multiLineInputStillGivesAOneLineMessage() {
        assertThat(message("x +\n  z")).contains("unknown name 'z' at column 7").contains("'x +   z'");
    }

    @Test
    void nullIsAProgrammerError() {
        assertThatThrownBy(() -> CostExpression.parse(null)).isInstanceOf(NullPointerException.class);
    }
}

package org.flowscape.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    @Test
    void escapesEveryTextAndKeepsThePageSelfContained() {
        HtmlReport page = new HtmlReport("a <b> & \"c\"");
        page.provenance("key<", "v&'");
        Section s = page.section("sec-1", "Section <one>");
        s.paragraph("x < y && z > 'w'");
        s.table(Table.builder("cap & cap", "h<1>", "h2").row(Cell.text("<script>alert(1)</script>"),
                Cell.number(1234.5678)).build());
        String html = page.html();
        assertThat(html).contains("<title>a &lt;b&gt; &amp; &quot;c&quot;</title>")
                .contains("<dt>key&lt;</dt><dd>v&amp;&#39;</dd>")
                .contains("x &lt; y &amp;&amp; z &gt; &#39;w&#39;")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("<td class=\"num\">1235</td>")
                .contains("<a href=\"#sec-1\">Section &lt;one&gt;</a>")
                .doesNotContain("<script").doesNotContain("http://").doesNotContain("https://")
                .doesNotContain("<link").doesNotContain("@import").doesNotContain("url(http");
    }

    @Test
    void verdictTableLinksToTheNumberedFigureInDocumentOrder() {
        HtmlReport page = new HtmlReport("Reproduction");
        Section summary = page.section("summary", "Verdicts");
        Section paper = page.section("paper-a", "Paper A");
        paper.figure(Gallery.scatter());
        paper.subsection("a-2", "Claim A.2").figure(Gallery.lines());
        summary.verdicts("claims", List.of(
                new Verdict("A.1 holds", "confirmed", Tone.GOOD, "rate 0.99 \u2265 0.9", "lines"),
                new Verdict("A.2 <fails>", "refuted", Tone.BAD, "drift 1e-3 > 1e-9", null)));
        String html = page.html();
        assertThat(html).contains("<td class=\"tone-good\">confirmed</td>")
                .contains("<td class=\"tone-bad\">refuted</td>")
                .contains("<a href=\"#lines\">Figure 2</a>")
                .contains("A.2 &lt;fails&gt;")
                .contains("<figure id=\"scatter\">").contains("Figure 1. Critical points")
                .contains("<a href=\"#a-2\">Claim A.2</a>");
        assertThat(html.indexOf("id=\"scatter\"")).isLessThan(html.indexOf("id=\"lines\""));
        // the renderer's note about the dropped point is shown under the caption
        assertThat(html).contains("<span class=\"note\">&#39;rate 1&#39;: 1 point(s)");
        assertThat(page.html()).isEqualTo(html);
    }

    @Test
    void refusesRepeatedOrMalformedAnchors() {
        HtmlReport page = new HtmlReport("t");
        page.section("a", "A");
        assertThatThrownBy(() -> page.section("a", "again")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("used twice");
        assertThatThrownBy(() -> page.section("a b", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Table.builder("t", "a", "b").row(Cell.text("1")).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Html.slug("flow/width=8 seed=3")).isEqualTo("flow-width-8-seed-3");
        assertThat(Html.slug("3x")).isEqualTo("x3x");
    }

    @Test
    void numbersAreLocaleFreeAndSignificant() {
        assertThat(Numbers.sig(1234.5678)).isEqualTo("1235");
        assertThat(Numbers.sig(0.000123456)).isEqualTo("1.235e-4");
        assertThat(Numbers.sig(1.5e12)).isEqualTo("1.5e12");
        assertThat(Numbers.sig(0.5)).isEqualTo("0.5");
        assertThat(Numbers.sig(-0.0)).isEqualTo("0");
        assertThat(Numbers.sig(Double.NaN)).isEqualTo("NaN");
    }
}

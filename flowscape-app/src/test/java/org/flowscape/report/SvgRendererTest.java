package org.flowscape.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.flowscape.report.Figure.Curve;
import org.flowscape.report.Figure.HeatMap;
import org.flowscape.report.Figure.Kind;
import org.flowscape.report.Figure.Scale;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SvgRendererTest {
    @Test
    void linesAreOnePathPerCurveWithTheDashedOneDashed() throws Exception {
        RenderedFigure r = SvgRenderer.render(Gallery.lines());
        Document d = SvgTestSupport.parse(r.svg());
        List<Element> curves = SvgTestSupport.longPaths(d, 40);
        assertThat(curves).hasSize(3);
        long dashed = curves.stream().filter(p -> SvgTestSupport.inheritedStyle(p).contains("stroke-dasharray:6,4"))
                .count();
        assertThat(dashed).isEqualTo(1);
        // the first curve's y(0) = 0 cannot sit on the log axis: 49 points, 48 line-to commands
        assertThat(curves.stream().mapToInt(p -> SvgTestSupport.count(p.getAttribute("d"), 'L')))
                .containsExactlyInAnyOrder(48, 49, 49);
        assertThat(r.notes()).singleElement().asString().contains("'rate 1'").contains("1 point");
    }

    @Test
    void logAxisLabelsEveryDecadeAsText() throws Exception {
        Document d = SvgTestSupport.parse(SvgRenderer.render(Gallery.lines()).svg());
        List<String> texts = SvgTestSupport.texts(d);
        // y spans 0.5 e^-19.6 ≈ 1.5e-9 .. 1: decades 10^-8 .. 10^0 must all be labelled
        for (int e = -8; e <= 0; e++) {
            assertThat(texts).contains(DecadeAxis.label(Math.pow(10, e)));
        }
        assertThat(DecadeAxis.label(1e-8)).isEqualTo("10\u207b\u2078");
        assertThat(DecadeAxis.label(1e12)).isEqualTo("10\u00b9\u00b2");
        assertThat(texts).contains("time t", "loss L(t) \u2212 L*", "rate 1", "predicted rate 0.5");
    }

    @Test
    void narrowLogRangeIsLabelledOneTwoFive() throws Exception {
        List<String> texts = SvgTestSupport.texts(SvgTestSupport.parse(SvgRenderer.render(Gallery.band()).svg()));
        assertThat(texts).contains("2", "5", "10", "20", "50");
    }

    @Test
    void bandIsAFilledPolygonBehindItsLine() throws Exception {
        Document d = SvgTestSupport.parse(SvgRenderer.render(Gallery.band()).svg());
        List<Element> filled = SvgTestSupport.elements(d, "path").stream()
                .filter(p -> SvgTestSupport.inheritedStyle(p).contains("opacity:0.22"))
                .toList();
        assertThat(filled).hasSize(1);
        // 6 upper and 6 lower edge points: 11 line-to commands around the band
        assertThat(SvgTestSupport.count(filled.get(0).getAttribute("d"), 'L')).isEqualTo(11);
    }

    @Test
    void heatMapDrawsOneCellPerFiniteNodeAndContours() throws Exception {
        Figure full = Gallery.heat();
        double[][] z = full.heatMap().z().clone();
        z[3] = z[3].clone();
        z[3][4] = Double.NaN;
        z[5] = z[5].clone();
        z[5][6] = Double.POSITIVE_INFINITY;
        Figure holed = new Figure("heat2", full.title(), full.xLabel(), full.yLabel(), Scale.LINEAR, Scale.LINEAR,
                Kind.HEATMAP, full.curves(), new HeatMap(full.heatMap().x(), full.heatMap().y(), z, "loss L", true), 0,
                "");
        RenderedFigure a = SvgRenderer.render(full);
        RenderedFigure b = SvgRenderer.render(holed);
        int cellsA = SvgTestSupport.elements(SvgTestSupport.parse(a.svg()), "rect").size();
        int cellsB = SvgTestSupport.elements(SvgTestSupport.parse(b.svg()), "rect").size();
        assertThat(cellsA).isGreaterThanOrEqualTo(21 * 17);
        assertThat(cellsA - cellsB).isEqualTo(2);
        assertThat(b.notes()).anyMatch(n -> n.startsWith("2 grid node(s)"));
        assertThat(SvgTestSupport.texts(SvgTestSupport.parse(a.svg())))
                .anyMatch(t -> t.startsWith("contours: 8 levels")).contains("loss L");
        // the contours: one path made of many move-to segments
        assertThat(SvgTestSupport.elements(SvgTestSupport.parse(a.svg()), "path"))
                .anyMatch(p -> SvgTestSupport.count(p.getAttribute("d"), 'M') > 50);
    }

    @Test
    void histogramBinsEverySeries() throws Exception {
        RenderedFigure r = SvgRenderer.render(Gallery.histogram());
        Document d = SvgTestSupport.parse(r.svg());
        assertThat(SvgTestSupport.texts(d)).contains("start", "end", "count", "eigenvalue \u03bb");
        assertThat(r.notes()).isEmpty();
    }

    @Test
    void sameFigureSameBytesAndIdsCarryTheFigureId() {
        String a = SvgRenderer.render(Gallery.heat()).svg();
        String b = SvgRenderer.render(Gallery.heat()).svg();
        assertThat(a).isEqualTo(b);
        assertThat(a).startsWith("<svg").contains("id=\"heat-clipPath1\"").doesNotContain("<!--")
                .contains("viewBox=\"0 0 720 420\"");
    }

    @Test
    void badDataIsNotedNotThrown() throws Exception {
        double[] x = {1, 2, 3, 4};
        Figure allBad = new Figure("bad", "t", "x", "y", Scale.LOG, Scale.LOG, Kind.LINES,
                List.of(Curve.line("c", x, new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY})), null, 0, "");
        RenderedFigure r = SvgRenderer.render(allBad);
        SvgTestSupport.parse(r.svg());
        assertThat(SvgTestSupport.texts(SvgTestSupport.parse(r.svg()))).contains("no data to draw");
        assertThat(r.notes()).anyMatch(n -> n.contains("2 point(s) with NaN"))
                .anyMatch(n -> n.contains("2 point(s) with values \u2264 0"))
                .anyMatch(n -> n.contains("no drawable data"));
        Figure empty = new Figure("empty", "t", "x", "y", Scale.LOG, Scale.LINEAR, Kind.HISTOGRAM, List.of(), null, 0,
                "");
        SvgTestSupport.parse(SvgRenderer.render(empty).svg());
        Figure nanGrid = new Figure("nan", "t", "x", "y", Scale.LINEAR, Scale.LINEAR, Kind.HEATMAP, List.of(),
                new HeatMap(new double[] {0, 1}, new double[] {0, 1}, new double[][] {{Double.NaN, Double.NaN},
                    {Double.NaN, Double.NaN}}, "z", true), 0, "");
        assertThat(SvgRenderer.render(nanGrid).notes()).anyMatch(n -> n.contains("no drawable data"));
    }

    @Test
    void mismatchedLengthsAreAUserError() {
        Figure f = new Figure("m", "t", "x", "y", Scale.LINEAR, Scale.LINEAR, Kind.LINES,
                List.of(Curve.line("c", new double[] {1, 2}, new double[] {1})), null, 0, "");
        assertThatThrownBy(() -> SvgRenderer.render(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'c'");
    }

    @Test
    void marchingSquaresFindsACircle() {
        double[] g = Gallery.range(41, -2, 0.1);
        double[][] z = new double[41][41];
        for (int i = 0; i < 41; i++) {
            for (int j = 0; j < 41; j++) {
                z[i][j] = g[i] * g[i] + g[j] * g[j];
            }
        }
        List<double[]> segs = MarchingSquares.segments(g, g, z, 1.0);
        assertThat(segs).isNotEmpty();
        double length = 0;
        for (double[] s : segs) {
            // every end point lies on the unit circle up to the linear interpolation error (h^2/8 · |z''| ≈ 0.0025)
            assertThat(Math.hypot(s[0], s[1])).isCloseTo(1.0, org.assertj.core.data.Offset.offset(3e-3));
            length += Math.hypot(s[2] - s[0], s[3] - s[1]);
        }
        assertThat(length).isCloseTo(2 * Math.PI, org.assertj.core.data.Offset.offset(0.02));
    }
}

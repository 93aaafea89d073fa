/**
 * Reports: {@link org.flowscape.report.Figure figures} as plain data, rendered to inline SVG, and
 * self-contained HTML pages (no network access) for studies and for {@code flowscape reproduce}.
 *
 * <p>Entry points: {@link org.flowscape.report.SvgRenderer} (Figure to SVG), {@link org.flowscape.report.HtmlReport}
 * and {@link org.flowscape.report.Section} (pages, tables, verdict tables), {@link org.flowscape.store.StoreReader}
 * and {@link org.flowscape.report.StudyReport} (a study's store to its page). See {@code docs/report.md}.
 */
package org.flowscape.report;

/**
 * Reports: {@link org.flowscape.report.Figure figures} as plain data, rendered to inline SVG, and
 * self-contained HTML pages (no network access) for studies and for {@code flowscape reproduce}.
 */
package org.flowscape.report;

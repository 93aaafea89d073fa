package org.flowscape.report;

/** The report pages' one inline style sheet (system fonts only, so nothing is fetched). */
final class Css {
    static final String STYLE = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
                   max-width: 1000px; margin: 0 auto; padding: 1rem 1.5rem 3rem; color: #1a1a1a;
                   line-height: 1.45; }
            h1 { font-size: 1.7rem; margin-bottom: .3rem; }
            h2 { font-size: 1.35rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; margin-top: 2.2rem; }
            h3 { font-size: 1.12rem; margin-top: 1.6rem; }
            h4 { font-size: 1rem; }
            a { color: #1f5fa8; }
            a.self { color: #bbb; text-decoration: none; font-weight: normal; font-size: .8em; }
            dl.provenance { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem;
                            background: #f6f7f9; border: 1px solid #e1e4e8; border-radius: 6px;
                            padding: .6rem .9rem; font-size: .9rem; }
            dl.provenance dt { font-weight: 600; }
            dl.provenance dd { margin: 0; font-family: ui-monospace, "DejaVu Sans Mono", monospace;
                               overflow-wrap: anywhere; }
            nav.toc { font-size: .95rem; }
            nav.toc ul { margin: .2rem 0; }
            table { border-collapse: collapse; margin: 1rem 0; font-size: .9rem; }
            caption { caption-side: top; text-align: left; font-weight: 600; padding-bottom: .3rem; }
            th, td { border: 1px solid #d0d4d9; padding: .25rem .55rem; text-align: left; vertical-align: top; }
            th { background: #f0f2f5; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            .tone-good { background: #e3f4e6; color: #0d5e1e; font-weight: 600; }
            .tone-bad { background: #fde5e4; color: #8f1710; font-weight: 600; }
            .tone-warn { background: #fff3d6; color: #7a4d00; font-weight: 600; }
            .tone-muted { background: #f2f2f2; color: #666; }
            p.note { padding: .4rem .7rem; border-radius: 4px; }
            figure { margin: 1.5rem 0; }
            figcaption { font-size: .9rem; color: #333; max-width: 720px; }
            figcaption.title { font-weight: 600; margin-bottom: .3rem; }
            figcaption .note { color: #8a4b00; }
            div.plot svg { max-width: 100%; height: auto; display: block; }
            footer { margin-top: 3rem; font-size: .8rem; color: #777; }
            """;

    private Css() {
    }
}

/// The style sheet of the HTML reports, inlined in every page.
///
/// Colours come from the Okabe–Ito palette, which readers with any common colour-vision
/// deficiency tell apart: orange for text removed from A, blue for text added in B, reddish
/// purple for moved passages, grey hatching for text on one side only. Colour is never the only
/// cue: removed text is struck through, added text underlined, insertion points carry a `+` or
/// `−`, and moved and one-sided passages are labelled. In print, backgrounds are kept
/// (`print-color-adjust: exact`), the column headings repeat on every page, and links lose their
/// screen styling.
enum HTMLStyle {
    static let sheet = """
        :root { --ink: #1d1d1f; --muted: #6b6b73; --rule: #d9d9de; --head: #f4f5f7;
          --del-bg: #ffdfb0; --del-ink: #a35200; --ins-bg: #cfe5f8; --ins-ink: #005a9e;
          --moved: #b8487f; --only-1: #f1f1f3; --only-2: #e3e3e8; }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0; color: var(--ink); background: #fff;
          font: 15px/1.65 system-ui, "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
            "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Zen Hei", sans-serif; }
        section.diff + section.diff { margin-top: 48px; border-top: 3px solid var(--rule); }
        .summary { padding: 18px 24px 10px; }
        h1 { font-size: 21px; margin: 0 0 10px; font-weight: 650; overflow-wrap: anywhere; }
        h2 { font-size: 18px; margin: 0 0 10px; }
        .path { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .92em;
          overflow-wrap: anywhere; }
        table.files { border-collapse: collapse; margin-bottom: 10px; font-size: 13px; }
        table.files th { text-align: left; padding: 2px 10px 2px 0; color: var(--muted); }
        table.files td { padding: 2px 14px 2px 0; color: var(--muted); }
        table.files td.path { color: var(--ink); }
        ul.stats { list-style: none; display: flex; flex-wrap: wrap; gap: 8px 26px; padding: 0; margin: 6px 0 10px; }
        ul.stats b { font-size: 22px; font-weight: 650; font-variant-numeric: tabular-nums; margin-right: 2px; }
        .ledger, .legend, .note { font-size: 13px; color: var(--muted); margin: 4px 0; max-width: 110ch; }
        .note { color: var(--del-ink); }
        details.edit-list { margin: 10px 0 6px; font-size: 13px; }
        details.edit-list summary { cursor: pointer; font-weight: 600; }
        details.edit-list ol { columns: 19em; column-gap: 28px; margin: 8px 0 0; padding-left: 3em; }
        details.edit-list li { break-inside: avoid; }
        details.edit-list a { color: var(--muted); text-decoration: none; font-variant-numeric: tabular-nums; }
        details.edit-list a:hover { text-decoration: underline; }
        .kind { color: var(--muted); font-size: 11px; margin-right: 4px; }
        .bidi { font-size: 10px; font-weight: 700; color: var(--del-ink); border: 1px solid; border-radius: 2px;
          padding: 0 1px; unicode-bidi: isolate; }
        del, .ed.del { background: var(--del-bg); color: #000; text-decoration: line-through;
          text-decoration-color: var(--del-ink); text-decoration-thickness: 1.5px; }
        ins, .ed.ins { background: var(--ins-bg); color: #000; text-decoration: underline;
          text-decoration-color: var(--ins-ink); text-decoration-thickness: 2px; text-underline-offset: 3px; }
        .ed { border-radius: 2px; padding: 0 1px; scroll-margin-top: 4em; }
        a.ed:hover { outline: 1px solid var(--ink); }
        .ed:target { outline: 3px solid var(--ink); outline-offset: 1px; }
        .ed.at { display: inline-block; width: 0; padding: 0; height: 1.15em; vertical-align: -.2em;
          background: none; border-left: 3px solid; margin: 0 2px; position: relative; text-decoration: none; }
        .ed.at.ins { border-color: var(--ins-ink); }
        .ed.at.del { border-color: var(--del-ink); border-left-style: double; }
        .ed.at::before { position: absolute; left: 1px; top: -.75em; font-size: 11px; font-weight: 700; line-height: 1; }
        .ed.at.ins::before { content: "+"; color: var(--ins-ink); }
        .ed.at.del::before { content: "\\2212"; color: var(--del-ink); }
        .badge { display: inline-block; font-size: 11px; font-weight: 600; line-height: 1.5; padding: 0 6px;
          border-radius: 8px; border: 1px solid; margin-right: 4px; }
        .badge.moved { color: var(--moved); border-color: var(--moved); border-style: dashed; }
        .badge.only { color: var(--muted); border-color: var(--muted); }
        .badge.check-warn { color: #a15c00; border-color: #a15c00; }
        .badge.check-ok { color: var(--muted); border-color: var(--rule); }
        a.kept { color: #a15c00; font-size: 12px; }
        table.sbs { width: 100%; border-collapse: collapse; table-layout: fixed; }
        table.sbs thead th { position: sticky; top: 0; z-index: 1; background: #fff; text-align: left;
          padding: 8px 12px; border-bottom: 2px solid var(--ink); font-size: 14px; }
        table.sbs td { vertical-align: top; padding: 4px 12px 8px 4px; }
        table.sbs td.a { border-right: 1px solid var(--rule); }
        tr.hd td { background: var(--head); color: var(--muted); font-size: 12px; padding: 3px 12px;
          border-top: 1px solid var(--rule); font-variant-numeric: tabular-nums; }
        tr.moved:not(.hd) td.a { box-shadow: inset 4px 0 0 var(--moved); }
        tr.moved:not(.hd) td.b { box-shadow: inset 4px 0 0 var(--moved); }
        tr.only-a td.a, tr.only-b td.b { background: repeating-linear-gradient(135deg, var(--only-1) 0 7px,
          var(--only-2) 7px 14px); }
        td.absent { color: var(--muted); font-style: italic; font-size: 12px; padding-left: 16px; }
        .ln { display: flex; white-space: pre-wrap; overflow-wrap: anywhere; unicode-bidi: isolate; }
        .ln.bl { height: .4em; }
        .no { flex: none; width: 3.6em; padding-right: .8em; text-align: right; color: #a0a0a8;
          font-size: 11px; line-height: 2.1; font-variant-numeric: tabular-nums; user-select: none; }
        .pg { display: block; font-weight: 650; color: var(--muted); line-height: 1.2; }
        .tx { flex: 1; min-width: 0; }
        details.fold > summary { cursor: pointer; color: var(--muted); font-style: italic; font-size: 12px;
          padding-left: 4.4em; user-select: none; }
        .tx details.fold, .tx details.fold > summary { display: inline; padding-left: 0; }
        .tx details.fold > summary::before { content: " … "; }
        .tx details.fold > summary::after { content: " … "; }
        .tx details.fold[open] > summary { display: none; }
        a { color: inherit; }
        table.clusters { border-collapse: collapse; margin: 8px 0 14px; font-size: 14px; }
        table.clusters th, table.clusters td { text-align: left; padding: 4px 14px 4px 0;
          border-bottom: 1px solid var(--rule); vertical-align: top; }
        table.clusters td.num { text-align: right; font-variant-numeric: tabular-nums; }
        table.clusters tbody.cluster tr:first-child td { border-top: 2px solid var(--ink); }
        section.collation .synopsis { display: grid; grid-template-columns: minmax(0, 1fr) minmax(16em, 24em);
          gap: 0 24px; padding: 0 24px 24px; align-items: start; }
        section.collation .text { border-top: 2px solid var(--ink); padding-top: 6px; }
        a.var { background: var(--ins-bg); color: #000; text-decoration: underline; text-decoration-style: dotted;
          text-decoration-color: var(--ins-ink); text-underline-offset: 3px; border-radius: 2px; padding: 0 1px;
          position: relative; scroll-margin-top: 4em; }
        a.var.moved { box-shadow: 0 2px 0 var(--moved); }
        a.var.at { display: inline-block; width: 0; padding: 0; height: 1.15em; vertical-align: -.2em;
          background: none; border-left: 3px solid var(--ins-ink); margin: 0 2px; }
        a.var:hover::after { content: attr(title); position: absolute; left: 0; top: 1.7em; z-index: 2;
          white-space: pre; background: var(--ink); color: #fff; font-size: 13px; padding: 2px 8px; border-radius: 4px; }
        a.var:target, aside.variants li:target { outline: 3px solid var(--ink); outline-offset: 1px; }
        aside.variants { position: sticky; top: 0; max-height: 100vh; overflow-y: auto; font-size: 13px;
          border-top: 2px solid var(--ink); padding-top: 6px; }
        aside.variants ol { padding-left: 2.6em; margin: 4px 0 14px; }
        aside.variants > ol > li { margin-bottom: 6px; }
        aside.variants ul { list-style: none; padding: 0; margin: 0; }
        aside.variants .rdg .t { background: var(--only-1); padding: 0 3px; border-radius: 2px; }
        aside.variants .rdg.base .t { background: var(--ins-bg); }
        .wit { color: var(--muted); font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; }
        table.agreement { border-collapse: collapse; font-size: 13px; margin: 6px 0; }
        table.agreement caption { text-align: left; color: var(--muted); padding-bottom: 2px; }
        table.agreement th, table.agreement td { padding: 2px 10px; border-bottom: 1px solid var(--rule); text-align: right;
          font-variant-numeric: tabular-nums; }
        table.agreement .n { color: var(--muted); }
        ul.closest { font-size: 13px; margin: 4px 0; padding-left: 1.4em; }
        @media (max-width: 640px) {
          .summary { padding: 14px 12px 8px; }
          table.clusters, table.clusters tbody, table.clusters tr, table.clusters td { display: block; }
          table.clusters thead { display: none; }
          table.clusters tbody.cluster { border-top: 2px solid var(--ink); padding: 4px 0 8px; }
          table.clusters tbody.cluster tr:first-child td { border-top: none; }
          table.clusters tr { padding: 4px 0; border-bottom: 1px solid var(--rule); }
          table.clusters td { border: none; padding: 1px 0; text-align: left; }
          table.clusters td.num { text-align: left; display: inline-block; margin-right: 14px; }
          table.clusters td:empty { display: none; }
          table.clusters td[data-label]::before { content: attr(data-label) " "; color: var(--muted); font-size: 12px; }
          table.clusters td.cl { font-weight: 650; }
          table.clusters td.title { color: var(--muted); font-size: 13px; }
          table.sbs td { padding: 4px 6px 8px 2px; }
          .no { width: 2.6em; padding-right: .4em; }
        }
        @media print {
          body { font-size: 10pt; }
          table.sbs thead th { position: static; }
          table.sbs thead { display: table-header-group; }
          tr.hd { break-after: avoid; }
          .ln { break-inside: avoid; }
          details.edit-list ol { columns: 3; }
        }

        """
}

/// The report's style sheet and its one script, inline so the file works anywhere (a CI artifact, an
/// e-mail attachment) without fetching anything. The script only toggles the list filter; no data from
/// the run is ever placed inside it. It avoids `<` and `&` so the page stays well-formed XML.
enum HTMLReportStyle {
    static let css: StaticString = """
        :root { --pass: #1a7f37; --fail: #cf222e; --error: #bc4c00; --skip: #6e7781; --ink: #1f2328; --muted: #656d76;
          --line: #d0d7de; --paper: #ffffff; --ground: #f6f8fa; --visitor: #2f6feb; --bot: #eef1f5; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
          color: var(--ink); background: var(--ground); }
        code, .mono, pre, td.json { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12.5px; }
        .bar { position: sticky; top: 0; z-index: 2; background: var(--paper); border-bottom: 1px solid var(--line);
          box-shadow: 0 1px 3px rgba(31,35,40,.06); }
        .bar-inner, main { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
        .bar-inner { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 18px; padding-top: 12px; padding-bottom: 12px; }
        .bar h1 { font-size: 17px; margin: 0 8px 0 0; font-weight: 650; }
        .bar h1 span { color: var(--muted); font-weight: 400; }
        .counts { display: flex; gap: 8px; }
        .count { border-radius: 999px; padding: 3px 12px; font-weight: 600; border: 1px solid var(--line); color: var(--muted); background: var(--ground); }
        .count.passed.some { color: #fff; background: var(--pass); border-color: var(--pass); }
        .count.failed.some { color: #fff; background: var(--fail); border-color: var(--fail); }
        .count.errors.some { color: #fff; background: var(--error); border-color: var(--error); }
        .facts { display: flex; flex-wrap: wrap; gap: 4px 16px; color: var(--muted); }
        .facts b { color: var(--ink); font-weight: 600; }
        .filters { display: flex; gap: 6px; margin: 18px 0 10px; }
        .filters button { font: inherit; border: 1px solid var(--line); background: var(--paper); color: var(--ink);
          padding: 4px 14px; border-radius: 6px; cursor: pointer; }
        .filters button.on { background: var(--ink); color: #fff; border-color: var(--ink); }
        body[data-filter="failed"] .case:not([data-status="failed"]):not([data-status="error"]) { display: none; }
        body[data-filter="passed"] .case:not([data-status="passed"]) { display: none; }
        .case { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; margin: 0 0 8px; overflow: hidden; }
        .case-head { display: grid; grid-template-columns: 26px 1fr auto; gap: 2px 10px; align-items: baseline; padding: 9px 14px; }
        .case[data-status="failed"] .case-head, .case[data-status="error"] .case-head { background: #fff8f7; border-bottom: 1px solid #ffd8d3; }
        .icon { width: 22px; height: 22px; border-radius: 50%; color: #fff; display: inline-flex; align-items: center;
          justify-content: center; font-size: 13px; font-weight: 700; align-self: center; }
        .icon.passed { background: var(--pass); } .icon.failed { background: var(--fail); }
        .icon.error { background: var(--error); } .icon.skipped { background: var(--skip); }
        .title { font-weight: 600; }
        .where { grid-column: 2; color: var(--muted); font-size: 12.5px; }
        .time { color: var(--muted); font-size: 12.5px; }
        .message { grid-column: 2 / span 2; color: var(--fail); font-size: 13px; }
        .case[data-status="error"] .message { color: var(--error); }
        .case-body { padding: 6px 18px 16px; }
        .turn { border-top: 1px dashed var(--line); padding: 12px 0 6px; }
        .turn:first-child { border-top: 0; }
        .turn-head { display: flex; gap: 10px; align-items: baseline; color: var(--muted); font-size: 12.5px; margin-bottom: 6px; }
        .turn-head b { color: var(--ink); }
        .turn-head .bad { color: var(--fail); font-weight: 600; }
        .note { color: var(--muted); font-style: italic; font-size: 12.5px; margin: 2px 0 6px; }
        .visitor { display: flex; flex-direction: column; align-items: flex-end; gap: 4px; margin: 4px 0 8px; }
        .visitor .bubble { background: var(--visitor); color: #fff; border-radius: 14px 14px 4px 14px; }
        .bubble { display: inline-block; max-width: 100%; padding: 7px 12px; background: var(--bot); border-radius: 14px 14px 14px 4px;
          white-space: pre-wrap; overflow-wrap: anywhere; border: 1px solid transparent; }
        .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 5px 18px; max-width: 100%; }
        .grid .label { font-size: 11px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
        .cell { min-width: 0; }
        .cell.wide { grid-column: 1 / span 2; max-width: 62%; }
        .cell.expected .bubble { background: #ffebe9; border-color: #ffb8b0; }
        .cell.actual .bubble { background: #dafbe1; border-color: #9be9a8; }
        .cell.absent { color: var(--muted); font-size: 12.5px; font-style: italic; padding: 8px 4px; border: 1px dashed var(--line); border-radius: 10px; }
        del { text-decoration: none; background: rgba(255,129,130,.45); border-radius: 3px; }
        ins { text-decoration: none; background: rgba(46,160,67,.32); border-radius: 3px; }
        .keyboard { display: inline-flex; flex-direction: column; gap: 4px; }
        .keyboard .row { display: flex; gap: 4px; flex-wrap: wrap; }
        .btn { display: inline-block; border: 1px solid var(--visitor); color: var(--visitor); background: #fff; border-radius: 6px;
          padding: 3px 12px; font-size: 13px; font-weight: 500; }
        .visitor .btn { background: var(--visitor); color: #fff; }
        .cell.expected .btn.changed { background: #ffcecb; border-color: var(--fail); color: #82071e; }
        .cell.actual .btn.changed { background: #aceebb; border-color: var(--pass); color: #116329; }
        .cell.expected .keyboard, .cell.actual .keyboard { padding: 6px; border-radius: 10px; }
        .cell.expected .keyboard { background: #ffebe9; } .cell.actual .keyboard { background: #dafbe1; }
        .event { display: inline-block; font-size: 12px; color: var(--muted); background: var(--ground); border: 1px solid var(--line);
          border-radius: 999px; padding: 2px 12px; }
        .visitor .event { align-self: center; }
        .cell.expected .event { border-color: #ffb8b0; color: var(--fail); } .cell.actual .event { border-color: #9be9a8; color: var(--pass); }
        .tag { font-size: 10.5px; text-transform: uppercase; letter-spacing: .05em; border: 1px solid currentColor; border-radius: 4px;
          padding: 0 4px; margin-right: 6px; opacity: .85; }
        .raw { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; }
        table { border-collapse: collapse; margin: 8px 0 4px; font-size: 12.5px; }
        th { text-align: left; font-weight: 600; color: var(--muted); padding: 3px 10px 3px 0; border-bottom: 1px solid var(--line); }
        td { padding: 3px 10px 3px 0; vertical-align: top; border-bottom: 1px solid #eaeef2; overflow-wrap: anywhere; }
        td.json { max-width: 420px; }
        td.expected { color: #a40e26; } td.actual { color: #116329; }
        details { margin: 6px 0 0; } summary { cursor: pointer; color: var(--muted); font-size: 12.5px; }
        pre { background: var(--ground); border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; overflow-x: auto;
          white-space: pre-wrap; overflow-wrap: anywhere; max-height: 360px; }
        h2 { font-size: 15px; margin: 26px 0 8px; }
        .coverage { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px 14px; margin-bottom: 14px; }
        .coverage h3 { margin: 0 0 8px; font-size: 14px; font-weight: 600; }
        .coverage h3 span { color: var(--muted); font-weight: 400; }
        .meter { height: 8px; background: #ffebe9; border-radius: 4px; overflow: hidden; margin-bottom: 10px; }
        .meter div { height: 100%; background: var(--pass); }
        .tree { list-style: none; margin: 0; padding: 0; columns: 2 380px; column-gap: 28px; }
        .tree li { display: grid; grid-template-columns: 1fr auto; gap: 8px; padding: 2px 6px; border-radius: 4px; break-inside: avoid; }
        .tree li.uncovered { background: #fff8c5; }
        .tree li.group { color: var(--muted); font-style: italic; }
        .tree .hits { font-variant-numeric: tabular-nums; font-weight: 600; color: var(--pass); }
        .tree li.uncovered .hits { color: var(--error); }
        .tree .loc { color: var(--muted); font-size: 11.5px; margin-left: 6px; }
        footer { color: var(--muted); font-size: 12px; padding: 18px 0 30px; }
        """

    static let script: StaticString = """
        document.querySelectorAll(".filters button").forEach(function (button) {
          button.addEventListener("click", function () {
            document.body.setAttribute("data-filter", button.getAttribute("data-filter"));
            document.querySelectorAll(".filters button").forEach(function (other) {
              other.classList.toggle("on", other === button);
            });
          });
        });
        """
}

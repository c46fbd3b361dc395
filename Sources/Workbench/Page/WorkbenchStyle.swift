/// The page's style, held in the binary.
enum WorkbenchStyle {
    static let css = """
        * { box-sizing: border-box; }
        html, body { margin: 0; height: 100%; font: 14px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222; }
        body { display: flex; }
        #map { flex: 1 1 auto; height: 100%; background: #eef2f4; }
        #side { width: 420px; height: 100%; overflow-y: auto; border-left: 1px solid #ccc; padding: 10px 12px; background: #fafafa; }
        h1 { font-size: 18px; margin: 0 0 6px; }
        h2 { font-size: 15px; margin: 14px 0 6px; border-bottom: 1px solid #ddd; padding-bottom: 2px; }
        h3 { font-size: 14px; margin: 10px 0 4px; }
        .hint { color: #555; font-size: 12px; margin: 4px 0; }
        .toolbar { display: flex; flex-wrap: wrap; gap: 4px; margin: 6px 0; }
        button { font: inherit; font-size: 13px; padding: 3px 8px; border: 1px solid #999; border-radius: 3px; background: #fff; cursor: pointer; }
        button:disabled { opacity: .45; cursor: default; }
        button.active { background: #234; color: #fff; }
        #status { min-height: 18px; font-size: 12px; color: #a00; }
        #status.ok { color: #256; }
        table { border-collapse: collapse; width: 100%; font-size: 12.5px; }
        th, td { text-align: left; padding: 2px 4px; border-bottom: 1px solid #e4e4e4; vertical-align: top; }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
        #circuits tr { cursor: pointer; }
        #circuits tr.selected { background: #dfe9f5; font-weight: 600; }
        .swatch { display: inline-block; width: 12px; height: 12px; border: 1px solid #555; vertical-align: -2px; margin-right: 4px; }
        .up { color: #1a7f37; } .down { color: #b42318; }
        .computing { color: #8a6d00; font-style: italic; }
        .label { background: none; border: none; box-shadow: none; font-size: 10px; color: #111; text-shadow: 0 0 2px #fff, 0 0 2px #fff; }
        .modal { position: fixed; inset: 0; background: rgba(0,0,0,.35); display: none; align-items: center; justify-content: center; z-index: 2000; }
        .modal.open { display: flex; }
        .modal > div { background: #fff; padding: 14px 16px; border-radius: 6px; max-width: 90vw; max-height: 85vh; overflow: auto; min-width: 320px; }
        .modal label { display: block; margin: 6px 0; }
        .modal select, .modal input { font: inherit; width: 100%; }
        .box { position: absolute; border: 2px dashed #234; background: rgba(35,68,102,.12); pointer-events: none; z-index: 1000; }
        """
}

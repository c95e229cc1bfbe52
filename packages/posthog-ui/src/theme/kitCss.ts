// The kit's whole stylesheet. Every selector starts with `.sf-root`, so nothing leaks into the host page; the root
// element renders it in a <style> (see KitRoot), which needs no CSS loader in the host's bundler and works in SSR.
// Colours were chosen for WCAG AA: text colours reach at least 4.5:1 on --sf-color-bg and --sf-color-surface in both themes.

const light = `--sf-color-bg:#ffffff;--sf-color-surface:#f5f6f8;--sf-color-fg:#1b1e24;--sf-color-muted:#545b69;\
--sf-color-accent:#1f4fd1;--sf-color-accent-fg:#ffffff;--sf-color-danger:#b3261e;--sf-color-warning:#855400;\
--sf-color-success:#126b3d;--sf-color-border:#c9ced8;color-scheme:light;`

const dark = `--sf-color-bg:#15171c;--sf-color-surface:#1e2128;--sf-color-fg:#e9ebef;--sf-color-muted:#a6adba;\
--sf-color-accent:#8db2ff;--sf-color-accent-fg:#0c1426;--sf-color-danger:#ff9a91;--sf-color-warning:#f2c661;\
--sf-color-success:#6fd8a2;--sf-color-border:#434956;color-scheme:dark;`

const base = `--sf-radius:6px;--sf-font:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;\
--sf-font-mono:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;--sf-font-size:14px;--sf-space:4px;`

// A nested root (e.g. a dark panel inside a light page) sets only its own data-sf-theme, so match it below a root too.
const themed = (theme: string) => `.sf-root[data-sf-theme=${theme}],.sf-root [data-sf-theme=${theme}]`

export const kitCss = `
.sf-root{${base}font-family:var(--sf-font);font-size:var(--sf-font-size);line-height:1.45;box-sizing:border-box}
${themed('light')}{${light}}
${themed('auto')}{${light}}
${themed('dark')}{${dark}}
@media (prefers-color-scheme:dark){${themed('auto')}{${dark}}}
${themed('light')},${themed('dark')},${themed('auto')}{color:var(--sf-color-fg);background:var(--sf-color-bg)}
.sf-root *,.sf-root *::before,.sf-root *::after{box-sizing:inherit}
.sf-root :focus-visible{outline:2px solid var(--sf-color-accent);outline-offset:2px}
.sf-root .sf-stack{display:flex;flex-direction:column;gap:calc(var(--sf-space)*3)}
.sf-root .sf-stack>*{margin-top:0;margin-bottom:0}
.sf-root .sf-row{display:flex;flex-wrap:wrap;align-items:flex-start;gap:calc(var(--sf-space)*2)}
.sf-root .sf-row.sf-center{align-items:center}
.sf-root .sf-panel{border:1px solid var(--sf-color-border);border-radius:var(--sf-radius);padding:calc(var(--sf-space)*4);background:var(--sf-color-bg);min-width:0}
.sf-root .sf-heading{margin:0;font-size:1.1em;font-weight:600}
.sf-root .sf-muted{color:var(--sf-color-muted)}
.sf-root .sf-mono{font-family:var(--sf-font-mono);font-size:.92em}
.sf-root .sf-field{display:flex;flex-direction:column;gap:var(--sf-space);min-width:0}
.sf-root .sf-row>.sf-field{flex:1 1 12em}
.sf-root .sf-row>.sf-break{flex-basis:100%;margin:0}
.sf-root .sf-row>.sf-field-action{margin-top:calc(1.45em + var(--sf-space))}
.sf-root .sf-choices{display:flex;flex-wrap:wrap;gap:calc(var(--sf-space)*1) calc(var(--sf-space)*4);border:0;padding:0;margin:0;min-width:0}
.sf-root .sf-choices>legend{padding:0;margin-bottom:var(--sf-space);font-weight:600}
.sf-root .sf-choice{display:inline-flex;align-items:center;gap:calc(var(--sf-space)*1.5)}
.sf-root .sf-choice>input{margin:0;accent-color:var(--sf-color-accent)}
.sf-root .sf-label{font-weight:600}
.sf-root .sf-hint{color:var(--sf-color-muted);font-size:.9em}
.sf-root .sf-field[data-invalid] .sf-hint{color:var(--sf-color-danger)}
.sf-root .sf-input,.sf-root .sf-select{font:inherit;color:inherit;background:var(--sf-color-surface);border:1px solid var(--sf-color-border);border-radius:var(--sf-radius);padding:calc(var(--sf-space)*1.5) calc(var(--sf-space)*2);min-width:0;width:100%;min-height:2.6em}
.sf-root .sf-field[data-invalid] .sf-input{border-color:var(--sf-color-danger)}
.sf-root .sf-button{font:inherit;cursor:pointer;border-radius:var(--sf-radius);padding:calc(var(--sf-space)*1.5) calc(var(--sf-space)*3);border:1px solid var(--sf-color-border);background:var(--sf-color-surface);color:var(--sf-color-fg)}
.sf-root .sf-button[data-variant=primary]{background:var(--sf-color-accent);border-color:var(--sf-color-accent);color:var(--sf-color-accent-fg)}
.sf-root .sf-button[data-variant=danger]{color:var(--sf-color-danger)}
.sf-root .sf-button[data-variant=ghost]{background:transparent;border-color:transparent;color:var(--sf-color-accent);text-decoration:underline;padding-inline:0;text-align:left}
.sf-root td>.sf-button[data-variant=ghost]{padding-block:0;border:0}
.sf-root .sf-button:disabled,.sf-root .sf-button[aria-disabled=true]{opacity:.6;cursor:not-allowed}
.sf-root .sf-badge{display:inline-flex;align-items:center;gap:var(--sf-space);border:1px solid currentColor;border-radius:999px;padding:0 calc(var(--sf-space)*2);font-size:.85em;white-space:nowrap}
.sf-root [data-tone=danger]{color:var(--sf-color-danger)}
.sf-root [data-tone=warning]{color:var(--sf-color-warning)}
.sf-root [data-tone=success]{color:var(--sf-color-success)}
.sf-root [data-tone=muted]{color:var(--sf-color-muted)}
.sf-root .sf-alert{border:1px solid currentColor;border-left-width:4px;border-radius:var(--sf-radius);padding:calc(var(--sf-space)*2) calc(var(--sf-space)*3);background:var(--sf-color-surface)}
.sf-root .sf-alert>*{color:var(--sf-color-fg)}
.sf-root .sf-alert>.sf-alert-title{color:inherit;font-weight:600;margin:0}
.sf-root .sf-switch{position:relative;width:2.5em;height:1.4em;border-radius:999px;border:1px solid var(--sf-color-border);background:var(--sf-color-surface);cursor:pointer;padding:0;flex:none}
.sf-root .sf-switch::after{content:'';position:absolute;top:.15em;left:.15em;width:1em;height:1em;border-radius:50%;background:var(--sf-color-muted);transition:transform .15s}
.sf-root .sf-switch[data-state=on]{background:var(--sf-color-accent);border-color:var(--sf-color-accent)}
.sf-root .sf-switch[data-state=on]::after{transform:translateX(1.1em);background:var(--sf-color-accent-fg)}
.sf-root .sf-dialog{border:1px solid var(--sf-color-border);border-radius:var(--sf-radius);background:var(--sf-color-bg);color:var(--sf-color-fg);padding:calc(var(--sf-space)*4);max-width:min(40em,92vw)}
.sf-root .sf-overlay{position:fixed;inset:0;z-index:1000;display:grid;place-items:center;background:rgb(0 0 0/.45)}
.sf-root .sf-dialog{display:flex;flex-direction:column;gap:calc(var(--sf-space)*3);max-height:90vh;overflow:auto}
.sf-root .sf-list{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:calc(var(--sf-space)*2)}
.sf-root .sf-list>li{display:flex;flex-wrap:wrap;align-items:center;gap:calc(var(--sf-space)*2);padding:calc(var(--sf-space)*2);border:1px solid var(--sf-color-border);border-radius:var(--sf-radius)}
.sf-root .sf-grow{flex:1 1 auto;min-width:0}
.sf-root .sf-examples>p{margin:0}
.sf-root .sf-examples>ul{margin:var(--sf-space) 0 0;padding-left:1.5em}
.sf-root .sf-subtitle{margin:var(--sf-space) 0 0}
.sf-root .sf-row>.sf-inline-field{flex:0 1 auto;flex-direction:row;align-items:center;gap:calc(var(--sf-space)*2)}
.sf-root .sf-inline-field>.sf-label{white-space:nowrap}
.sf-root .sf-inline-field>.sf-select{width:auto;max-width:100%}
.sf-root .sf-list>li>.sf-grow{flex:1 1 10em}
.sf-root .sf-actions{display:flex;flex-wrap:wrap;align-items:center;gap:calc(var(--sf-space)*2);margin-left:auto}
.sf-root .sf-list>li[aria-current=true]{border-color:var(--sf-color-accent);box-shadow:inset 3px 0 0 var(--sf-color-accent)}
.sf-root .sf-steps{display:flex;flex-wrap:wrap;gap:var(--sf-space) calc(var(--sf-space)*2);list-style:none;margin:0;padding:0}
.sf-root .sf-steps>li:not(:last-child)::after{content:'›';margin-left:calc(var(--sf-space)*2);color:var(--sf-color-muted);font-weight:400}
.sf-root .sf-steps [aria-current=step]{font-weight:700;color:var(--sf-color-accent)}
.sf-root .sf-table-wrap{border:1px solid var(--sf-color-border);border-radius:var(--sf-radius);overflow:auto;position:relative;background:var(--sf-color-bg)}
.sf-root .sf-table{display:grid;border-collapse:collapse;min-width:100%;font-variant-numeric:tabular-nums}
.sf-root .sf-table thead{display:grid;position:sticky;top:0;z-index:1;background:var(--sf-color-surface)}
.sf-root .sf-table tbody{display:grid;position:relative}
.sf-root .sf-table tr{display:flex;width:100%}
.sf-root .sf-table th,.sf-root .sf-table td{flex:1 0 var(--sf-col-w,11em);width:var(--sf-col-w,11em);padding:calc(var(--sf-space)*1.5) calc(var(--sf-space)*2);text-align:left;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;border-bottom:1px solid var(--sf-color-border)}
.sf-root .sf-table th{font-weight:600;display:flex;flex-direction:column}
.sf-root .sf-table td[data-kind=number],.sf-root .sf-table th[data-kind=number]{text-align:right}
.sf-root .sf-table th[data-kind=number]{align-items:flex-end}
.sf-root .sf-table td[data-null]{color:var(--sf-color-muted);font-style:italic}
.sf-root .sf-table th .sf-coltype{font-weight:400;font-family:var(--sf-font-mono);color:var(--sf-color-muted);font-size:.85em}
.sf-root .sf-runs{width:100%;border-collapse:collapse;font-variant-numeric:tabular-nums}
.sf-root .sf-runs th,.sf-root .sf-runs td{text-align:left;padding:calc(var(--sf-space)*1.5) calc(var(--sf-space)*2);border-bottom:1px solid var(--sf-color-border);vertical-align:top}
.sf-root .sf-runs th{background:var(--sf-color-surface)}
.sf-root .sf-runs time{white-space:nowrap}
.sf-root .sf-sync-history{container-type:inline-size}
.sf-root .sf-cell-label{display:none}
@container (max-width:48em){
.sf-root .sf-runs thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.sf-root .sf-runs,.sf-root .sf-runs tbody{display:block}
.sf-root .sf-runs tr{display:grid;grid-template-columns:repeat(auto-fill,minmax(7em,1fr));gap:calc(var(--sf-space)*2) calc(var(--sf-space)*3);padding:calc(var(--sf-space)*2)}
.sf-root .sf-runs tr[data-state]:not(:first-child){border-top:1px solid var(--sf-color-border)}
.sf-root .sf-runs tr:not([data-state]){padding-top:0}
.sf-root .sf-runs td{display:flex;flex-direction:column;align-items:flex-start;padding:0;border:0;min-width:0;overflow-wrap:anywhere}
.sf-root .sf-runs td:first-child,.sf-root .sf-runs td[colspan]{grid-column:1/-1}
.sf-root .sf-cell-label{display:block;font-size:.85em;color:var(--sf-color-muted)}
}
.sf-root .sf-chart{display:flex;flex-direction:column;gap:var(--sf-space);font-size:.85em;color:var(--sf-color-muted);max-width:48em}
.sf-root .sf-chart-plot{height:6em;display:flex;align-items:flex-end;border-top:1px dashed var(--sf-color-border);border-bottom:1px solid var(--sf-color-muted)}
.sf-root .sf-chart-bar{flex:0 1 1.75em;min-width:1px;height:100%;display:flex;flex-direction:column;justify-content:flex-end;align-items:center}
.sf-root .sf-chart-bar>span{display:block;width:70%;min-width:1px}
.sf-root .sf-chart-bar:hover>span{opacity:.75}
.sf-root .sf-chart-written{background:var(--sf-color-accent);min-height:2px}
.sf-root .sf-chart-rejected,.sf-root .sf-chart-legend [data-key=rejected]::before{background:var(--sf-color-warning)}
.sf-root .sf-chart-bar[data-status=failed]>.sf-chart-written{background:var(--sf-color-danger)}
.sf-root .sf-chart-bar[data-status=skipped]>.sf-chart-written{background:var(--sf-color-muted)}
.sf-root .sf-chart-head,.sf-root .sf-chart-axis{display:flex;flex-wrap:wrap;justify-content:space-between;gap:var(--sf-space) calc(var(--sf-space)*3)}
.sf-root .sf-chart-legend{display:flex;gap:calc(var(--sf-space)*3)}
.sf-root .sf-chart-legend>span::before{content:'';display:inline-block;width:.75em;height:.75em;margin-right:var(--sf-space);border-radius:2px;vertical-align:-.05em}
.sf-root .sf-chart-legend [data-key=written]::before{background:var(--sf-color-accent)}
.sf-root .sf-embedded{border:0;padding:0;background:none}
.sf-root .sf-embedded>.sf-heading,.sf-root .sf-embedded>legend,.sf-root .sf-visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.sf-root .sf-meter{display:block;width:100%;max-width:24em;height:.8em}
.sf-root fieldset{margin:0;min-width:0}
.sf-root legend{padding:0 var(--sf-space)}
.sf-root details>summary{cursor:pointer}
.sf-root .sf-code{font-family:var(--sf-font-mono);background:var(--sf-color-surface);border:1px solid var(--sf-color-border);border-radius:var(--sf-radius);padding:calc(var(--sf-space)*2);white-space:pre-wrap;overflow:auto;margin:0}
`

/** The pages' one style sheet (`/web/app.css`): system fonts, WCAG AA contrast, laptop and phone widths. */
export const STYLES_CSS = `
:root{--fg:#1f2328;--muted:#57606a;--line:#d0d7de;--bg:#fff;--soft:#f6f8fa;--accent:#0969da;--ok:#1a7f37;--warn:#9a6700;--bad:#cf222e;
--measured:#dafbe1;--carried:#fff8c5;--locked:#eaeef2;--base:#fff}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--accent)}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem}
.skip:focus{left:.5rem;z-index:10}
header.top{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between;padding:.6rem 1rem;border-bottom:1px solid var(--line);background:var(--soft)}
header.top .brand{font-weight:700;color:var(--fg);text-decoration:none}
header.top .who{color:var(--muted);font-size:.9rem}
header.top form{display:inline}
main{max-width:1200px;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.25rem 0}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
.sub{color:var(--muted);margin:0 0 .75rem}
nav.tabs{display:flex;flex-wrap:wrap;gap:.25rem;border-bottom:1px solid var(--line);margin:.5rem 0 1rem}
nav.tabs a{padding:.5rem .75rem;text-decoration:none;color:var(--fg);border:1px solid transparent;border-bottom:none;border-radius:6px 6px 0 0}
nav.tabs a[aria-current=page]{border-color:var(--line);background:var(--bg);font-weight:600;margin-bottom:-1px}
.flash{white-space:pre-line;padding:.6rem .8rem;border-radius:6px;margin:.5rem 0 1rem;border:1px solid}
.flash-ok{background:#dafbe1;border-color:#4ac26b}
.flash-error{background:#ffebe9;border-color:#ff8182}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(180px,1fr));gap:.75rem}
.figure{border:1px solid var(--line);border-radius:8px;padding:.6rem .8rem}
.figure .label{color:var(--muted);font-size:.85rem}
.figure .value{font-size:1.3rem;font-weight:650;font-variant-numeric:tabular-nums}
.figure.headline{border-color:var(--ok);background:#f0fff4}
.chart-box{border:1px solid var(--line);border-radius:8px;padding:.5rem;margin:.75rem 0}
.chart-box svg{display:block;width:100%;height:auto}
.hide-estimate [data-series="estimate"],.hide-estimate [data-legend="estimate"]{display:none}
.toggle{display:inline-flex;gap:.4rem;align-items:center;font-weight:600}
.scroll{overflow-x:auto;max-width:100%;border:1px solid var(--line);border-radius:6px}
table{border-collapse:collapse;font-variant-numeric:tabular-nums}
table.data{width:100%}
th,td{padding:.35rem .5rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
td.num,th.num{text-align:right;white-space:nowrap}
table.grid th,table.grid td{border:1px solid var(--line);padding:0;white-space:nowrap}
table.grid td{height:1px}
table.grid thead th{padding:.3rem .4rem;background:var(--soft);font-weight:600;font-size:.8rem;text-align:center}
table.grid th.row{position:sticky;left:0;background:var(--bg);padding:.3rem .5rem;z-index:1;min-width:11rem;white-space:normal;font-size:.9rem}
table.grid th.locked-month{background:var(--locked)}
button.cell{height:100%;appearance:none;border:0;border-radius:0;background:transparent;color:inherit;font:inherit;margin:0;box-sizing:border-box;display:block;min-width:4.5rem;width:100%;padding:.3rem .4rem;text-align:right;cursor:pointer;font-size:.85rem}
button.cell:focus-visible{outline:3px solid var(--accent);outline-offset:-3px}
button.cell:hover{outline:2px solid var(--accent);outline-offset:-2px}
.cell-measured,button.cell.cell-measured{background:var(--measured);font-weight:600}
.cell-carried,button.cell.cell-carried{background:var(--carried);color:#6e5600;font-style:italic}
.cell-base,button.cell.cell-base{color:var(--muted)}
.cell-empty,button.cell.cell-empty{color:var(--muted)}
.cell-locked,button.cell.cell-locked{background-image:repeating-linear-gradient(135deg,transparent 0 6px,rgba(87,96,106,.12) 6px 8px)}
.cell-future,button.cell.cell-future{opacity:.8}
.mark{display:inline-block;min-width:1em;margin-left:.2rem;color:var(--accent);font-style:normal;font-weight:700}
.legend{display:flex;flex-wrap:wrap;gap:.5rem 1rem;font-size:.85rem;color:var(--muted);margin:.5rem 0}
.legend span.sw{display:inline-block;width:1.1rem;height:.9rem;border:1px solid var(--line);vertical-align:middle;margin-right:.3rem}
.badge{display:inline-block;font-size:.75rem;padding:.05rem .45rem;border-radius:1rem;border:1px solid var(--line);background:var(--soft)}
.badge-ok{border-color:#4ac26b;background:#dafbe1}.badge-warn{border-color:#d4a72c;background:#fff8c5}.badge-bad{border-color:#ff8182;background:#ffebe9}
.proposal{border:1px solid var(--line);border-radius:8px;padding:.75rem;margin:.75rem 0;background:var(--bg)}
.proposal h3{margin:0 0 .25rem;font-size:1rem}
.proposal ul{margin:.25rem 0 .5rem 1.2rem;padding:0}
.proposal .warnings{color:var(--warn)}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end;margin-top:.5rem}
.actions form{display:flex;flex-wrap:wrap;gap:.4rem;align-items:flex-end}
button,.button{font:inherit;padding:.4rem .9rem;border-radius:6px;border:1px solid #8c959f;background:var(--soft);color:var(--fg);cursor:pointer;text-decoration:none;display:inline-block}
button.primary,.button.primary{background:var(--ok);border-color:#116329;color:#fff}
button.danger{background:#fff;border-color:var(--bad);color:var(--bad)}
button:disabled{opacity:.6;cursor:wait}
label{font-weight:600}
input[type=text],input[type=password],input[type=number],input[type=file],select,textarea{font:inherit;padding:.35rem .5rem;border:1px solid #8c959f;border-radius:6px;max-width:100%}
.field{display:flex;flex-direction:column;gap:.2rem;margin:.4rem 0}
.hint{color:var(--muted);font-size:.85rem;font-weight:400}
dialog{border:1px solid var(--line);border-radius:10px;max-width:min(32rem,95vw);width:100%}
dialog::backdrop{background:rgba(0,0,0,.35)}
dl.kv{display:grid;grid-template-columns:max-content 1fr;gap:.2rem .8rem;margin:.5rem 0}
dl.kv .kv-row{display:contents}dl.kv .kv-row[hidden]{display:none}dl.kv dt{color:var(--muted)}dl.kv dd{margin:0;overflow-wrap:anywhere}
.metrics{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:.75rem}
.metric{border:1px solid var(--line);border-radius:8px;padding:.6rem .8rem}
.metric .last{color:var(--muted);font-size:.85rem}
.metric .hint{display:block}
.metric svg{display:block;width:100%;height:48px}
.table-wrap{overflow-x:auto;max-width:100%}
table.grid th[data-current]{background:#ddf4ff;box-shadow:inset 0 -3px 0 var(--accent)}
.chat-table{margin:.4rem 0;font-size:.9rem}.chat-table th,.chat-table td{padding:.2rem .5rem}
.msg p{margin:.3rem 0}.msg ul{margin:.3rem 0 .3rem 1.2rem;padding:0}
.chat-log{border:1px solid var(--line);border-radius:8px;padding:.75rem;min-height:12rem;max-height:60vh;overflow-y:auto;background:var(--soft)}
.msg{padding:.5rem .7rem;border-radius:8px;margin:.4rem 0;max-width:46rem;overflow-x:auto}
.msg-user{white-space:pre-wrap}
.msg-user{background:#ddf4ff;margin-left:auto}
.msg-assistant{background:var(--bg);border:1px solid var(--line)}
.msg-error{background:#ffebe9;border-color:#ff8182}
.chat-form{display:flex;gap:.5rem;margin-top:.5rem}
.chat-form input{flex:1}
.markdown{border:1px solid var(--line);border-radius:8px;padding:.5rem 1rem;overflow-wrap:anywhere}
.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.signin{max-width:28rem;margin:3rem auto}
.signin input{width:100%}
@media (max-width:640px){
 main{padding:.6rem}
 h1{font-size:1.25rem}
 .cards{grid-template-columns:1fr 1fr}
 .figure .value{font-size:1.05rem}
 table.data.stack thead{display:none}
 table.data.stack tr{display:block;border-bottom:1px solid var(--line);padding:.4rem 0}
 table.data.stack td{display:flex;justify-content:space-between;gap:1rem;border:none;padding:.15rem .25rem;text-align:right}
 table.data.stack td::before{content:attr(data-label);color:var(--muted);text-align:left}
 nav.tabs a{padding:.4rem .5rem;font-size:.9rem}
 .chat-form{flex-direction:column}
 .chart-box{overflow-x:auto}
 table.grid th.row{min-width:7.5rem;font-size:.8rem}
 table.preview{font-size:.85rem}
 table.preview th,table.preview td{padding:.25rem .3rem}
 .chart-box svg{min-width:560px}
 header.top{padding:.5rem .6rem}
}
`;

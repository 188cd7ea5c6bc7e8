// Inline style and script of the HTML report (the page loads nothing else).

export const HTML_STYLE = `
:root { --err: #c62828; --warn: #b26a00; --info: #1565c0; --ok: #2e7d32; --line: #d7dbe0; --bg: #f6f7f9; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.6 "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC", sans-serif; color: #1f2328; background: #fff; }
header { padding: 20px 28px 12px; background: var(--bg); border-bottom: 1px solid var(--line); }
h1 { font-size: 22px; margin: 0 0 6px; }
h2 { font-size: 18px; margin: 28px 0 10px; }
h3 { font-size: 15px; margin: 16px 0 6px; }
main { padding: 0 28px 40px; }
.meta { color: #57606a; margin: 0; }
.stats { display: flex; flex-wrap: wrap; gap: 12px; margin: 14px 0 4px; padding: 0; list-style: none; }
.stats li { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 120px; }
.stats b { display: block; font-size: 22px; }
.missing { margin: 8px 0 0; padding-left: 20px; color: #57606a; }
.toolbar { display: flex; gap: 16px; align-items: center; margin: 18px 0 10px; flex-wrap: wrap; }
.toolbar input[type=search] { padding: 6px 10px; border: 1px solid var(--line); border-radius: 6px; min-width: 260px; font: inherit; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
thead th { background: var(--bg); position: sticky; top: 0; z-index: 1; white-space: nowrap; }
th button { all: unset; cursor: pointer; display: inline-flex; gap: 4px; align-items: center; }
th button:focus-visible { outline: 2px solid var(--info); }
th[aria-sort=ascending] button::after { content: "▲"; font-size: 10px; }
th[aria-sort=descending] button::after { content: "▼"; font-size: 10px; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.part { text-align: center; font-weight: bold; }
.yes { color: var(--ok); } .no { color: var(--err); } .partly { color: var(--warn); } .na { color: #8c959f; font-weight: normal; }
.e { color: var(--err); font-weight: bold; } .w { color: var(--warn); } .i { color: var(--info); }
tr.failed td { background: #fff4f4; }
tbody tr:hover td { background: #f0f6ff; }
.report { border: 1px solid var(--line); border-radius: 8px; margin: 12px 0; }
.report > summary { cursor: pointer; padding: 10px 14px; background: var(--bg); border-radius: 8px; font-weight: bold; }
.report[open] > summary { border-bottom: 1px solid var(--line); border-radius: 8px 8px 0 0; }
.report .body { padding: 4px 16px 14px; }
.checklist { list-style: none; padding: 0; margin: 0; columns: 2; }
.checklist li { break-inside: avoid; }
.excerpt { color: #57606a; font-size: 13px; }
mark { background: #fff1a8; }
.path { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; color: #57606a; word-break: break-all; }
.hidden { display: none; }
.wide { overflow-x: auto; }
#summary td.excerpt { min-width: 16em; }
#summary thead th { white-space: normal; min-width: 5em; }
@media print { header { background: none; } .toolbar { display: none; } .report { break-inside: avoid; } thead th { position: static; } }
`;

export const HTML_SCRIPT = `
(function () {
  var table = document.getElementById('overview');
  var body = table.tBodies[0];
  var collator = new Intl.Collator('zh-Hans-CN-u-co-pinyin', { numeric: true });
  function value(row, index) { var cell = row.cells[index]; return cell.getAttribute('data-v') || cell.textContent; }
  function order(row) { return Number(row.getAttribute('data-index') || row.getAttribute('data-order')); }
  function sortable(table) {
    var body = table.tBodies[0];
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      var button = th.querySelector('button');
      if (!button) return;
      button.addEventListener('click', function () {
        var numeric = th.getAttribute('data-type') === 'number';
        var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) { other.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = value(a, index), y = value(b, index);
          var c = numeric ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : collator.compare(x, y);
          return c * dir || (order(a) - order(b));
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll('table[data-sortable]'), sortable);
  var search = document.getElementById('filter');
  var onlyErrors = document.getElementById('only-errors');
  function applyFilter() {
    var q = search.value.trim().toLowerCase();
    var shown = 0;
    Array.prototype.forEach.call(body.rows, function (row) {
      var visible = (!q || row.textContent.toLowerCase().indexOf(q) >= 0) && (!onlyErrors.checked || row.getAttribute('data-errors') !== '0');
      row.classList.toggle('hidden', !visible);
      if (visible) shown++;
    });
    document.getElementById('shown').textContent = String(shown);
  }
  search.addEventListener('input', applyFilter);
  onlyErrors.addEventListener('change', applyFilter);
  function openFromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    var details = target && target.closest('details');
    if (details) { details.open = true; target.scrollIntoView(); }
  }
  window.addEventListener('hashchange', openFromHash);
  openFromHash();
})();
`;

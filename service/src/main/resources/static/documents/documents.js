// The document reader page: upload a consultant's file, see what Orgraph read from it beside
// the text (each item's source line highlighted), edit the org document, import it.

const TOKEN_KEY = 'orgraph.token';
const $ = (id) => document.getElementById(id);
let current = null; // the last extract answer
let file = null;

function headers(extra = {}) {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? { ...extra, authorization: 'Bearer ' + token } : extra;
}

function status(text, error = false) {
  $('status').textContent = text;
  $('status').classList.toggle('error', error);
}

function problems(body) {
  return (body?.errors ?? []).map((e) => `${e.code}: ${e.message}` + (e.line ? ` (line ${e.line})` : '')).join('\n');
}

async function extract(part = 1) {
  if (!file) return;
  const form = new FormData();
  form.append('file', file, file.name);
  status(`Reading ${file.name}…`);
  const response = await fetch(`/api/v1/documents/extract?lines=true&part=${part}`, { method: 'POST', body: form, headers: headers() });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    if (response.status === 401 || response.status === 403) $('token-field').hidden = false;
    status(problems(body) || `The service answered ${response.status}`, true);
    document.body.dataset.extracted = 'error';
    return;
  }
  current = body;
  render();
  status(`${body.document.name}: read in ${body.millis} ms`);
  document.body.dataset.extracted = String(part);
}

function sourcesByKey() {
  const map = new Map();
  for (const s of current.sources) {
    if (['unit', 'position', 'duty'].includes(s.kind) && !map.has(s.key)) map.set(s.key, s);
  }
  return map;
}

function item(kind, key, label, sources) {
  const span = document.createElement('span');
  span.className = `item ${kind}`;
  span.textContent = label;
  span.dataset.key = key;
  const source = sources.get(key);
  if (source) {
    span.title = `line ${source.line}: ${source.excerpt}`;
    span.dataset.line = source.line;
  }
  span.addEventListener('click', () => select(span, source));
  const li = document.createElement('li');
  li.append(span);
  return li;
}

function duties(list, sources) {
  const ul = document.createElement('ul');
  for (const d of list ?? []) ul.append(item('duty', d.key, d.text, sources));
  return ul;
}

function render() {
  const doc = current.document;
  const sources = sourcesByKey();
  $('work').hidden = false;
  $('file-name').textContent = file.name;
  $('counts').textContent = `${doc.units.length} units · ${doc.positions.length} posts · `
    + `${[...doc.units, ...doc.positions].reduce((n, x) => n + (x.duties?.length ?? 0), 0)} duties`;
  const parts = current.organizations;
  $('part-field').hidden = parts.length < 2;
  $('part').replaceChildren(...parts.map((p) => new Option(`${p.part}. ${p.name} (line ${p.line}, ${p.units} units, ${p.positions} posts, ${p.duties} duties)`, p.part)));
  $('part').value = current.part;
  $('warnings').replaceChildren(...current.warnings.map((w) => Object.assign(document.createElement('li'), { textContent: `${w.code}: ${w.message}` })));

  const children = new Map();
  for (const u of doc.units) {
    const list = children.get(u.parent ?? null) ?? [];
    list.push(u);
    children.set(u.parent ?? null, list);
  }
  const unitNode = (u, depth) => {
    const li = item('unit', u.key, u.name + (u.plannedHeadcount != null ? ` (编制 ${u.plannedHeadcount})` : ''), sources);
    const ul = document.createElement('ul');
    for (const p of doc.positions.filter((x) => x.unit === u.key)) {
      const pli = item('position', p.key, p.title + (p.headcount != null ? ` ×${p.headcount}` : ''), sources);
      pli.append(duties(p.duties, sources));
      ul.append(pli);
    }
    if (u.duties?.length) ul.append(...duties(u.duties, sources).children);
    if (depth < 64) for (const c of children.get(u.key) ?? []) ul.append(unitNode(c, depth + 1));
    li.append(ul);
    return li;
  };
  $('tree').replaceChildren(...(children.get(null) ?? []).map((u) => unitNode(u, 0)));

  const text = $('text');
  text.replaceChildren(...current.lines.map((l) => {
    const li = document.createElement('li');
    li.value = l.line;
    li.id = `line-${l.line}`;
    li.textContent = l.text;
    return li;
  }));
  const json = { ...doc };
  $('json').value = JSON.stringify(json, null, 2);
  if (!$('org-key').value) $('org-key').value = (file.name.replace(/\.[^.]+$/, '').toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-._]+/, '') || 'document').slice(0, 64);
}

function select(span, source) {
  document.querySelectorAll('.item.selected').forEach((e) => e.classList.remove('selected'));
  span.classList.add('selected');
  document.querySelectorAll('#text li.hit').forEach((li) => {
    li.classList.remove('hit');
    li.textContent = li.textContent; // drops an earlier <mark>
  });
  if (!source) return;
  const li = $(`line-${source.line}`);
  if (!li) return;
  li.classList.add('hit');
  const at = li.textContent.indexOf(source.excerpt);
  if (at >= 0) {
    const t = li.textContent;
    const mark = document.createElement('mark');
    mark.textContent = source.excerpt;
    li.replaceChildren(t.slice(0, at), mark, t.slice(at + source.excerpt.length));
  }
  li.scrollIntoView({ block: 'center' });
  document.body.dataset.selectedLine = String(source.line);
}

async function importDocument(event) {
  event.preventDefault();
  const key = $('org-key').value.trim();
  let body;
  try {
    body = JSON.parse($('json').value);
  } catch (e) {
    $('import-result').className = 'error';
    $('import-result').textContent = `The JSON does not parse: ${e.message}`;
    return;
  }
  body.key = key;
  const typed = $('token').value.trim();
  if (typed) sessionStorage.setItem(TOKEN_KEY, typed);
  const response = await fetch(`/api/v1/orgs/${encodeURIComponent(key)}/imports`, {
    method: 'POST', headers: headers({ 'content-type': 'application/json' }), body: JSON.stringify(body),
  });
  const answer = await response.json().catch(() => null);
  if (response.status === 401 || response.status === 403) {
    $('token-field').hidden = false;
    $('import-result').className = 'error';
    $('import-result').textContent = 'Importing needs an editor token: enter it and import again. · 导入需要编辑者令牌。';
    return;
  }
  if (!response.ok) {
    $('import-result').className = 'error';
    $('import-result').textContent = problems(answer) || `The service answered ${response.status}`;
    document.body.dataset.imported = 'error';
    return;
  }
  $('import-result').className = '';
  $('import-result').textContent = `Imported as revision ${answer.revision} of ${answer.organization}: `
    + Object.entries(answer.counts).map(([k, v]) => `${v} ${k}`).join(', ');
  const link = Object.assign(document.createElement('a'), { href: `/#org=${encodeURIComponent(key)}`, textContent: ' Open the org chart · 查看组织图' });
  $('import-result').append(link);
  document.body.dataset.imported = String(answer.revision);
}

$('upload').addEventListener('submit', (event) => {
  event.preventDefault();
  file = $('file').files[0] ?? null;
  if (!file) status('Pick a .txt, .md, .docx or .pdf file first. · 请先选择文件。', true);
  else extract(1);
});
$('part').addEventListener('change', () => extract(Number($('part').value)));
$('import').addEventListener('submit', importDocument);

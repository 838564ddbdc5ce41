// The revision compare view: what appeared, disappeared and moved between two revisions.

import { gql, schema } from './api.js';
import { h, clear } from './dom.js';
import { t } from './i18n.js';

const CHANGE_LISTS = [
  'unitsAdded', 'unitsRemoved', 'unitsMoved',
  'positionsAdded', 'positionsRemoved', 'positionsMoved',
  'reportingChanged', 'holdersChanged',
];

export async function compare(org, from, to) {
  const s = await schema();
  if (!s.has('compareRevisions')) return null;
  const lists = CHANGE_LISTS.filter((f) => s.typeHas('RevisionDiff', f));
  const orphaned = s.typeHas('RevisionDiff', 'dutiesNewlyOrphaned')
    ? 'dutiesNewlyOrphaned { reason explanation duty { key text holder { kind key name } } }' : '';
  const overlapping = s.typeHas('RevisionDiff', 'dutiesNewlyOverlapping')
    ? 'dutiesNewlyOverlapping { id kind score explanation duties { key text holder { kind key name } } }' : '';
  const data = await gql(`query Compare($org: ID!, $from: Int!, $to: Int) {
    compareRevisions(org: $org, from: $from, to: $to) {
      from to summary
      ${lists.map((f) => `${f} { key name before after }`).join('\n')}
      ${orphaned}
      ${overlapping}
    }
  }`, { org, from, to });
  return { diff: data.compareRevisions, lists };
}

export function renderCompare(target, result) {
  if (!result) {
    clear(target, h('p', { class: 'note' }, t('compare.unavailable')));
    return;
  }
  const { diff, lists } = result;
  const section = (key, count, body) =>
    h('section', { dataset: { list: key } },
      h('h3', {}, t('compare.' + key), ' ', h('span', { class: 'count' }, `(${count})`)),
      count ? body : h('p', { class: 'note' }, t('compare.nothing')));
  const changeTable = (rows, withBeforeAfter) => h('table', {},
    rows.map((c) => h('tr', {},
      h('td', {}, h('code', {}, c.key)),
      h('td', {}, c.name),
      withBeforeAfter ? h('td', {}, `${c.before ?? '—'} → ${c.after ?? '—'}`) : null)));
  clear(target,
    h('p', { class: 'summary' }, diff.summary),
    lists.map((key) => section(key, diff[key].length, changeTable(diff[key], /Moved|Changed/.test(key)))),
    diff.dutiesNewlyOrphaned ? section('dutiesNewlyOrphaned', diff.dutiesNewlyOrphaned.length,
      h('ul', {}, diff.dutiesNewlyOrphaned.map((o) => h('li', {}, o.duty.text, ' — ', o.duty.holder.name,
        h('span', { class: 'tag orphan' }, t('reason.' + o.reason)))))) : null,
    diff.dutiesNewlyOverlapping ? section('dutiesNewlyOverlapping', diff.dutiesNewlyOverlapping.length,
      h('ul', {}, diff.dutiesNewlyOverlapping.map((o) => h('li', {}, o.explanation)))) : null);
}

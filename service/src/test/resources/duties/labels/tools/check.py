"""Validates the labelled set and prints its counts.

Checks: every universe file is well formed (unique ids, no empty text) and the generated ones still
match their sources (a demo organisation edited since the labels were made shifts ids, so its
labels must be looked at again); every pair names a known set and two distinct ids of it; no pair twice (a,b unordered); labels are FULL, PARTIAL, CONTRAST
or DISTINCT with a reason; no labelled pair is EXACT (same normal form); splits.tsv lists every
universe once as tune or holdout. Exits 1 on any problem.

    python3 tools/check.py
"""
import collections
import glob
import os
import sys

from build_sets import DEMO, SHARED, UK, demo_rows, uk_rows
from common import LABEL_VALUES, LABELS, is_chinese, normalize, read_pairs, read_set, set_names

POSITIVE = ('FULL', 'PARTIAL')


def main():
    problems = []
    sets = {}
    for name in set_names():
        rows = read_set(name)
        ids = [r[0] for r in rows]
        if len(ids) != len(set(ids)):
            problems.append('%s: duplicate ids' % name)
        for i, h, t in rows:
            if not t.strip() or not h.strip():
                problems.append('%s %s: empty holder or text' % (name, i))
        sets[name] = {i: (h, t) for i, h, t in rows}

    for path in sorted(glob.glob(os.path.join(DEMO, '*.json'))):
        key, rows = demo_rows(path)
        if key not in sets:
            problems.append('demo organisation %s has no universe (run tools/build_sets.py)' % key)
        elif [(h, t) for h, t in sets[key].values()] != rows:
            problems.append('%s: differs from %s (run tools/build_sets.py, then review its labels)' % (
                key, os.path.basename(path)))
    for name, file in UK:
        path = os.path.join(SHARED, 'data', 'uk-organograms', file)
        if os.path.exists(path) and [(h, t) for h, t in sets.get(name, {}).values()] != uk_rows(path):
            problems.append('%s: differs from %s' % (name, file))

    pairs = read_pairs()
    seen = {}
    for n, p in enumerate(pairs, 2):
        if len(p) != 5:
            problems.append('pairs.tsv:%d: %d columns' % (n, len(p)))
            continue
        s, a, b, label, reason = p
        where = 'pairs.tsv:%d (%s %s %s)' % (n, s, a, b)
        if s not in sets:
            problems.append(where + ': unknown set')
            continue
        for i in (a, b):
            if i not in sets[s]:
                problems.append(where + ': unknown id ' + i)
        if a == b:
            problems.append(where + ': self pair')
        key = (s, frozenset((a, b)))
        if key in seen:
            problems.append(where + ': also on line %d' % seen[key])
        seen[key] = n
        if label not in LABEL_VALUES:
            problems.append(where + ': label ' + label)
        if not reason.strip():
            problems.append(where + ': no reason')
        if a in sets[s] and b in sets[s] and normalize(sets[s][a][1]) == normalize(sets[s][b][1]):
            problems.append(where + ': EXACT pair (same normal form) must not be labelled')

    splits = {}
    with open(os.path.join(LABELS, 'splits.tsv'), encoding='utf-8') as f:
        assert f.readline().rstrip('\n').split('\t') == ['set', 'split']
        for line in f:
            s, split = line.rstrip('\n').split('\t')
            if s in splits:
                problems.append('splits.tsv: %s twice' % s)
            if split not in ('tune', 'holdout'):
                problems.append('splits.tsv: %s: split %s' % (s, split))
            splits[s] = split
    for s in sets:
        if s not in splits:
            problems.append('splits.tsv: %s missing' % s)
    for s in splits:
        if s not in sets:
            problems.append('splits.tsv: unknown set %s' % s)

    by_set = collections.defaultdict(collections.Counter)
    for s, a, b, label, _ in pairs:
        by_set[s][label] += 1
    total = collections.Counter(p[3] for p in pairs)
    print('%-30s %5s %6s %5s %8s %8s %8s  %s' % ('set', 'lang', 'duties', 'FULL', 'PARTIAL', 'CONTRAST', 'DISTINCT',
                                                  'split'))
    per_split = collections.defaultdict(collections.Counter)
    for s in sorted(sets):
        lang = 'zh' if is_chinese(next(iter(sets[s].values()))[1]) else 'en'
        c = by_set[s]
        print('%-30s %5s %6d %5d %8d %8d %8d  %s' % (s, lang, len(sets[s]), c['FULL'], c['PARTIAL'], c['CONTRAST'],
                                                      c['DISTINCT'], splits.get(s, '?')))
        per_split[splits.get(s, '?')].update(c)
        per_split[splits.get(s, '?') + ' ' + lang].update(c)
    print('total: %d pairs; %s; positives %d, negatives %d' % (
        len(pairs), ', '.join('%s %d' % (l, total[l]) for l in LABEL_VALUES),
        total['FULL'] + total['PARTIAL'], total['CONTRAST'] + total['DISTINCT']))
    for k in sorted(per_split):
        c = per_split[k]
        print('  %-12s %s' % (k, ', '.join('%s %d' % (l, c[l]) for l in LABEL_VALUES)))
    for p in problems:
        print('PROBLEM: ' + p)
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()

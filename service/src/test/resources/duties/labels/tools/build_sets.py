"""Writes orgs/<org key>.tsv for every demo organisation and orgs/uk-dfid-<date>-senior.tsv for the
two UK organogram senior files. The seedNNN-* universes are written by hand from the seed text and
only checked here (every text must occur in its seed once list markers are ignored).

    python3 tools/build_sets.py          # rewrite the generated universes, check the hand-made ones
"""
import csv
import glob
import json
import os
import re
import sys

from common import DEMO, ORGS, SHARED, read_set, set_names

UK = [('uk-dfid-2013-03-senior', 'department_for_international_development-2013-03-31-senior.csv'),
      ('uk-dfid-2013-09-senior', 'department_for_international_development-2013-09-30-senior.csv')]

SEEDS = {'seed000': '000_cccb14fed62c62df.txt', 'seed001': '001_f1002186c10b5d98.txt',
         'seed002': '002_adface64810af4a0.txt'}


def write(name, rows):
    with open(os.path.join(ORGS, name + '.tsv'), 'w', encoding='utf-8') as f:
        f.write('id\tholder\ttext\n')
        for i, (holder, text) in enumerate(rows, 1):
            assert '\t' not in text and '\n' not in text
            f.write('d%03d\t%s\t%s\n' % (i, holder, text))


def demo_rows(path):
    org = json.load(open(path, encoding='utf-8'))
    rows = []
    for kind in ('units', 'positions'):
        for holder in org[kind]:
            for duty in holder.get('duties') or []:
                text = duty if isinstance(duty, str) else duty['text']
                rows.append((holder['name'] if kind == 'units' else holder['title'], text))
    return org['key'], rows


def uk_rows(path):
    rows, seen = [], set()
    with open(path, encoding='utf-8-sig', newline='') as f:
        for r in csv.DictReader(f):
            text = ' '.join(r['Job/Team Function'].split())
            if text and text not in seen:
                seen.add(text)
                rows.append((' '.join(r['Job Title'].split()), text))
    return rows


def squash(s):
    return re.sub(r'\s+', '', s)


def check_seed(name):
    seed = SEEDS[name.split('-')[0]]
    source = squash(open(os.path.join(SHARED, 'seeds', seed), encoding='utf-8').read())
    bad = [(i, t) for i, _, t in read_set(name) if squash(t) not in source]
    for i, t in bad:
        print('%s %s: not verbatim in seeds/%s: %s' % (name, i, seed, t))
    return not bad


def main():
    for path in sorted(glob.glob(os.path.join(DEMO, '*.json'))):
        key, rows = demo_rows(path)
        write(key, rows)
    for name, file in UK:
        write(name, uk_rows(os.path.join(SHARED, 'data', 'uk-organograms', file)))
    ok = all([check_seed(n) for n in set_names() if n.startswith('seed')])
    for n in set_names():
        print('%-32s %3d duties' % (n, len(read_set(n))))
    sys.exit(0 if ok else 1)


if __name__ == '__main__':
    main()

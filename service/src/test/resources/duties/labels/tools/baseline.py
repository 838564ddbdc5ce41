"""Scores the set with the cheapest signal, character-bigram (Chinese) / word-stem (English) Jaccard
over normal forms, the way a scorer is meant to be measured: every within-universe pair is ranked,
pairs not labelled FULL/PARTIAL count as non-overlaps. Prints average precision, and at a few
thresholds the recall of FULL and PARTIAL pairs and the precision over all pairs and over judged
pairs, for all universes and per split. A floor for the real scorer, not a target.

    python3 tools/baseline.py
"""
import collections
import itertools
import os

from candidates import features
from common import LABELS, is_chinese, read_pairs, read_set, set_names


def splits():
    with open(os.path.join(LABELS, 'splits.tsv'), encoding='utf-8') as f:
        f.readline()
        return dict(line.rstrip('\n').split('\t') for line in f)


def scored(names):
    labels = {(s, frozenset((a, b))): l for s, a, b, l, _ in read_pairs()}
    out = []
    for name in names:
        rows = read_set(name)
        feats = {i: features(t) for i, _, t in rows}
        for (a, _, _), (b, _, _) in itertools.combinations(rows, 2):
            fa, fb = feats[a], feats[b]
            j = len(fa & fb) / len(fa | fb) if fa | fb else 0.0
            out.append((j, labels.get((name, frozenset((a, b))))))
    return out


def report(title, out):
    out.sort(key=lambda x: -x[0])
    pos = sum(1 for _, l in out if l in ('FULL', 'PARTIAL'))
    hits, ap = 0, 0.0
    for k, (_, l) in enumerate(out, 1):
        if l in ('FULL', 'PARTIAL'):
            hits += 1
            ap += hits / k
    ap = ap / pos if pos else 0.0
    print('%s: %d pairs, %d positive; average precision %.3f' % (title, len(out), pos, ap))
    n = collections.Counter(l for _, l in out)
    for t in (0.05, 0.10, 0.20, 0.30):
        got = collections.Counter(l for j, l in out if j >= t)
        found = got['FULL'] + got['PARTIAL']
        judged = found + got['CONTRAST'] + got['DISTINCT']
        print('  >= %.2f: full recall %.2f, partial recall %.2f, precision %.2f (all pairs), %.2f (judged pairs)' % (
            t, got['FULL'] / max(1, n['FULL']), got['PARTIAL'] / max(1, n['PARTIAL']),
            found / max(1, sum(got.values())), found / max(1, judged)))


def main():
    sp = splits()
    lang = {s: 'zh' if is_chinese(read_set(s)[0][2]) else 'en' for s in set_names()}
    for language in ('all', 'zh', 'en'):
        for split in ('all', 'tune', 'holdout'):
            names = [s for s in set_names() if language in ('all', lang[s]) and split in ('all', sp.get(s))]
            report('%s universes, %s' % (language, split), scored(names))


if __name__ == '__main__':
    main()

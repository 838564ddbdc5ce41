"""Writes splits.tsv: about one third of the universes, counted by positive (FULL + PARTIAL) pairs,
go to `holdout`, the rest to `tune`, chosen at random with a fixed seed (14, the issue number) so
the split can be regenerated. One of the two English universes is drawn for holdout, then the
Chinese universes are shuffled and taken in that order until the holdout holds at least a third of
all positive pairs.

    python3 tools/splits.py
"""
import collections
import os
import random

from common import LABELS, is_chinese, read_pairs, read_set, set_names

SEED = 14


def main():
    positives = collections.Counter(p[0] for p in read_pairs() if p[3] in ('FULL', 'PARTIAL'))
    names = set_names()
    english = [n for n in names if not is_chinese(read_set(n)[0][2])]
    chinese = [n for n in names if n not in english]
    rng = random.Random(SEED)
    holdout = {rng.choice(english)}
    rng.shuffle(chinese)
    target = sum(positives.values()) / 3
    for name in chinese:
        if sum(positives[n] for n in holdout) >= target:
            break
        holdout.add(name)
    with open(os.path.join(LABELS, 'splits.tsv'), 'w', encoding='utf-8') as f:
        f.write('set\tsplit\n')
        for name in names:
            f.write('%s\t%s\n' % (name, 'holdout' if name in holdout else 'tune'))
    print('holdout: %d of %d universes, %d of %d positive pairs' % (
        len(holdout), len(names), sum(positives[n] for n in holdout), sum(positives.values())))


if __name__ == '__main__':
    main()

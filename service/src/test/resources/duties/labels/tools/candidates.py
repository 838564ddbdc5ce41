"""Prints every pair of a universe ranked by a cheap candidate score, so a reader can go through
all of them (or the top N of a large universe) and label what overlaps. Score: Jaccard of character
bigrams (Chinese) or of word stems (English) over the normal forms; pairs already labelled are
marked with their label, EXACT pairs with '='.

    python3 tools/candidates.py SET [TOP]
    python3 tools/candidates.py SET --word WORD     # every pair where both texts contain WORD
"""
import itertools
import re
import sys

from common import is_chinese, normalize, read_pairs, read_set

EN_STOP = {'the', 'a', 'an', 'of', 'and', 'for', 'to', 'in', 'on', 'with', 'all', 'is', 'are', 'be', 'by', 'as',
           'at', 'its', 'their', 'our', 'from', 'this', 'that', 'which', 'including', 'across', 'through', 'into',
           's'}


def features(text):
    n = normalize(text)
    if is_chinese(text):
        return {n[i:i + 2] for i in range(len(n) - 1)}
    return {w[:5] for w in re.findall(r"[a-z0-9]+", n) if w not in EN_STOP}


def ranked(name):
    rows = read_set(name)
    feats = {i: features(t) for i, _, t in rows}
    out = []
    for (a, ha, ta), (b, hb, tb) in itertools.combinations(rows, 2):
        fa, fb = feats[a], feats[b]
        j = len(fa & fb) / len(fa | fb) if fa | fb else 0.0
        out.append((j, a, b))
    out.sort(key=lambda x: -x[0])
    return rows, out


def main():
    name = sys.argv[1]
    rows, out = ranked(name)
    text = {i: (h, t) for i, h, t in rows}
    labelled = {}
    for s, a, b, label, _ in read_pairs_safe():
        if s == name:
            labelled[frozenset((a, b))] = label
    if len(sys.argv) > 3 and sys.argv[2] == '--word':
        w = sys.argv[3].lower()
        out = [x for x in out if w in text[x[1]][1].lower() and w in text[x[2]][1].lower()]
        top = len(out)
    else:
        top = int(sys.argv[2]) if len(sys.argv) > 2 else len(out)
    for j, a, b in out[:top]:
        mark = '=' if normalize(text[a][1]) == normalize(text[b][1]) else labelled.get(frozenset((a, b)), '')
        print('%.2f %-8s %s %s | %s || %s | %s' % (j, mark, a, text[a][0], text[a][1], text[b][0], text[b][1]))


def read_pairs_safe():
    try:
        return read_pairs()
    except FileNotFoundError:
        return []


if __name__ == '__main__':
    main()

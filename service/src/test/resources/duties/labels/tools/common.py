"""Shared helpers for the labelled duty-pair set: paths, reading the universes, the normal form."""
import csv
import os
import re
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = os.path.dirname(HERE)
ORGS = os.path.join(LABELS, 'orgs')
REPO = os.path.abspath(os.path.join(LABELS, '..', '..', '..', '..', '..', '..'))
DEMO = os.path.join(REPO, 'service', 'src', 'main', 'resources', 'demo')
SHARED = os.environ.get('ORGRAPH_SHARED', os.path.abspath(os.path.join(REPO, '..', 'shared')))

LABEL_VALUES = ('FULL', 'PARTIAL', 'CONTRAST', 'DISTINCT')


def read_set(name):
    """The universe `name` as a list of (id, holder, text)."""
    rows = []
    with open(os.path.join(ORGS, name + '.tsv'), encoding='utf-8') as f:
        header = f.readline().rstrip('\n').split('\t')
        assert header == ['id', 'holder', 'text'], (name, header)
        for n, line in enumerate(f, 2):
            parts = line.rstrip('\n').split('\t')
            assert len(parts) == 3, (name, n, parts)
            rows.append(tuple(parts))
    return rows


def set_names():
    return sorted(f[:-4] for f in os.listdir(ORGS) if f.endswith('.tsv'))


def read_pairs():
    with open(os.path.join(LABELS, 'pairs.tsv'), encoding='utf-8') as f:
        header = f.readline().rstrip('\n').split('\t')
        assert header == ['set', 'a', 'b', 'label', 'reason'], header
        return [line.rstrip('\n').split('\t') for line in f if line.strip()]


# A Python rendering of org.orgraph.duties.DutyText.normalize (the EXACT overlap's normal form),
# close enough to tell which pairs are EXACT and therefore not labelled here.
_LEADING = ['主要负责', '全面负责', '具体负责', '负责', '应当', '需要', '应', '须', '协助', '参与']
_NOT_MODAL = {'应急', '应收', '应付', '应用', '应对', '应聘', '应届', '应变', '应答', '应征', '应税', '应酬', '须知'}
_TRAILING = ['等工作', '等事项', '等事宜', '等等', '等']
_BOUND = '平对同均高中初相优上下次劣一二三特头何超'
_STOP = {'the', 'a', 'an', 'of', 'and', 'for', 'to', 'in', 'on', 'with', 'all'}
_LIST = re.compile(r'^(?:\d{1,2}|[一二三四五六七八九十]{1,3})[).、](?!\d)')
_FIELD = re.compile(r'^(?:主要职责|岗位职责|工作职责|职责|duties|responsibilities)\s*[:]\s*')
_ENG = re.compile(r'^(?:(?:is|are|be)\s+)?(?:(?:mainly|primarily|also)\s+)?(?:responsible\s+for|in\s+charge\s+of|to)\s+')


def _strip_punct(s):
    i = 0
    while i < len(s) and not s[i].isalnum():
        i += 1
    return s[i:]


def _is_break(c):
    return c.isspace() or unicodedata.category(c)[0] in 'PSZ'


def normalize(text):
    s = unicodedata.normalize('NFKC', text).lower().strip()
    s = _strip_punct(s)
    s = _LIST.sub('', s, count=1)
    s = _strip_punct(s)
    s = _FIELD.sub('', s, count=1)
    s = _ENG.sub('', s, count=1)
    for lead in _LEADING:
        if s.startswith(lead) and len(s) > len(lead) + 1 and s[:len(lead) + 1] not in _NOT_MODAL:
            s = s[len(lead):]
            break
    han = sum(1 for c in s if '\u4e00' <= c <= '\u9fff' or '\u3400' <= c <= '\u4dbf')
    letters = sum(1 for c in s if c.isalnum())
    cjk = han * 2 >= letters
    words, cur = [], ''
    for c in s + ' ':
        if _is_break(c):
            if cur and cur not in _STOP:
                words.append(cur)
            cur = ''
        else:
            cur += c
    s = ('' if cjk else ' ').join(words)
    if cjk:
        for tail in _TRAILING:
            if s.endswith(tail) and len(s) > len(tail) + 1:
                rest = s[:-len(tail)]
                if not (tail == '等' and rest[-1] in _BOUND):
                    s = rest
                break
    return s


def is_chinese(text):
    han = sum(1 for c in text if '\u4e00' <= c <= '\u9fff')
    return han * 2 >= sum(1 for c in text if c.isalnum())

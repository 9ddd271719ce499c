#!/usr/bin/env python3
"""Checks the corpus table fixtures against corpus/text: the cited line starts the row (its code digits, 合计/总计,
or its income/三公 label) and every printed value occurs within the next 15 lines (numbers the converter split,
`864.4` / `0`, are joined). Prints the rows that fail. Usage: python3 tests/DisclosureExtract.Tests/Validation/Corpus/check_corpus_tables.py"""
import re, os
ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', '..'))
bad = total = 0
for doc in ['tekes-2023', 'bayingol-2023', 'shanshan-2024', 'kizilsu-2025']:
    text = [re.sub(r'\s+', ' ', re.sub(r'<[^>]+>', '', l)).strip() for l in open(os.path.join(ROOT, 'corpus/text', doc + '.txt'), encoding='utf-8').read().split('\n')]
    for l in open(os.path.join(ROOT, 'tests/DisclosureExtract.Tests/Validation/Corpus', doc + '.tables.tsv'), encoding='utf-8'):
        f = l.rstrip('\n').split('\t')
        if f[0] != 'row':
            continue
        total += 1
        line = int(f[6]); first = text[line - 1]
        code, key, name = f[1], f[2], f[4]
        if code != '-':
            parts = [code[:3]] + [code[i:i + 2] for i in range(3, len(code), 2)]
            ok = re.sub(r'\s', '', first).find(''.join(parts)) >= 0 or first.startswith(' '.join(parts)) or code[:3] + re.sub(r'\s', '', name)[:4] in re.sub(r'\s', '', first)
        elif key in ('total',):
            ok = re.sub(r'\s', '', first).startswith(('合计', '总计'))
        else:
            ok = re.sub(r'\s', '', name)[:5] in re.sub(r'\s', '', first)
        vals = [kv.split('=')[1] for kv in f[7].split()] if len(f) > 7 and f[7] else []
        window = ' '.join(text[line - 1:line + 15])
        joined = re.sub(r'(\d+\.\d)\s+(\d)\b', r'\1\2', window)
        toks = {t.replace(',', '') for w in (window, joined) for t in re.findall(r'[\d,]+(?:\.\d+)?', w)}
        missing = [v for v in vals if v not in toks]
        if not ok or missing:
            bad += 1
            print(doc, line, code, key, 'line does not start the row' if not ok else '', 'missing', missing, '|', first[:60])
print(f'{bad} of {total} rows fail')

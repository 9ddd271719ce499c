#!/usr/bin/env python3
"""Builds src/DisclosureExtract.Core/Reference/catalog.csv (see docs/validation.md).

Inputs:
  ../shared/reference/observed_{function,economic}_codes.csv  (codes and names read from the table rows of about 190
      published budget / final-accounts PDFs of many provinces, with the variants other documents print; their
      sources are in ../shared/reference/README.md)
  ../shared/reference/function_classes.csv  (every 类 of the function classification, 201-234)
  corpus/html/*.html  (the four corpus documents; every table cell in its column) for codes and names,
  corpus/text/*.txt   for the line that cites each corpus entry.
Names seen in the corpus that are known to be wrong or outdated are listed in EXCLUDED with the reason;
they stay out of the catalog so that the validator reports them.
Usage: python3 src/DisclosureExtract.Core/Reference/build_catalog.py /work/shared/reference > src/DisclosureExtract.Core/Reference/catalog.csv
"""
import csv, re, sys, io, os
from html.parser import HTMLParser

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..'))
DOCS = ['tekes-2023', 'bayingol-2023', 'shanshan-2024', 'kizilsu-2025']
EXCLUDED = {
    ('function', '234', '抗疫特别国债还本支出'): 'tekes-2023 表4 only; 表1 of the same document and the other documents print 抗疫特别国债安排的支出 (抗疫特别国债还本支出 is the name of 款 23104 under 231)',
    ('economic', '30110', '城镇职工基本医疗保险缴费'): 'tekes-2023 only; the reference list and the 2024/2025 documents print 职工基本医疗保险缴费 (the current name)',
}

class Rows(HTMLParser):
    def __init__(self):
        super().__init__(); self.rows = []; self.row = None; self.cell = None; self.tno = None; self.text = []
    def handle_starttag(self, t, a):
        if t == 'tr': self.row = []
        elif t in ('td', 'th'): self.cell = []
    def handle_endtag(self, t):
        if t == 'tr' and self.row is not None: self.rows.append((self.tno, self.row)); self.row = None
        elif t in ('td', 'th') and self.cell is not None: self.row.append(''.join(self.cell).strip()); self.cell = None
    def handle_data(self, d):
        if self.cell is not None: self.cell.append(d)
        else:
            m = re.fullmatch(r'\s*表(\d+)\s*', d)
            if m: self.tno = int(m.group(1))

def corpus_names():
    out = {}
    for doc in DOCS:
        p = Rows(); p.feed(open(os.path.join(ROOT, 'corpus/html', doc + '.html'), encoding='utf-8').read())
        text = open(os.path.join(ROOT, 'corpus/text', doc + '.txt'), encoding='utf-8', errors='replace').read().split('\n')
        for tno, cells in p.rows:
            found = []
            if len(cells) >= 3 and re.fullmatch(r'\d{3}', cells[0]):
                if tno == 6: found.append(('economic', cells[0] + cells[1], cells[2]))
                elif len(cells) >= 4: found.append(('function', cells[0] + cells[1] + cells[2], re.sub(r'^\d{2}\s*', '', cells[3]) if cells[2] else cells[3]))
            if tno in (1, 4):
                for c in cells:
                    m = re.fullmatch(r'(\d{3})\s*(\D+)', c)
                    if m: found.append(('function', m.group(1), m.group(2).strip()))
            for cls, code, name in found:
                name = re.sub(r'\s+', '', name)
                line = next((i + 1 for i, l in enumerate(text) if name in re.sub(r'\s+', '', l)), None)
                key = (cls, code, name)
                if key in EXCLUDED: continue
                out.setdefault(key, [])
                cite = f'{doc}.txt:{line}' if line else f'{doc}.html'
                if cite not in out[key]: out[key].append(cite)
    return out

def level(code):
    return {3: '类', 5: '款', 7: '项'}[len(code)]

def main():
    ref = sys.argv[1]
    entries = {}
    def add(key, source):
        if key in EXCLUDED: return
        entries.setdefault(key, [])
        if source not in entries[key]: entries[key].append(source)
    for cls, fn in (('function', 'observed_function_codes.csv'), ('economic', 'observed_economic_codes.csv')):
        for r in csv.DictReader(open(os.path.join(ref, fn), encoding='utf-8')):
            name = re.sub(r'\s+', '', r['name'])
            add((cls, r['code'], name), f"shared/reference/{fn} ({r['n_docs']} documents)")
            for v in filter(None, (r.get('variants') or '').split(';')):
                vname, _, n = v.rpartition(':')
                add((cls, r['code'], re.sub(r'\s+', '', vname)), f"shared/reference/{fn} (variant, {n} documents)")
    for r in csv.DictReader(open(os.path.join(ref, 'function_classes.csv'), encoding='utf-8')):
        seen = f"{r['n_docs_coded']} documents with the code, " if r['seen'] == 'yes' else 'code from the order of the 类 list, '
        add(('function', r['code'], re.sub(r'\s+', '', r['name'])), f"shared/reference/function_classes.csv ({seen}{r['n_docs_listed']} documents list it)")
    for key, cites in corpus_names().items():
        add(key, 'corpus ' + ' '.join(cites))
    w = csv.writer(sys.stdout, lineterminator='\n')
    w.writerow(['classification', 'code', 'level', 'name', 'source'])
    for (cls, code, name), src in sorted(entries.items()):
        w.writerow([cls, code, level(code), name, '; '.join(src)])

main()

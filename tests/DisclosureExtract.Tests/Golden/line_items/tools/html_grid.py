#!/usr/bin/env python3
"""Print every <table> of an HTML file as a grid (rowspan/colspan expanded), cells separated by ' | '.
Used to hand-check which column each printed number belongs to."""
import sys
from html.parser import HTMLParser

class P(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables = []; self.stack = []; self.cell = None; self.text = []; self.before = []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'table':
            self.stack.append({'rows': [], 'cls': a.get('class', ''), 'before': ' / '.join(self.before[-4:])})
        elif tag == 'tr' and self.stack:
            self.stack[-1]['rows'].append([])
        elif tag in ('td', 'th') and self.stack:
            self.cell = {'rs': int(a.get('rowspan', 1)), 'cs': int(a.get('colspan', 1)), 't': ''}
        elif tag == 'br' and self.cell is not None:
            self.cell['t'] += ' '
    def handle_endtag(self, tag):
        if tag in ('td', 'th') and self.cell is not None and self.stack:
            self.stack[-1]['rows'][-1].append(self.cell); self.cell = None
        elif tag == 'table' and self.stack:
            self.tables.append(self.stack.pop())
    def handle_data(self, d):
        if self.cell is not None:
            self.cell['t'] += d
        elif not self.stack and d.strip():
            self.before.append(d.strip())

def grid(rows):
    out = []; pending = {}
    for r, row in enumerate(rows):
        line = []; c = 0; it = iter(row)
        cells = list(row); i = 0
        while i < len(cells) or (r, c) in pending:
            if (r, c) in pending:
                line.append(pending.pop((r, c))); c += 1; continue
            cell = cells[i]; i += 1
            t = ' '.join(cell['t'].split())
            for k in range(cell['cs']):
                line.append(t if k == 0 else '<')
                for dr in range(1, cell['rs']):
                    pending[(r + dr, c)] = '^'
                c += 1
        out.append(line)
    return out

p = P(); p.feed(open(sys.argv[1], encoding='utf-8').read())
for n, t in enumerate(p.tables):
    print(f'=== table {n} class={t["cls"]} before: {t["before"]}')
    for i, line in enumerate(grid(t['rows'])):
        print(f'{i:3d}: ' + ' | '.join(f'{j}:{x}' for j, x in enumerate(line) if x not in ('',)))

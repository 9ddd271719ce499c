#!/usr/bin/env python3
"""Derive the expected line items of a corpus document from its HTML rendering.

The HTML (corpus/html/<doc>.html) has real <table> grids with every cell in its column, so it is an independent
source for which column each printed number belongs to. This script reads the grids (rowspan/colspan expanded by
html_grid.py) and writes the line_items columns checked by the golden test. It does NOT use the program.
Usage: html_expected.py corpus/html/<doc>.html > <doc>.csv   (then every difference to the text was checked by hand)
"""
import csv, re, sys, unicodedata
from html.parser import HTMLParser

def norm(s):
    return re.sub(r'\s+', '', unicodedata.normalize('NFKC', s or ''))

class P(HTMLParser):
    def __init__(self):
        super().__init__(); self.items = []; self.stack = []; self.cell = None; self.buf = ''
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'table':
            self.flush(); self.stack.append({'rows': [], 'cls': a.get('class', '')})
        elif tag == 'tr' and self.stack: self.stack[-1]['rows'].append([])
        elif tag in ('td', 'th') and self.stack:
            self.cell = {'rs': int(a.get('rowspan', 1)), 'cs': int(a.get('colspan', 1)), 't': ''}
        elif tag in ('p', 'h1', 'h2', 'h3', 'h4', 'div', 'br') and not self.stack: self.flush()
    def handle_endtag(self, tag):
        if tag in ('td', 'th') and self.cell is not None and self.stack:
            self.stack[-1]['rows'][-1].append(self.cell); self.cell = None
        elif tag == 'table' and self.stack:
            t = self.stack.pop(); self.items.append(('table', t))
        elif tag in ('p', 'h1', 'h2', 'h3', 'h4', 'div') and not self.stack: self.flush()
    def handle_data(self, d):
        if self.cell is not None: self.cell['t'] += d
        elif not self.stack: self.buf += d
    def flush(self):
        if self.buf.strip(): self.items.append(('text', self.buf.strip()))
        self.buf = ''

def grid(rows):
    out = []; pending = {}
    for r, row in enumerate(rows):
        line = []; c = 0; i = 0
        while i < len(row) or (r, c) in pending:
            if (r, c) in pending:
                line.append(pending.pop((r, c))); c += 1; continue
            cell = row[i]; i += 1
            t = ' '.join(cell['t'].split())
            for k in range(cell['cs']):
                line.append(t if k == 0 else '')
                for dr in range(1, cell['rs']):
                    pending[(r + dr, c)] = ''
                c += 1
        out.append(line)
    return out

KEYS = {1: 'income_expenditure_summary', 2: 'income_summary', 3: 'expenditure_summary', 4: 'fiscal_appropriation_summary',
        5: 'general_budget_expenditure', 6: 'general_budget_basic_expenditure', 7: 'general_budget_project_expenditure',
        8: 'government_fund_expenditure', 9: 'state_capital_expenditure', 10: 'three_public_expenses', 11: 'prior_year_carryover'}
LABELS = {
    'total': ['总计', '合计', '项目支出合计'], 'fiscal_subtotal': ['财政拨款(补助)小计'], 'general_budget': ['一般公共预算'],
    'general_budget_transfer': ['上级一般公共预算安排的转移支付'], 'gov_fund': ['政府性基金预算', '政府性基金'],
    'gov_fund_transfer': ['上级政府性基金安排的转移支付'], 'state_capital': ['国有资本经营预算'],
    'state_capital_transfer': ['上级国有资本经营预算安排的转移支付'], 'special_account': ['财政专户(教育收费)', '财政专户(教育费)'],
    'unit_funds': ['单位资金'], 'fiscal_carryover': ['财政拨款结转'], 'non_fiscal_carryover': ['非财政拨款结转结余'],
    'basic': ['基本支出'], 'project': ['项目支出'], 'personnel': ['人员经费'], 'public_use': ['公用经费'],
    'wages_welfare': ['工资福利支出'], 'goods_services': ['商品和服务支出'], 'household_subsidy': ['对个人和家庭的补助'],
    'debt_interest': ['债务利息及费用支出'], 'capital_construction': ['资本性支出(基本建设)'], 'capital': ['资本性支出'],
    'enterprise_subsidy_construction': ['对企业补助(基本建设)'], 'enterprise_subsidy': ['对企业补助'],
    'social_security_fund_subsidy': ['对社会保障基金补助'], 'other': ['其他支出'],
}
LABEL_TO_KEY = {l: k for k, ls in LABELS.items() for l in ls}
AMOUNT = re.compile(r'^-?\d[\d,]*(\.\d+)?$')

def income_key(label, state):
    t = norm(label)
    t = re.sub(r'^其中:', '', t)
    t = re.sub(r'^([一二三四五六七八九十]+、|\d+[.、])', '', t)
    h = lambda s: s in t
    if h('收入总计'): return 'income_total'
    if h('本年收入'): state['s'] = ''; return 'current_income'
    if h('上年结转'): state['s'] = ''; return 'carryover'
    if h('非财政拨款结'): state['s'] = 'nf'; return 'non_fiscal_carryover'
    if h('财政拨款结转'): state['s'] = 'fc'; return 'fiscal_carryover'
    fc = state['s'] == 'fc'
    for word, key in [('一般财力', 'general_revenue'), ('上级一般公共预算', 'general_budget_transfer'), ('上级政府性基金', 'gov_fund_transfer'),
                      ('上级国有资本', 'state_capital_transfer'), ('政府性基金收入', 'gov_fund_revenue'), ('国有资本经营收入', 'state_capital_revenue')]:
        if h(word): return key
    if h('一般公共预算'): return 'fiscal_carryover_general_budget' if fc else 'general_budget_appropriation'
    if h('基金预算'): return 'fiscal_carryover_gov_fund' if fc else 'gov_fund_appropriation'
    if h('国有资本经营预算'): return 'fiscal_carryover_state_capital' if fc else 'state_capital_appropriation'
    for word, key in [('财政专户', 'special_account'), ('事业单位经营收入', 'operating_income'), ('事业收入', 'business_income'),
                      ('上级补助收入', 'superior_subsidy'), ('附属单位上缴', 'subsidiary_income'), ('其他收入', 'other_income'),
                      ('单位资金', 'unit_funds'), ('财政拨款', 'fiscal_appropriation')]:
        if h(word): return key
    return 'UNKNOWN:' + t

def named_key(label):
    t = re.sub(r'^其中:', '', norm(label))
    for word, key in [('合计', 'total'), ('因公出国', 'overseas_travel'), ('公务接待', 'reception'), ('购置及运行', 'vehicles'),
                      ('公务用车购置', 'vehicle_purchase'), ('公务用车运行', 'vehicle_operation'), ('机关运行经费', 'operating_expenses')]:
        if word in t: return key
    return 'UNKNOWN:' + t

def squeeze(s):
    """Printed text with white space removed (names are output as printed: full-width brackets stay)."""
    return re.sub(r'[\s\u3000]+', '', s or '')

def level(code):
    return {3: '类', 5: '款', 7: '项'}.get(len(code), '')

def cny(amount, unit):
    from decimal import Decimal
    v = Decimal(amount) * (10000 if unit == '万元' else 1)
    s = format(v, 'f')
    return s.rstrip('0').rstrip('.') if '.' in s else s

def main(path):
    p = P(); p.feed(open(path, encoding='utf-8').read()); p.flush()
    out = []
    texts = []; unit = '万元'
    for kind, item in p.items:
        if kind == 'text': texts.append(item); continue
        g = grid(item['rows'])
        if 'unitline' in item['cls']:
            for c in g[0]:
                m = re.search(r'单位[:：]\s*(万元|元)', c)
                if m: unit = m.group(1)
            continue
        if item['cls'] != 'bt': continue
        no = None
        for t in reversed(texts[-4:]):
            m = re.match(r'^表\s*(\d+)', norm(t))
            if m: no = int(m.group(1)); break
        if no is None: continue
        key = KEYS[no]
        # header rows: until the first row with an amount
        first = next((i for i, r in enumerate(g) if any(AMOUNT.match(norm(c)) and len(norm(c)) != 3 or '.' in c for c in r[1:] if c)), len(g))
        colmap = {}
        for r in g[:first]:
            for j, c in enumerate(r):
                k = LABEL_TO_KEY.get(norm(c))
                if k: colmap[j] = k
        state = {'s': ''}
        for r in g[first:]:
            cells = [norm(c) for c in r]
            printed = [squeeze(c) for c in r]
            if no in (1, 4):
                inc_label, inc_amt = cells[0], cells[1] if len(cells) > 1 else ''
                if inc_label:
                    k = income_key(inc_label, state)
                    if inc_amt:
                        out.append([no, key, '', '', k, printed[0], '', 'amount' if no == 1 else 'total', inc_amt, unit])
                lab = cells[2] if len(cells) > 2 else ''
                if not lab: continue
                m = re.match(r'^(\d{3})(.*)$', lab)
                code, name, rk = (m.group(1), printed[2][3:], '') if m else ('', printed[2], 'expenditure_total')
                for j in range(3, len(cells)):
                    if cells[j]:
                        col = 'amount' if no == 1 else colmap[j]
                        out.append([no, key, code, level(code), rk, name, '', col, cells[j], unit])
                continue
            if no == 10:
                lab = cells[0]
                for j in range(1, len(cells)):
                    if cells[j]:
                        out.append([no, key, '', '', named_key(lab), printed[0], '', colmap[j], cells[j], unit])
                continue
            namecol = next(j for j, c in enumerate(cells) if re.search(r'[\u4e00-\u9fff]', c))
            code = ''.join(c for c in cells[:namecol] if c.isdigit())
            name = printed[namecol]
            rk = 'total' if not code and cells[namecol] in ('合计', '总计') else ''
            project = ''
            money_from = namecol + 1
            if no == 7:
                project = printed[namecol + 1] if namecol + 1 < len(cells) and not AMOUNT.match(cells[namecol + 1] or 'x') else ''
                money_from = max(money_from, min(colmap) if colmap else money_from)
            for j in range(money_from, len(cells)):
                if cells[j] and j in colmap:
                    out.append([no, key, code, level(code), rk, name, project, colmap[j], cells[j], unit])
                elif cells[j] and j not in colmap and AMOUNT.match(cells[j]):
                    out.append([no, key, code, level(code), rk, name, project, 'UNMAPPED%d' % j, cells[j], unit])
        texts = []
    w = csv.writer(sys.stdout, lineterminator='\n')
    w.writerow(['table_no', 'table_key', 'code', 'code_level', 'row_key', 'item_name', 'project_name', 'column_key', 'amount', 'unit', 'amount_cny'])
    for row in out:
        row[8] = row[8].replace(',', '')
        w.writerow(row + [cny(row[8], row[9])])

main(sys.argv[1])

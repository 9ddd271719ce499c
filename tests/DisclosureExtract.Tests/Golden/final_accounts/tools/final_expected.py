#!/usr/bin/env python3
"""Golden line items of a final-accounts (决算) PDF, made from the PDF reader's grid and checked independently.

Usage:
    disclosure-extract inspect FILE.pdf --show lines > FILE.lines
    final_expected.py FILE.lines FILE.pdf DOCUMENT_ID > Golden/final_accounts/DOCUMENT_ID.csv   (checks go to stderr)

1. Rows come from the reader's grid (the cells of each line, by grid column): the tables by their printed titles,
   the column of an amount from the header labels printed over its grid column (spanning labels carried over the
   columns they cover), codes from the code column, uncoded rows and 类 rows printed by name from the label tables
   below. This shares no code with the C# recognizer (its catalog, row keys or reference catalog).
2. The amounts are compared with an independent reading by pdftotext -layout (poppler): per table, the multiset of
   amounts printed on its pages (from its title to its 注 line) is the multiset of amounts in its grid rows.
3. The columns and rows are confirmed by arithmetic: every row identity of the table, every 类/款 row against its
   children, the 合计 against the 类 rows, both sides of the summary tables, and the block totals of 表6. The
   differences are printed; the publisher's roundings (≤ 0.02) are expected and listed in the golden file's header.
"""
import collections
import csv
import re
import subprocess
import sys
from decimal import Decimal

TITLES = [  # printed title (suffix, white space removed) → table_no, table_key
    ("一般公共预算财政拨款基本支出决算表", 6, "final_general_budget_basic_expenditure"),
    ("一般公共预算财政拨款支出决算表", 5, "final_general_budget_expenditure"),
    ("政府性基金预算财政拨款收入支出决算表", 8, "final_government_fund"),
    ("国有资本经营预算财政拨款收入支出决算表", 9, "final_state_capital"),
    ("财政拨款收入支出决算总表", 4, "final_fiscal_appropriation_summary"),
    ("“三公”经费支出决算表", 7, "final_three_public_expenses"),
    ("收入支出决算总表", 1, "final_income_expenditure_summary"),
    ("收入决算表", 2, "final_income"),
    ("支出决算表", 3, "final_expenditure"),
]

# header label → column key (per table number; "*" for all)
COLUMNS = {
    "*": {"本年收入合计": "total", "本年支出合计": "total", "合计": "total", "小计": "total", "基本支出": "basic", "项目支出": "project"},
    1: {"决算数": "amount"},
    2: {"财政拨款收入": "fiscal_subtotal", "上级补助收入": "superior_subsidy", "事业收入": "business_income", "经营收入": "operating_income",
        "附属单位上缴收入": "subsidiary_income", "其他收入": "other_income"},
    3: {"上缴上级支出": "remit_to_superior", "经营支出": "operating_expenditure", "对附属单位补助支出": "subsidiary_subsidy"},
    4: {"决算数": "total", "金额": "total", "一般公共预算财政拨款": "general_budget", "政府性基金预算财政拨款": "gov_fund", "国有资本经营预算财政拨款": "state_capital"},
    6: {"决算数": "total", "金额": "total"},
    7: {"预算数": "budget", "决算数": "final"},
    8: {"年初结转和结余": "opening_balance", "本年收入": "income", "年末结转和结余": "closing_balance"},
}
COLUMNS[9] = COLUMNS[8]
LABEL_COLUMNS = {"项目", "功能分类科目编码", "科目名称", "经济分类科目编码", "行次", "栏次"}
GROUP_LABELS = {"收入", "支出", "人员经费", "公用经费", "预算数", "决算数", "本年支出"}  # header rows over the columns

THREE_PUBLIC = [("合计", "total"), ("因公出国", "overseas_travel"), ("购置及运行", "vehicles"), ("公务用车购置费", "vehicle_purchase"),
                ("公务用车运行", "vehicle_operation"), ("公务接待费", "reception")]

INCOME_ROWS = [  # (label contains, key) for uncoded rows of 表1 / 表4, first match wins; side-specific keys below
    ("本年收入合计", "current_income_total"), ("本年支出合计", "current_expenditure_total"),
    ("使用非财政拨款结余", "non_fiscal_balance_used"), ("用事业基金弥补收支差额", "non_fiscal_balance_used"),
    ("年初财政拨款结转和结余", "opening_fiscal_balance"), ("年末财政拨款结转和结余", "closing_fiscal_balance"),
    ("年初结转和结余", "opening_balance"), ("年末结转和结余", "closing_balance"), ("结余分配", "surplus_distribution"),
    ("一般公共预算财政拨款", "general_budget_appropriation"), ("政府性基金预算财政拨款", "gov_fund_appropriation"),
    ("国有资本经营预算财政拨款", "state_capital_appropriation"), ("上级补助收入", "superior_subsidy"), ("事业收入", "business_income"),
    ("经营收入", "operating_income"), ("附属单位上缴收入", "subsidiary_income"), ("其他收入", "other_income"),
]
OPENING_SUBROWS = {"一般公共预算财政拨款": "opening_fiscal_balance_general_budget", "政府性基金预算财政拨款": "opening_fiscal_balance_gov_fund",
                   "国有资本经营预算财政拨款": "opening_fiscal_balance_state_capital"}

CLASSES = {  # 类 names printed on the expenditure side of 表1 / 表4 (2019 and 2024 templates) → code
    "一般公共服务支出": "201", "外交支出": "202", "国防支出": "203", "公共安全支出": "204", "教育支出": "205", "科学技术支出": "206",
    "文化旅游体育与传媒支出": "207", "社会保障和就业支出": "208", "卫生健康支出": "210", "节能环保支出": "211", "城乡社区支出": "212",
    "农林水支出": "213", "交通运输支出": "214", "资源勘探工业信息等支出": "215", "资源勘探信息等支出": "215", "商业服务业等支出": "216",
    "金融支出": "217", "援助其他地区支出": "219", "自然资源海洋气象等支出": "220", "住房保障支出": "221", "粮油物资储备支出": "222",
    "国有资本经营预算支出": "223", "灾害防治及应急管理支出": "224", "其他支出": "229", "抗疫特别国债安排的支出": "234",
}

AMOUNT = re.compile(r"^-?\d[\d,]*(\.\d+)?$")
DECIMAL = re.compile(r"-?\d[\d,]*\.\d+")
LINE = re.compile(r"^(\d+):(\d+)\s+(.*)$")
NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|\d+[.、])")


def squeeze(s):
    return re.sub(r"\s+", "", s)


def read_lines(path):
    out = []
    for raw in open(path, encoding="utf-8"):
        m = LINE.match(raw.rstrip("\n"))
        if not m:
            continue
        page, num, rest = int(m.group(1)), int(m.group(2)), m.group(3)
        cells = None
        if " ‖ " in rest:
            text, grid = rest.split(" ‖ ", 1)
            cells = {}
            for part in grid.split(" | "):
                cm = re.match(r"^\[(\d+)\](.*)$", part.strip())
                if cm:
                    cells[int(cm.group(1))] = cm.group(2).strip()
        else:
            text = rest
        out.append((page, num, text.strip(), cells))
    return out


def title_of(text):
    t = squeeze(text)
    for title, no, key in TITLES:
        if t.endswith(title) and len(t) <= len(title) + 12 and "第二部分" not in t and not NUMBERING.match(t):  # not a contents entry
            return no, key, t
    return None


def tables(lines):
    """(no, key, title, unit, [cell lines]) per table; a title repeated on a continuation page continues the table."""
    result, current = [], None
    for page, num, text, cells in lines:
        if cells is None:
            t = title_of(text)
            if t and (current is None or current[1] != t[1] or current[5]):
                current = [t[0], t[1], t[2], "万元", [], False]
                result.append(current)
                continue
            if current is not None and ("单位：元" in text or "单位:元" in text):
                current[3] = "元"
            if current is not None and squeeze(text).startswith(("注：", "注:")):
                current[5] = True  # the table ends at its note
            continue
        if current is not None and not current[5]:
            current[4].append((page, num, cells))
    return [(n, k, t, u, rows) for n, k, t, u, rows, _ in result]


def is_amount(s):
    return bool(AMOUNT.match(s)) and s not in ("",)


def is_data(cells):
    return any(DECIMAL.fullmatch(v) for v in cells.values())


def column_number_row(cells):
    vals = [v for v in cells.values() if v]
    return vals and all(re.fullmatch(r"\d+|栏\s*次", v) for v in vals)


def header_paths(header_rows, width):
    """Per grid column: the labels over it, top to bottom. A label covers the empty cells to its right as far as the
    label above it reaches (a label starting left of the label above belongs to another group)."""
    paths = {c: [] for c in range(width)}
    group = {c: 0 for c in range(width)}  # where the label over the column in the row above starts
    for cells in header_rows:
        for c in range(width):
            if cells.get(c, ""):
                start = c
            else:
                left = next((k for k in range(c - 1, -1, -1) if cells.get(k, "")), None)
                start = left if left is not None and left >= group[c] else None
            if start is None:
                continue
            label = squeeze(cells[start])
            if not paths[c] or paths[c][-1] != label:
                paths[c].append(label)
            group[c] = start
    return paths


def key_of(no, label):
    return COLUMNS.get(no, {}).get(label) or COLUMNS["*"].get(label)


def level(code):
    return {3: "类", 5: "款", 7: "项"}.get(len(code), "")


def main():
    lines_path, pdf, doc_id = sys.argv[1:4]
    out, printed_by_table = [], {}
    for no, key, title, unit, rows in tables(read_lines(lines_path)):
        width = max((max(c.keys()) + 1 for _, _, c in rows), default=0)
        header, first_total, paths, printed = [], None, None, []
        opening, data_page = False, None
        for page, num, cells in rows:
            if column_number_row(cells):
                continue
            if not is_data(cells):
                if data_page is None or (page != data_page and (header or any(squeeze(v) in LABEL_COLUMNS | GROUP_LABELS or key_of(no, squeeze(v)) for v in cells.values()))):
                    header.append(cells)  # a header row (also the header repeated on a continuation page)
                continue  # after a page's first row of amounts: a row without amounts
            data_page = page
            if header:
                paths = header_paths(header, width)
                header = []
            printed += [v for v in cells.values() if DECIMAL.fullmatch(v)]
            labels = {c: paths[c][-1] if paths[c] else "" for c in range(width)}
            label_cols = [c for c in range(width) if labels[c] in LABEL_COLUMNS or labels[c] == ""]
            # blocks side by side (表6) and the two sides of 表1 / 表4: a new block starts at a code or 项目 column after an amount column
            blocks, seen_money = [[]], False
            for c in range(width):
                if labels[c] in ("项目", "功能分类科目编码", "经济分类科目编码") and seen_money and no in (1, 4, 6):
                    blocks.append([])
                    seen_money = False
                if key_of(no, labels[c]) or (no == 7 and any(p in COLUMNS[7] for p in paths[c])):
                    seen_money = True
                blocks[-1].append(c)
            for b, cols in enumerate(blocks):
                text_cells = [cells.get(c, "") for c in cols if c in label_cols and labels[c] not in ("行次", "栏次")]
                code = next((squeeze(t) for t in text_cells if re.fullmatch(r"\d{3}(\d\d){0,2}", squeeze(t))), "")
                name = next((squeeze(t) for t in text_cells if t and not re.fullmatch(r"\d+", squeeze(t))), "")
                amounts = [(c, cells.get(c, "")) for c in cols if c not in label_cols and is_amount(cells.get(c, ""))]
                if not amounts:
                    continue
                row_key, side = "", ""
                if no in (1, 4):
                    side = "income" if b == 0 else "expenditure"
                    bare = NUMBERING.sub("", name)
                    if side == "expenditure" and bare in CLASSES:
                        code = CLASSES[bare]
                    elif name == "总计":
                        row_key = "income_total" if side == "income" else "expenditure_total"
                    else:
                        if "年初财政拨款结转和结余" in name:
                            opening = True
                        if opening and side == "income" and bare in OPENING_SUBROWS:
                            row_key = OPENING_SUBROWS[bare]
                        else:
                            row_key = next((k for w, k in INCOME_ROWS if w in name), None) or sys.exit(f"表{no} page {page} line {num}: no row key for {name!r} ({side})")
                elif no == 7:
                    pass
                elif not code:
                    row_key = {"合计": "total", "人员经费合计": "personnel_total", "公用经费合计": "public_use_total"}[name]
                if row_key == "total" and no != 7:
                    sig = tuple(amounts)
                    if first_total is None:
                        first_total = sig
                    elif sig == first_total:
                        continue  # the 合计 a continuation page prints again
                for c, v in amounts:
                    path = paths[c]
                    if no == 7:
                        col = next(COLUMNS[7][p] for p in reversed(path) if p in COLUMNS[7])
                        item = next(k for p in reversed(path) for w, k in THREE_PUBLIC if w in p and not (p == "小计"))
                        out.append((doc_id, no, key, "", "", item, "/".join(p for p in path if p not in COLUMNS[7]), col, "/".join(path), v, unit, page))
                        continue
                    col = key_of(no, path[-1])
                    if col is None:
                        raise SystemExit(f"表{no} page {page} line {num}: no column for header {path}")
                    out.append((doc_id, no, key, code, level(code) if code else "", row_key, name, col, "/".join(path), v.replace(",", ""), unit, page))
        printed_by_table[(no, key)] = (printed, sorted({r[-1] for r in out if r[1] == no}))
    check_pdftotext(pdf, lines_path, printed_by_table)
    check_arithmetic(out)
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["document_id", "table_no", "table_key", "code", "code_level", "row_key", "item_name", "column_key", "column_label", "amount", "unit", "source_page"])
    w.writerows(out)


def check_pdftotext(pdf, lines_path, printed_by_table):
    """Per table: the amounts pdftotext -layout prints on its pages, from the title to the 注 line, are the grid's."""
    diffs = 0
    for (no, key), (printed, pages) in printed_by_table.items():
        tokens = []
        for p in pages:
            text = subprocess.run(["pdftotext", "-layout", "-f", str(p), "-l", str(p), pdf, "-"], capture_output=True, text=True, check=True).stdout
            body = text.split("注：")[0]
            tokens += DECIMAL.findall(body)
        a, b = collections.Counter(tokens), collections.Counter(printed)
        if a != b:
            diffs += 1
            print(f"pdftotext 表{no}: only pdftotext {dict(a - b)}; only grid {dict(b - a)}", file=sys.stderr)
    print(f"pdftotext: {len(printed_by_table)} tables compared, {diffs} with differences", file=sys.stderr)


def check_arithmetic(out):
    cells = collections.defaultdict(dict)  # (table_no, row) → column → amount
    for r in out:
        row = r[3] or r[5]
        cells[(r[1], row)][r[7]] = Decimal(r[9])
    checks, fails = 0, []

    def eq(what, left, parts, signs=None):
        nonlocal checks
        checks += 1
        total = sum((s * p for s, p in zip(signs or [1] * len(parts), parts)), Decimal(0))
        if left != total:
            fails.append(f"{what}: printed {left}, sum {total}, difference {left - total}")

    def get(no, row, col):
        return cells.get((no, row), {}).get(col, Decimal(0))

    tables = sorted({k[0] for k in cells})
    for no in tables:
        rows = {k[1]: v for k, v in cells.items() if k[0] == no}
        cols = sorted({c for v in rows.values() for c in v})
        coded = [r for r in rows if re.fullmatch(r"\d+", r)]
        for col in cols:
            for r in coded:
                kids = [k for k in coded if len(k) == len(r) + 2 and k.startswith(r)]
                if kids:
                    eq(f"表{no} {r} {col} = its children", get(no, r, col), [get(no, k, col) for k in kids])
            if no in (2, 3, 5, 8, 9) and "total" in rows:
                eq(f"表{no} 合计 {col} = 类 rows", get(no, "total", col), [get(no, k, col) for k in coded if len(k) == 3])
        rules = {2: ("total", ["fiscal_subtotal", "superior_subsidy", "business_income", "operating_income", "subsidiary_income", "other_income"]),
                 3: ("total", ["basic", "project", "remit_to_superior", "operating_expenditure", "subsidiary_subsidy"]),
                 4: ("total", ["general_budget", "gov_fund", "state_capital"]), 5: ("total", ["basic", "project"]),
                 8: ("total", ["basic", "project"]), 9: ("total", ["basic", "project"])}
        if no in rules:
            t, parts = rules[no]
            for r, v in rows.items():
                if t in v and (no != 4 or re.fullmatch(r"\d+", r) or r in ("current_expenditure_total", "expenditure_total")):
                    eq(f"表{no} {r} {t} = {'+'.join(parts)}", v[t], [v.get(p, Decimal(0)) for p in parts])
        if no in (8, 9):
            for r, v in rows.items():
                eq(f"表{no} {r} closing = opening + income - total", v.get("closing_balance", Decimal(0)),
                   [v.get("opening_balance", Decimal(0)), v.get("income", Decimal(0)), v.get("total", Decimal(0))], [1, 1, -1])
        if no == 6:
            eq("表6 人员经费合计 = 301 + 303", get(6, "personnel_total", "total"), [get(6, "301", "total"), get(6, "303", "total")])
            eq("表6 公用经费合计 = other classes", get(6, "public_use_total", "total"),
               [get(6, k, "total") for k in coded if len(k) == 3 and k not in ("301", "303")])
            eq("表6 人员经费合计 + 公用经费合计 = 表5 合计 基本支出", get(5, "total", "basic"), [get(6, "personnel_total", "total"), get(6, "public_use_total", "total")])
        if no == 7:
            for col in ("budget", "final"):
                eq(f"表7 {col} total = overseas + vehicles + reception", get(7, "total", col), [get(7, k, col) for k in ("overseas_travel", "vehicles", "reception")])
                eq(f"表7 {col} vehicles = purchase + operation", get(7, "vehicles", col), [get(7, k, col) for k in ("vehicle_purchase", "vehicle_operation")])
        if no in (1, 4):
            col = "amount" if no == 1 else "total"
            inc = "total" if no == 4 else "amount"
            classes = [k for k in coded if len(k) == 3]
            eq(f"表{no} 本年支出合计 = 类 rows ({col})", get(no, "current_expenditure_total", col), [get(no, k, col) for k in classes])
            eq(f"表{no} 收入总计 = 支出总计", get(no, "income_total", inc), [get(no, "expenditure_total", col)])
            if no == 1:
                eq("表1 本年收入合计 = income items", get(1, "current_income_total", "amount"),
                   [get(1, k, "amount") for k in ("general_budget_appropriation", "gov_fund_appropriation", "state_capital_appropriation", "superior_subsidy",
                                                  "business_income", "operating_income", "subsidiary_income", "other_income")])
                eq("表1 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余", get(1, "income_total", "amount"),
                   [get(1, k, "amount") for k in ("current_income_total", "non_fiscal_balance_used", "opening_balance")])
                eq("表1 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余", get(1, "expenditure_total", "amount"),
                   [get(1, k, "amount") for k in ("current_expenditure_total", "surplus_distribution", "closing_balance")])
            else:
                eq("表4 收入总计 = 本年收入合计 + 年初财政拨款结转和结余", get(4, "income_total", "total"),
                   [get(4, k, "total") for k in ("current_income_total", "opening_fiscal_balance")])
                eq("表4 支出总计 = 本年支出合计 + 年末财政拨款结转和结余", get(4, "expenditure_total", "total"),
                   [get(4, k, "total") for k in ("current_expenditure_total", "closing_fiscal_balance")])
    print(f"arithmetic: {checks} checks, {len(fails)} differences", file=sys.stderr)
    for f in fails:
        print("  " + f, file=sys.stderr)


def structure():
    """final_expected.py --structure FILE.lines: a blank form (the template): its tables, the column each header label names,
    and the key of each printed row label (row_key of 表1/表4 rows, code of coded rows and of 类 printed by name)."""
    lines_path = sys.argv[2]
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["table_no", "table_key", "title", "source_page", "what", "side", "label", "key"])
    known = LABEL_COLUMNS | GROUP_LABELS
    for no, key, title, unit, rows in tables(read_lines(lines_path)):
        page = rows[0][0] if rows else ""
        width = max((max(c.keys()) + 1 for _, _, c in rows), default=0)
        def is_label(t):
            return t in known or key_of(no, t) or (no == 7 and (t in COLUMNS[7] or "三公" in t or t == "小计" or any(w in t for w, _ in THREE_PUBLIC)))

        def is_header(cells):
            vals = [squeeze(v) for v in cells.values() if v.strip()]
            # a header row holds labels only; an empty 合计 row (one cell) is the table's first row
            return vals and all(is_label(v) for v in vals) and not (vals[0] in ("合计", "总计") and len(vals) == 1)

        last_header = -1
        while last_header + 1 < len(rows) and is_header(rows[last_header + 1][2]):
            last_header += 1
        paths = header_paths([c for _, _, c in rows[:last_header + 1]], width)
        labels = {c: paths[c][-1] if paths[c] else "" for c in range(width)}
        w.writerow([no, key, title, page, "table", "", "", ""])
        for c in range(width):
            col = COLUMNS[7].get(next((p for p in reversed(paths[c]) if p in COLUMNS[7]), "")) if no == 7 else key_of(no, labels[c])
            if col and not any(p in LABEL_COLUMNS for p in paths[c]):  # a label column (项目/科目编码) holds no amounts
                w.writerow([no, key, title, page, "column", "", "/".join(paths[c]), col])
        opening = False
        for _, _, cells in rows[last_header + 1:]:
            sides = [(0, width)]
            if no in (1, 4, 6):
                second = [c for c in range(1, width) if labels[c] in ("项目", "经济分类科目编码")]
                sides = [(0, second[0]), (second[0], width)] if second else sides
            for b, (lo, hi) in enumerate(sides):
                texts = [squeeze(cells.get(c, "")) for c in range(lo, hi) if labels[c] in LABEL_COLUMNS and labels[c] not in ("行次", "栏次")]
                code = next((t for t in texts if re.fullmatch(r"\d{3}(\d\d){0,2}", t)), "")
                name = next((t for t in texts if t and not re.fullmatch(r"[\d…]+", t) and t != "…"), "")
                side = ("income" if b == 0 else "expenditure") if no in (1, 4) else ""
                if no in (1, 4) and name:
                    bare = NUMBERING.sub("", name)
                    if side == "expenditure" and bare in CLASSES:
                        k = CLASSES[bare]
                    elif name == "总计":
                        k = "income_total" if side == "income" else "expenditure_total"
                    else:
                        opening |= "年初财政拨款结转和结余" in name
                        k = OPENING_SUBROWS[bare] if opening and side == "income" and bare in OPENING_SUBROWS else next(k for w_, k in INCOME_ROWS if w_ in name)
                elif code:
                    k = code
                elif name:
                    k = {"合计": "total", "人员经费合计": "personnel_total", "公用经费合计": "public_use_total"}.get(name, "")
                else:
                    continue
                if k:
                    w.writerow([no, key, title, page, "row", side, name, k])


if __name__ == "__main__":
    if sys.argv[1] == "--structure":
        structure()
    else:
        main()

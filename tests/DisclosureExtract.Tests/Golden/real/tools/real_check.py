#!/usr/bin/env python3
"""Check the tool's line items of the corpus/real PDFs independently, and write the golden files.

Usage:
    disclosure-extract convert corpus/real --out OUT --no-progress
    real_check.py OUT/line_items.csv [--write]      (run from the repository root; needs pdftotext, poppler-utils)

Every line item (one printed amount) is checked two ways that share no code with the C# tool:
1. Text: on its page of `pdftotext -layout` (poppler, another PDF reader), the amount is printed on a line that carries
   the row's code (any printed form: 2010301, 201 03 01, or only the row's own level 03 / 01) or its name (white space
   removed, or the first 6 characters of a wrapped name) -- or, for a row whose name or cells wrap, on a line at most
   two lines above or below such a line. `on` = on the row's line, `near` = within two lines, `absent` = neither.
2. Arithmetic, per table, unit (sub_unit) and column: 项 rows sum to their 款, 款 to their 类, 类 rows to the 合计 row
   (function and economic codes); and per row the column rules of the catalog (src/DisclosureExtract.Core/Catalog/*.json,
   "rules"/"rule_sets": total = sum of parts) where the row prints the total and every column of the row is named in a rule.
   Each cell gets `ok` (in a check that holds, none that fails), `fail` (in a failed check), or `-` (no check applies).
   Differences of at most 0.02 are the publisher's rounding and are reported, not failed.

Output: per document the counts, then every cell that is not (text on/near and arithmetic not fail), to be looked at by
hand. With --write, the cells that pass are written to Golden/real/<doc>.csv (amounts as the tool writes them, which
is the printed amount without thousands separators) -- the corrections found by hand are applied from
Golden/real/corrections.csv (document,table_no,table_key,sub_unit,code,row,project,column_key,page,read,printed,reason):
the printed value goes into the golden file, and the cell is listed in known_misreads.csv while the tool still misreads it.
"""
import collections
import csv
import json
import os
import re
import sys
import unicodedata
from decimal import Decimal, InvalidOperation

ROOT = os.getcwd()
GOLDEN = os.path.join(ROOT, "tests/DisclosureExtract.Tests/Golden/real")
TXT_CACHE = "/tmp/gold-txt"
NUM = re.compile(r"(?<![\w.])-?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w])|(?<![\w.,])-?\d+(?:\.\d+)?(?![\w,])")


def catalog_rules():
    rules = {}
    for f in ("budget", "final_accounts"):
        s = open(os.path.join(ROOT, f"src/DisclosureExtract.Core/Catalog/{f}.json"), encoding="utf-8").read()
        d = json.loads(re.sub(r"^\s*//.*$", "", s, flags=re.M))
        for t in d["tables"]:
            r = t.get("rules") or []
            if isinstance(r, str):
                r = d["rule_sets"][r]
            rules[t["key"]] = r
    return rules


def pages(doc):
    path = os.path.join(TXT_CACHE, doc + ".txt")
    if not os.path.exists(path):
        os.makedirs(TXT_CACHE, exist_ok=True)
        os.system(f"pdftotext -layout corpus/real/{doc}.pdf {path}")
    return open(path, encoding="utf-8").read().split("\f")


def squeeze(s):
    return re.sub(r"\s+", "", s)


def width(s):
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in s)


def same(token, amount):
    """A printed token is the amount: the same number, and both with or both without decimals (a code 02 is not 2.00)."""
    t = token.replace(",", "")
    try:
        return t == amount or (Decimal(t) == Decimal(amount) and ("." in t) == ("." in amount))
    except InvalidOperation:
        return False


def positions(line, amount):
    """End offsets (display columns: CJK characters count double, as pdftotext lays them out) of the amount on the line."""
    return [width(line[:m.end()]) for m in NUM.finditer(line) if same(m.group(), amount)]


def has(line, amount):
    return any(same(m.group(), amount) for m in NUM.finditer(line))


def code_forms(code):
    forms = [code]
    if len(code) == 7:
        forms += [f"{code[:3]} {code[3:5]} {code[5:]}", f"{code[3:5]} {code[5:]}"]
    if len(code) == 5:
        forms += [f"{code[:3]} {code[3:]}"]
    return forms


def anchors(lines, item):
    """The lines that carry the row's code or name, best first: the full code (or a 5/7-digit code as printed split),
    the row's own level with its name, the full name, then a wrapped name's first six characters."""
    code, name = item["code"], squeeze(item["item_name"])
    proj = squeeze(item["project_name"])
    bare = re.sub(r"^(?:[一二三四五六七八九十]+、|\d+[、.．]|[(（]\d+[)）])", "", name)
    names = [n for n in (name, proj, bare if bare != name and len(bare) >= 4 else "") if n]
    tiers = [[], [], [], []]
    for i, line in enumerate(lines):
        sq = squeeze(line)
        norm = re.sub(r"\s+", " ", line)
        if code and any(re.search(r"(?<![\d.,])" + re.escape(f) + r"(?![\d.,])", norm) for f in code_forms(code)):
            tiers[0].append(i)
        elif code and len(code) in (5, 7) and name and re.search(r"(?<![\d.,])" + code[-2:] + r"(?![\d.,])", norm) and name[:4] in sq:
            tiers[1].append(i)
        elif any(n in sq for n in names):
            tiers[2].append(i)
        elif any((len(n) > 6 and n[:6] in sq) or (len(sq) >= 4 and sq in n and not NUM.search(line)) for n in names):
            tiers[3].append(i)
    return [i for t in tiers for i in t]


THREE_PUBLIC = ("three_public_expenses", "final_three_public_expenses")


def text_check(page_lines, item):
    amount = item["amount"]
    if item["table_key"] in THREE_PUBLIC:
        # transposed: the row is a header cell; the amount must be printed on the page (arithmetic places it)
        return ("page" if any(has(l, amount) for l in page_lines) else "absent"), None
    anc = anchors(page_lines, item)
    for i in anc:
        if has(page_lines[i], amount):
            return "on", (i, positions(page_lines[i], amount))
    for i in anc:
        for j in range(max(0, i - 2), min(len(page_lines), i + 3)):
            if has(page_lines[j], amount):
                return "near", (j, positions(page_lines[j], amount))
    # a number that wraps in its cell: 411,130.6 on the row's line and 7 (or .38) on one of the next two lines
    for i in anc:
        for j in range(max(0, i - 1), min(len(page_lines), i + 2)):
            for m in NUM.finditer(page_lines[j]):
                for k in range(j + 1, min(len(page_lines), j + 3)):
                    for f in re.finditer(r"(?<![\w.,])\.?\d{1,3}(?![\w.,])", page_lines[k]):
                        if (m.group() + f.group()).replace(",", "") == amount:
                            return "split", None
    return ("absent" if anc else "noanchor"), None


def column_check(items, where, text):
    """Per table and page: the amounts of a column end at about the same place on their lines (pdftotext right-aligns
    them under their header). A cell that ends nearer another column's usual place than its own is flagged `column`."""
    flags = {}
    groups = collections.defaultdict(list)
    for k, it in enumerate(items):
        if where[k] is None or text[k] != "on" or it["table_key"] in THREE_PUBLIC or it["column_key"] in ("amount", "unknown"):
            continue
        groups[(it["table_no"], it["table_key"], it["source_page"])].append(k)
    for ks in groups.values():
        ends = collections.defaultdict(list)
        for k in ks:
            if len(where[k][1]) == 1:
                ends[items[k]["column_key"]].append(where[k][1][0])
        med = {c: sorted(v)[len(v) // 2] for c, v in ends.items() if v}
        if len(med) < 2:
            continue
        for k in ks:
            c = items[k]["column_key"]
            if c not in med or len(where[k][1]) != 1:
                continue  # an amount printed twice on its line (0.00 …) has no single place
            best = where[k][1][0]
            own = abs(best - med[c])
            other = min((abs(best - m), oc) for oc, m in med.items() if oc != c)
            if own > 3 and other[0] < own:
                flags[k] = f"column? ends at {best}, {c} at {med[c]}, {other[1]} at {med[other[1]]}"
    return flags


def arith(items, rules):
    """items of one document; returns {index: 'ok'|'fail'|'round'} and the failed checks."""
    status = collections.defaultdict(set)
    failures = []
    generic = set()

    def check(what, total_idx, part_idx):
        tot = Decimal(items[total_idx]["amount"])
        s = sum((Decimal(items[p]["amount"]) for p in part_idx), Decimal(0))
        d = tot - s
        res = "ok" if d == 0 else ("round" if abs(d) <= Decimal("0.02") else "fail")
        for k in [total_idx, *part_idx]:
            status[k].add(res)
        if res != "ok":
            failures.append((res, what, items[total_idx]["amount"], str(s), str(d)))

    by_table = collections.defaultdict(list)
    for k, it in enumerate(items):
        by_table[(it["table_no"], it["table_key"])].append(k)
    for (no, key), ks in by_table.items():
        # hierarchy per unit and column
        cells = collections.defaultdict(list)
        for k in ks:
            it = items[k]
            cells[(it["sub_unit"], it["column_key"])].append(k)
        for (unit, col), cks in cells.items():
            if col == "unknown":
                continue  # several columns the catalog does not know share this key (Central 表5's 2025 执行数 …)
            coded = collections.defaultdict(list)
            total = [k for k in cks if items[k]["row_key"] == "total" and not items[k]["code"]]
            for k in cks:
                c = items[k]["code"]
                if c and c.isdigit() and len(c) in (3, 5, 7) and not items[k]["project_name"]:
                    coded[c].append(k)
            # a code printed twice (Xi'an's paired 部门/政府 economic codes: 30227 with 50205 and with 50502) is one part per
            # printing: its parent sums them all; a code printed twice is not checked as a parent itself
            def parent(cc):
                # the nearest printed ancestor (Xi'an prints 3010201 under 301 without a 30102 row)
                for n in range(len(cc) - 2, 2, -2):
                    if cc[:n] in coded:
                        return cc[:n]
                return None

            if all(len(v) == 1 for v in coded.values()):
                for c, ks_ in sorted(coded.items()):
                    children = [k2 for cc, v in coded.items() if parent(cc) == c for k2 in v]
                    if children:
                        check(f"{no} {key} {unit} {col}: {c} = sum of its children", ks_[0], children)
            else:
                # a code printed more than once (paired 部门/政府 economic codes: Yantai prints 301 once per 政府 class, each
                # with its own 30101 …; Xi'an prints 30227 once per 政府 code): in printed order, a row belongs to the
                # nearest row above it whose code is a prefix of its own
                stack, kids = [], collections.defaultdict(list)
                for k in cks:
                    c = items[k]["code"]
                    if not (c and c.isdigit() and len(c) in (3, 5, 7)) or items[k]["project_name"]:
                        continue
                    while stack and not (c.startswith(items[stack[-1]]["code"]) and len(c) > len(items[stack[-1]]["code"])):
                        stack.pop()
                    if stack:
                        kids[stack[-1]].append(k)
                    stack.append(k)
                for k, children in kids.items():
                    check(f"{no} {key} {unit} {col}: {items[k]['code']} (p{items[k]['source_page']} l{items[k]['source_line']}) = sum of the rows under it", k, children)
            classes = [k2 for cc, v in coded.items() if len(cc) == 3 for k2 in v]
            if len(total) == 1 and classes:
                check(f"{no} {key} {unit} {col}: 合计 = sum of 类 rows", total[0], classes)
        if key in THREE_PUBLIC:
            groups = collections.defaultdict(dict)
            for k in ks:
                it = items[k]
                groups[(it["sub_unit"], it["item_name"] if it["row_key"] == "" else "", it["column_key"], it["source_page"])][it["row_key"]] = k
            for g, rk in groups.items():
                for tot, parts in (("total", ["overseas_travel", "reception", "vehicles"]), ("vehicles", ["vehicle_purchase", "vehicle_operation"])):
                    if tot in rk and any(p in rk for p in parts):
                        check(f"{no} {key} {g}: {tot} = {'+'.join(parts)}", rk[tot], [rk[p] for p in parts if p in rk])
        # column rules per row
        rows = collections.defaultdict(dict)
        for k in ks:
            it = items[k]
            rows[(it["sub_unit"], it["code"], it["row_key"], it["item_name"], it["project_name"], it["source_page"], it["source_line"])][it["column_key"]] = k
        named = {c for r in rules.get(key, []) for c in [r["total"], *r["parts"]]}
        subtotals = {"fiscal_subtotal", "current_income", "basic", "vehicles", "unit_funds"}
        for rk, cols in rows.items():
            if not set(cols) <= named:
                # columns the catalog's rules do not name (Shenzhen's 单位资金 leaves 上级补助收入 …): the row's total is the sum
                # of its other columns, subtotals left out; counted only where it holds (a heuristic is not a failure)
                parts = [c for c in cols if c not in subtotals and c != "total" and c != "unknown"]
                if "total" in cols and parts:
                    tot = Decimal(items[cols["total"]]["amount"])
                    if tot == sum(Decimal(items[cols[c]]["amount"]) for c in parts) and tot != 0:
                        for c in ["total", *parts]:
                            generic.add(cols[c])
                continue
            by_total = {r["total"]: r["parts"] for r in rules.get(key, [])}

            def expand(parts, depth=0):
                out = []
                for p in parts:
                    if p not in cols and p in by_total and depth < 3:
                        out += expand(by_total[p], depth + 1)  # a group printed only by its parts (基本支出 = 人员 + 公用)
                    else:
                        out.append(p)
                return out

            for r in rules.get(key, []):
                parts = expand(r["parts"])
                if r["total"] in cols and any(p.lstrip("-") in cols for p in parts) and all(not p.startswith("-") for p in parts):
                    check(f"{no} {key} row {rk[1] or rk[2] or rk[3]} p{rk[5]}: {r['total']} = {'+'.join(parts)}",
                          cols[r["total"]], [cols[p] for p in parts if p in cols])
    out = {}
    for k in range(len(items)):
        s = status.get(k, set())
        out[k] = "fail" if "fail" in s else ("round" if "round" in s else ("ok" if s or k in generic else "-"))
    return out, failures


def corrected_cells(items, corrections):
    """The tool's cells with the hand corrections applied: a cell read wrongly is replaced by the printed one (or dropped),
    a cell not read is added. Returns the cells and the indexes of the tool's cells a correction replaces."""
    keys = [golden_key(it) for it in items]
    replaced = set()
    added = []
    at = collections.defaultdict(list)  # new cells by the index of the tool's cell they follow (printed order matters)
    for cr in corrections:
        if cr["read"] and cr["read"] == cr["printed"] or cr["printed"] == "?":
            continue
        key = [cr["table_no"], cr["table_key"], cr["sub_unit"], cr["code"], cr["row"], cr["project"], cr["column_key"], cr["read"], cr["page"]]
        template, pos = None, None
        if cr["read"]:
            k = next((k for k, kk in enumerate(keys) if kk == key and k not in replaced), None)
            if k is not None:
                replaced.add(k)
                template, pos = items[k], k
        if cr["printed"]:
            if template is None:  # a cell of the same row, or a new row
                pos = next((k for k, kk in enumerate(keys) if kk[:6] == key[:6] and kk[8] == key[8]), None)
                template = items[pos] if pos is not None else None
            cell = dict(template) if template else {"table_no": cr["table_no"], "table_key": cr["table_key"], "sub_unit": cr["sub_unit"],
                                                    "code": cr["code"], "row_key": "", "item_name": "", "project_name": cr["project"],
                                                    "source_page": cr["page"], "source_line": "corrected:" + cr["row"]}
            cell.update(code=cr["code"], column_key=cr["column_key"], amount=cr["printed"])
            if not cr["code"]:
                cell.update(row_key=cr["row"] if re.fullmatch(r"[a-z_]+", cr["row"]) else cell.get("row_key", ""))
            else:
                cell.update(row_key="", item_name=cell.get("item_name", ""))
            if pos is None:
                added.append(cell)
            else:
                at[pos].append(cell)
    out = []
    for k, it in enumerate(items):
        if k not in replaced:
            out.append(it)
        out.extend(at.get(k, []))
    return out + added, replaced


def golden_key(it):
    row = it["row_key"] if it["row_key"] and not it["code"] else ("" if it["code"] else squeeze(it["item_name"]))
    if not it["code"] and it["row_key"] in ("", "sub_unit"):
        row = squeeze(it["item_name"])
    return [it["table_no"], it["table_key"], it["sub_unit"], it["code"], row, squeeze(it["project_name"]), it["column_key"], it["amount"], it["source_page"]]


HEADER = ["table_no", "table_key", "sub_unit", "code", "row", "project", "column_key", "amount", "page"]


def main():
    path = sys.argv[1]
    write = "--write" in sys.argv
    rules = catalog_rules()
    docs = collections.defaultdict(list)
    for r in csv.DictReader(open(path, encoding="utf-8-sig")):
        docs[r["document_id"]].append(r)
    corrections = collections.defaultdict(list)
    cpath = os.path.join(GOLDEN, "corrections.csv")
    if os.path.exists(cpath):
        for r in csv.DictReader(l for l in open(cpath, encoding="utf-8") if not l.startswith("#")):
            corrections[r["document"]].append(r)
    table_misreads = collections.defaultdict(list)
    tpath = os.path.join(GOLDEN, "known_table_misreads.csv")
    if os.path.exists(tpath):
        for r in csv.DictReader(l for l in open(tpath, encoding="utf-8") if not l.startswith("#")):
            table_misreads[r["document"]].append(r)
    summary = []
    misreads = []
    unverified = []
    for doc in sorted(docs):
        items = docs[doc]
        pg = pages(doc)
        text, where = [], []
        for it in items:
            p = int(it["source_page"]) - 1
            t, w = text_check(pg[p].split("\n"), it) if 0 <= p < len(pg) else ("nopage", None)
            text.append(t)
            where.append(w)
        # the arithmetic runs on the cells as corrected by hand (corrections.csv), so that a misread cell does not fail the
        # correct cells of its sums; the cells a correction replaces are settled by it and not checked again
        corrected, replaced = corrected_cells(items, corrections.get(doc, []))
        ar_c, failures = arith(corrected, rules)
        index = {id(it): k for k, it in enumerate(corrected)}
        ar = {k: ("fixed" if k in replaced else ar_c[index[id(it)]]) for k, it in enumerate(items)}
        # order (information only, not a failure: the tool does not always write a row's cells in printed column order):
        # a row's amounts, in the order the tool writes its columns, are printed left to right on the row's line
        rows_of = collections.defaultdict(list)
        for k, it in enumerate(items):
            if text[k] == "on" and it["table_key"] not in THREE_PUBLIC:
                rows_of[(it["table_no"], it["source_page"], it["source_line"], it["sub_unit"], it["code"], it["row_key"], it["item_name"], it["project_name"])].append(k)
        order = {}
        for ks in rows_of.values():
            lines_ = {where[k][0] for k in ks}
            if len(ks) < 2 or len(lines_) != 1:
                continue
            line = pg[int(items[ks[0]]["source_page"]) - 1].split("\n")[lines_.pop()]
            toks = [m for m in NUM.finditer(line)]
            pos = 0
            for k in ks:
                nxt = next((j for j in range(pos, len(toks)) if same(toks[j].group(), items[k]["amount"])), None)
                if nxt is None:
                    for k2 in ks:
                        order[k2] = "order"
                    break
                pos = nxt + 1
        # column (information only, not a failure: wrapped and centred header cells make it noisy) and
        # completeness, per page: every decimal amount printed on a page that has cells is some cell's of that page
        # (an amount the tool did not read is left over; so are numbers of a wrapped cell and of text around the table)
        by_page = collections.defaultdict(list)
        for it in items:
            by_page[int(it["source_page"]) - 1].append(it["amount"])
        unread = []
        for p, amounts in sorted(by_page.items()):
            left = collections.Counter(amounts)
            for i, line in enumerate(pg[p].split("\n")):
                for m in NUM.finditer(line):
                    tok = m.group()
                    if ("." not in tok and "," not in tok) or line[m.end():m.end() + 1] == "%":
                        continue  # codes, serial numbers and integers are not counted (Xi'an's integer amounts are checked by the cells)
                    hit = next((a for a in left if left[a] > 0 and same(tok, a)), None)
                    if hit is not None:
                        left[hit] -= 1
                    else:
                        unread.append((p + 1, i, tok, line.strip()[:120]))
        for u in unread:
            print(f"   unread? {doc} p%d l%d %s | %s" % u)
        cols = column_check(items, where, text)
        bad = [k for k in range(len(items)) if k not in replaced and (text[k] not in ("on", "near", "page", "split") or ar[k] == "fail")]
        c = collections.Counter(text)
        a = collections.Counter(ar.values())
        summary.append((doc, len(items), len(bad), dict(c), dict(a), f"column flags {len(cols)}", f"order flags {len(order)}"))
        print(f"== {doc}: {len(items)} cells, text {dict(c)}, arithmetic {dict(a)}, to look at {len(bad)}")
        for f in failures:
            print("   arith", *f)
        for k in bad:
            it = items[k]
            print(f"   cell {text[k]}/{ar[k]}{'/order' if k in order else ''}{'/' + cols[k] if k in cols else ''} 表{it['table_no']} {it['table_key']} [{it['sub_unit']}] {it['code']} {it['row_key']} "
                  f"{it['item_name']} |{it['project_name']}| {it['column_key']}={it['amount']} p{it['source_page']} l{it['source_line']}")
        if write:
            bad_keys = [golden_key(items[k]) for k in bad]
            rows = [golden_key(it) for it in items]
            fixed = []
            for cr in corrections.get(doc, []):
                key = [cr["table_no"], cr["table_key"], cr["sub_unit"], cr["code"], cr["row"], cr["project"], cr["column_key"], cr["read"], cr["page"]]
                if cr["read"] and cr["printed"] == "?":  # looked at by hand, the printed row has no key to compare with: left out
                    if key in rows:
                        rows.remove(key)
                        unverified.append([doc, *key])
                        if key in bad_keys:
                            bad_keys.remove(key)
                    else:
                        fixed.append(key)
                    continue
                if cr["read"] and cr["read"] == cr["printed"]:  # looked at by hand: read as printed
                    if key in bad_keys:
                        bad_keys.remove(key)
                    elif key not in rows:
                        fixed.append(key)
                    continue
                if cr["read"]:
                    if key in rows:
                        rows.remove(key)
                        if key in bad_keys:
                            bad_keys.remove(key)
                        misreads.append([doc, *key[:7], cr["printed"], cr["read"], cr["page"], cr["reason"]])
                    else:
                        fixed.append(key)
                elif cr["printed"]:
                    misreads.append([doc, *key[:7], cr["printed"], "", cr["page"], cr["reason"]])
                if cr["printed"]:
                    good = key[:7] + [cr["printed"], cr["page"]]
                    rows.append(good)
                    if good in bad_keys:
                        bad_keys.remove(good)
            for key in fixed:
                print(f"   correction: {key} not read today (fixed?)")
            for key in bad_keys:  # looked at by hand and not settled: not in the golden file
                rows.remove(key)
                unverified.append([doc, *key])
            for tm in table_misreads.get(doc, []):  # tables read under another table's number and key
                lo, hi = (int(x) for x in tm["pages"].split("-"))
                for r in rows:
                    if [r[0], r[1]] == [tm["actual_table_no"], tm["actual_table_key"]] and lo <= int(r[8]) <= hi:
                        r[0], r[1] = tm["expected_table_no"], tm["expected_table_key"]
            rows.sort(key=lambda r: (int(r[0]), r[1], int(r[8]), r[2], r[3], r[4], r[5], r[6], Decimal(r[7])))
            with open(os.path.join(GOLDEN, doc + ".csv"), "w", encoding="utf-8", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(HEADER)
                w.writerows(rows)
    if write:
        with open(os.path.join(GOLDEN, "known_misreads.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["document", *HEADER[:7], "expected", "actual", "page", "reason"])
            w.writerows(misreads)
        with open(os.path.join(GOLDEN, "unverified.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["document", *HEADER])
            w.writerows(unverified)
    print("\nsummary: document, cells, to look at, text, arithmetic")
    for s in summary:
        print(*s)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Round trip: every TSV table rebuilt from `gongwen -f xml` must equal
`gongwen -t TABLE` for the same input, field for field.

usage: roundtrip.py BIN FILE...

Each table is rebuilt from the XML alone (records.md §5 column order and
joining rules), so nothing a table carries may be missing from the XML.
Strings are compared after the XML writer's character rule (characters
XML 1.0 does not allow become U+FFFD).  The refs table is compared as a
sorted list: refs cited outside the outline stand at document level.
"""
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

BAD = re.compile('[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]')


def xmlsafe(s):
    return BAD.sub('\ufffd', s)


def esc(s):
    return (s.replace('\\', '\\\\').replace('\t', '\\t')
            .replace('\n', '\\n').replace('\r', '\\r'))


def t(e):
    return e.text or '' if e is not None else ''


def fulltext(e):
    """Text of an element without its <del> children."""
    out = [e.text or '']
    for c in e:
        out.append(c.tail or '')
    return ''.join(out)


def tables_from_xml(root):
    tab = {k: [] for k in ('docs', 'nodes', 'units', 'targets', 'refs')}
    for d in root.findall('document'):
        doc = d.get('id')
        m = d.find('meta')
        g = lambda n: t(m.find(n))
        tab['docs'].append([doc, g('title'),
                            '|'.join(t(e) for e in m.findall('issuer')),
                            g('number'), g('date'), g('recipients'),
                            '|'.join(t(e) for e in m.findall('subject')),
                            g('status'), g('plan_year'),
                            '|'.join(t(e) for e in m.findall('standing')),
                            g('nodes'), g('items')])
        for r in d.findall('ref'):
            tab['refs'].append([doc, '', t(r), r.get('number', '')])
        for n in d.iter('node'):
            if n.get('deleted') == 'true':
                continue
            path = n.get('path')
            roles = {'lead': [], 'resp': [], 'coop': []}
            for u in n.findall('unit'):
                roles[u.get('role')].append(t(u))
                tab['units'].append([doc, path, u.get('role'), t(u)])
            dl = ';'.join(x.get('iso', '') + '|' + t(x)
                          for x in n.findall('deadline'))
            tg = '|'.join(x.get('cmp') + x.get('value') + x.get('unit')
                          for x in n.findall('target'))
            for x in n.findall('target'):
                tab['targets'].append([doc, path, x.get('cmp'),
                                       x.get('value'), x.get('unit'), t(x)])
            for r in n.findall('ref'):
                tab['refs'].append([doc, path, t(r), r.get('number', '')])
            tab['nodes'].append([doc, path, n.get('level'), n.get('marker'),
                                 n.get('kind'), t(n.find('heading')),
                                 '|'.join(roles['lead']),
                                 '|'.join(roles['resp']),
                                 '|'.join(roles['coop']), dl, tg,
                                 fulltext(n.find('text'))])
    return tab


def run(args, check=True):
    return subprocess.run(args, check=check, capture_output=True).stdout


def refused(bin_, f):
    """An input the tool refuses (exit 1) gives no document either way."""
    r = subprocess.run([bin_, '-f', 'xml', f], capture_output=True)
    if r.returncode == 0:
        return False
    t = subprocess.run([bin_, '-t', 'docs', f], capture_output=True)
    return (r.returncode == 1 and t.returncode == 1 and
            ET.fromstring(r.stdout).find('document') is None)


def main():
    bin_, files = sys.argv[1], sys.argv[2:]
    fails = 0
    for f in files:
        if refused(bin_, f):
            continue
        for keep in ([], ['--keep-deleted']):
            root = ET.fromstring(run([bin_, '-f', 'xml'] + keep + [f]))
            got = tables_from_xml(root)
            for table, rows in got.items():
                want = run([bin_, '-t', table, '--no-header', f])
                want = xmlsafe(want.decode('utf-8')).splitlines()
                have = ['\t'.join(esc(v) for v in r) for r in rows]
                if table == 'refs':
                    want, have = sorted(want), sorted(have)
                if want != have:
                    fails += 1
                    print(f'roundtrip: {f} {" ".join(keep)} table {table} differs')
                    for a, b in zip(want, have):
                        if a != b:
                            print(f'  tsv: {a[:200]}\n  xml: {b[:200]}')
                            break
                    else:
                        print(f'  {len(want)} rows in TSV, {len(have)} from XML')
    print(f'roundtrip: {len(files)} files, 5 tables, {"FAIL" if fails else "ok"}')
    return 1 if fails else 0


if __name__ == '__main__':
    sys.exit(main())

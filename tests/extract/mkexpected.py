#!/usr/bin/env python3
"""Compose expected TSVs from a hand spec.  Only nodes.text and targets.context
are taken from the tool (after eyeballing); every other field is hand-written."""
import sys, subprocess, os
spec, txt, outdir = sys.argv[1:4]
doc = os.path.splitext(os.path.basename(txt))[0]
def tool(t):
    out = subprocess.run(['./gongwen','-t',t,txt],capture_output=True,text=True).stdout
    return [l.split('\t') for l in out.splitlines()]
tnodes = {r[1]: r for r in tool('nodes')[1:]}
ttargets = tool('targets')[1:]
docs=None; nodes=[]; units=[]; targets=[]; refs=[]; texts={}; ctxs={}
for line in open(spec, encoding='utf-8'):
    line=line.rstrip('\n')
    if not line or line.startswith('#'): continue
    tag, _, rest = line.partition(' ')
    f = rest.split('|')
    if tag=='D': docs=rest.split('¦')
    elif tag=='N': nodes.append(f)        # path level marker kind heading deadlines(;-joined ISO~raw) targets(; of "cmp value unit")
    elif tag=='U': units.append(f)        # path role unit
    elif tag=='R': refs.append(f)         # path title number
    elif tag=='TEXT': texts[f[0]]='|'.join(f[1:])
    elif tag=='CTX': ctxs[(f[0],f[1])]='|'.join(f[2:])
H={'docs':'doc title issuer number date recipients subject status plan_year standing nodes items',
   'nodes':'doc path level marker kind heading lead resp coop deadlines targets text',
   'units':'doc path role unit','targets':'doc path cmp value unit context','refs':'doc path title number'}
def w(name, rows):
    with open(f'{outdir}/{doc}.{name}.tsv','w',encoding='utf-8') as o:
        o.write('\t'.join(H[name].split())+'\n')
        for r in rows: o.write('\t'.join(r)+'\n')
w('docs',[[doc]+docs])
nrows=[]; trows=[]
for n in nodes:
    path,level,marker,kind,heading,dl,tg = n
    roles={}
    for u in units:
        if u[0]==path: roles.setdefault(u[1],[]); (u[2] not in roles[u[1]]) and roles[u[1]].append(u[2])
    dls=';'.join(d.replace('~','|') for d in dl.split(';') if d)
    tl=[t.split(' ') for t in tg.split(';') if t]
    text = texts.get(path) or (tnodes[path][11] if path in tnodes else '??')
    nrows.append([doc,path,level,marker,kind,heading,'|'.join(roles.get('lead',[])),'|'.join(roles.get('resp',[])),'|'.join(roles.get('coop',[])),dls,'|'.join(''.join(t) for t in tl),text])
    for c,v,un in tl:
        ctx = ctxs.get((path,v+un))
        if ctx is None:
            m=[r for r in ttargets if r[1]==path and r[3]==v and r[4]==un] or [r for r in ttargets if r[1]==path and r[3]==v]
            ctx = m[0][5] if m else '??'
        trows.append([doc,path,c,v,un,ctx])
w('nodes',nrows); w('targets',trows)
w('units',[[doc]+u for u in units]); w('refs',[[doc]+r for r in refs])

#!/usr/bin/env python3
"""How often PolNeAR's annotators mark a word as an attribution cue, against how often it occurs:
the evidence behind the quotes plugin's learned cue words (plugins/quotes/README.md).

    python3 scripts/polnear_cue_stats.py        (from the repository root; reads the train split only)

Prints the known cue words that are seldom cues, and the words outside the lexicon that are cues in
40% or more of their uses (8 uses or more, 6 as a cue or more).
"""
import json
import os
import re
import sys
from collections import Counter
sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', '..', 'shared', 'eval'))
import quotes_polnear as Q
docs = Q.load_gold(os.path.join(os.path.dirname(__file__), '..', '..', 'shared', 'data', 'polnear', 'train'))
cue_count = Counter(); tot = Counter()
for art, (text, golds) in docs.items():
    for w in re.findall(r"[A-Za-z’']+", text): tot[w.lower()] += 1
    for g in golds:
        if not g['cue']: continue
        for a, b in g['cue']:
            for w in re.findall(r"[A-Za-z’']+", text[a:b]):
                cue_count[w.lower()] += 1
src = open(os.path.join(os.path.dirname(__file__), '..', 'plugins', 'quotes', 'src', 'lexicon.rs')).read()
cues_block = src[src.index('const CUES'):src.index('];', src.index('const CUES'))]
known = set(re.findall(r'"([^"]+)"', cues_block))
rows = []
for w, c in cue_count.items():
    if tot[w] >= 8 and c >= 6:
        rows.append((c / tot[w], c, tot[w], w, w in known))
rows.sort(reverse=True)
print('known cue words with low precision:')
for r in sorted([r for r in rows if r[4]], key=lambda r: r[0])[:25]: print('  %.2f %4d/%5d %s' % r[:4])
print('unknown, ratio>=0.4:')
print(' '.join('%s(%.2f,%d)' % (r[3], r[0], r[1]) for r in rows if not r[4] and r[0] >= 0.4))
print('known words never/rarely cues in train:')
print(' '.join(w for w in known if cue_count[w] < 2 and tot[w] >= 5))

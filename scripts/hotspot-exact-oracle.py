#!/usr/bin/env python3
# `python3 scripts/hotspot-exact-oracle.py`: the values pinned in src/analysis/hotspot-grid.test.ts.
# Brute-force oracle: exact permutation p-values of Gi* on a small grid by enumerating every set
# of w cells (itertools.combinations), independent of the TypeScript dynamic programme.
import itertools, sys
from fractions import Fraction

def run(cols, rows, counts, holes=()):
    cells = [(r, c) for r in range(rows) for c in range(cols) if (r, c) not in holes]
    pos = {rc: i for i, rc in enumerate(cells)}
    x = [counts[r][c] for (r, c) in cells]
    n = len(x)
    mean = Fraction(sum(x), n)
    out = []
    cache = {}
    for (r, c) in cells:
        nb = [pos[(r + dr, c + dc)] for dr in (-1, 0, 1) for dc in (-1, 0, 1) if (r + dr, c + dc) in pos]
        w = len(nb); s = sum(x[j] for j in nb)
        if w not in cache:
            cache[w] = [sum(x[j] for j in comb) for comb in itertools.combinations(range(n), w)]
        sums = cache[w]
        ge = Fraction(sum(1 for t in sums if t >= s), len(sums))
        le = Fraction(sum(1 for t in sums if t <= s), len(sums))
        d = s - mean * w
        p = 1.0 if (d == 0 or w >= n) else min(1.0, 2 * float(ge if d > 0 else le))
        out.append(p)
    # Benjamini-Hochberg as R's p.adjust
    m = len(out); order = sorted(range(m), key=lambda i: out[i], reverse=True)
    adj = [0.0] * m; running = 1.0
    for k, i in enumerate(order):
        rank = m - k
        running = min(running, min(1.0, out[i] * m / rank)); adj[i] = running
    return out, adj

if __name__ == '__main__':
    a = [[0, 0, 1, 0], [3, 7, 5, 0], [2, 6, 0, 0], [0, 1, 0, 0]]
    p, adj = run(4, 4, a)
    print('4x4', [float('%.12g' % v) for v in p]); print('adj', [float('%.12g' % v) for v in adj])
    b = [[0, 2, 0, 0, 1], [0, 0, 0, 9, 4], [1, 0, 0, 8, 0], [0, 0, 0, 0, 0]]
    p, adj = run(5, 4, b, holes={(3, 0)})
    print('5x4', [float('%.12g' % v) for v in p]); print('adj', [float('%.12g' % v) for v in adj])

# Cross-checks two of the figures README shows for the CDNOW master cohort, independently of the add-in:
# python3 (numpy) reads ../shared/data/cdnow/CDNOW_master.txt itself and computes the repeat-purchase rate
# (customers with >= 2 distinct purchase days / customers) and the eight RFM segments with the mean split
# (R high: days since the last purchase <= their mean; F high: purchase days >= their mean; M high: total spend
# >= its mean). Run: python3 scripts/analysis-crosscheck.py
import collections
import datetime as dt
import pathlib

import numpy as np

MASTER = pathlib.Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "cdnow" / "CDNOW_master.txt"
days = collections.defaultdict(set)
total = collections.defaultdict(float)
with open(MASTER) as f:
    next(f)
    for line in f:
        cid, d, _cds, amount = line.split()
        days[cid].add(dt.date(int(d[:4]), int(d[4:6]), int(d[6:])).toordinal())
        total[cid] += float(amount)
ids = sorted(days)
as_of = max(max(s) for s in days.values())
F = np.array([len(days[c]) for c in ids], float)
M = np.array([total[c] for c in ids])
R = np.array([as_of - max(days[c]) for c in ids], float)
print("customers", len(ids), "as of", dt.date.fromordinal(as_of))
print(f"repeat-purchase rate {(F >= 2).mean():.6%}")
rh, fh, mh = R <= R.mean(), F >= F.mean(), M >= M.mean()
print(f"means: days {R.mean():.6f}, purchases {F.mean():.6f}, spend {M.mean():.6f}")
SEGMENTS = [
    ("Important value", 1, 1, 1),
    ("Important development", 1, 0, 1),
    ("Important retention", 0, 1, 1),
    ("Important win-back", 0, 0, 1),
    ("General value", 1, 1, 0),
    ("General development", 1, 0, 0),
    ("General retention", 0, 1, 0),
    ("General win-back", 0, 0, 0),
]
for name, r, f, m in SEGMENTS:
    sel = (rh == r) & (fh == f) & (mh == m)
    print(f"{name}: {sel.sum()} customers, {sel.mean():.6%}")

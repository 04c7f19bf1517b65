#!/usr/bin/env python3
"""Prints the per-request figures of a Gatling HTML report: count, errors, p50, p95, p99, max (ms), and mean rps."""
import re
import sys

html = open(sys.argv[1], encoding="utf-8").read()
rows = re.findall(r'<tr data-parent="[^"]*">(.*?)</tr>', html, re.S)
print(f"{'request':32} {'count':>8} {'KO':>6} {'rps':>8} {'p50':>6} {'p95':>6} {'p99':>6} {'max':>7}")
head = re.search(r'id="container_statistics_head".*?</table>', html, re.S).group(0)
for name, block in [("ALL", head)] + [(re.search(r'class="ellipsed-name">([^<]*)<', r).group(1), r) for r in rows]:
    cols = dict(re.findall(r'<td class="value [^"]*col-(\d+)">([^<]*)</td>', block))
    print(f"{name:32} {cols['2']:>8} {cols['4']:>6} {cols['6']:>8} {cols['8']:>6} {cols['10']:>6} {cols['11']:>6} {cols['12']:>7}")


def series(after, name):
    """One per-second series of a chart: {epoch second: value}."""
    start = html.find(after)
    match = re.search(r"name: '" + re.escape(name) + r"',\s*data: \[(.*?)\]\s*,\s*tooltip", html[start:], re.S)
    if start < 0 or not match:
        return {}
    return {int(t) // 1000: float(v) for t, v in re.findall(r"\[(\d+), ([\d.]+)\]", match.group(1))}


# a time line per minute: concurrent learners, requests per second, and the worst second's p95 and p99 (OK requests)
users = series("Number of concurrent users", "All users")
rps = series("Number of requests per second", "All")
p95 = series("responsetimepercentilesovertimeokPercentilesContainer", "95%")
p99 = series("responsetimepercentilesovertimeokPercentilesContainer", "99%")
if rps:
    first = min(rps)
    print(f"\n{'minute':>6} {'learners':>9} {'rps':>7} {'p95 (median s)':>15} {'p95 (worst s)':>14} {'p99 (worst s)':>14}")
    for minute in range(0, (max(rps) - first) // 60 + 1):
        seconds = range(first + minute * 60, first + minute * 60 + 60)
        r = [rps[s] for s in seconds if s in rps]
        a = sorted(p95[s] for s in seconds if s in p95)
        b = [p99[s] for s in seconds if s in p99]
        u = [users[s] for s in seconds if s in users]
        if r:
            print(f"{minute:>6} {max(u) if u else 0:>9.0f} {sum(r) / len(r):>7.1f} {a[len(a) // 2] if a else 0:>15.0f} "
                  f"{max(a) if a else 0:>14.0f} {max(b) if b else 0:>14.0f}")

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

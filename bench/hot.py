#!/usr/bin/env python3
"""Where the server's CPU went in a flight recording: share of the request threads' samples whose
stack passes through each of the project's methods (inclusive), and the hottest leaf frames.
   python3 bench/hot.py bench-results/server.jfr [jfr-binary]"""
import collections, re, subprocess, sys

jfr = sys.argv[2] if len(sys.argv) > 2 else 'jfr'
out = subprocess.run([jfr, 'print', '--events', 'jdk.ExecutionSample', '--stack-depth', '256', sys.argv[1]],
                     capture_output=True, text=True, check=True).stdout
inclusive = collections.Counter()
leaf = collections.Counter()
total = 0
for event in out.split('jdk.ExecutionSample')[1:]:
    thread = re.search(r'sampledThread = "([^"]*)"', event)
    if not thread or not thread.group(1).startswith('http-nio'):
        continue
    frames = re.findall(r'^\s+([\w$.<>]+)\(', event, re.M)
    if not frames:
        continue
    total += 1
    leaf[frames[0]] += 1
    seen = set()
    for f in frames:
        m = f if f.startswith('org.quntuan') or 'Filter.do' in f or 'jdbc' in f.lower() else None
        if m and m not in seen:
            seen.add(m)
            inclusive[m] += 1
print(f'request-thread samples: {total}')
print('\ninclusive (project methods, filters, JDBC):')
for name, n in inclusive.most_common(45):
    print(f'{100 * n / total:5.1f}%  {name}')
print('\nleaf frames:')
for name, n in leaf.most_common(15):
    print(f'{100 * n / total:5.1f}%  {name}')

# the innermost project frame of each sample: whose work it is (framework time below none of ours counts apart)
owner = collections.Counter()
for event in out.split('jdk.ExecutionSample')[1:]:
    thread = re.search(r'sampledThread = "([^"]*)"', event)
    if not thread or not thread.group(1).startswith('http-nio'):
        continue
    frames = re.findall(r'^\s+([\w$.<>]+)\(', event, re.M)
    ours = [f for f in frames if f.startswith('org.quntuan') and '$$' not in f]
    owner[ours[0] if ours else '(framework: tomcat, spring mvc, security, jackson)'] += 1
print('\ninnermost project frame:')
for name, n in owner.most_common(40):
    print(f'{100 * n / total:5.1f}%  {name}')

"""The clients of ops/cluster-test.sh (the standard library only): many sign-ins, the flash sign-up, the
load run with a node killed in its middle, a closed-loop throughput client, and the import file.

    python3 ops/cluster-test.py COMMAND ARGS...   (the shell script calls it; see there)
"""
import datetime
import hashlib
import http.client
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from xml.sax.saxutils import escape

PASSWORD = "Demo@2026"
BUSINESS = datetime.timezone(datetime.timedelta(hours=8))  # Asia/Shanghai, no summer time


def request(port, method, path, body=None, token=None, conn=None, timeout=30):
    """One request to 127.0.0.1:port: (status, parsed JSON or text, X-Upstream header). A connection
    given is reused (keep-alive); errors propagate."""
    own = conn is None
    c = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    headers = {"Accept": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    try:
        c.request(method, path, data, headers)
        r = c.getresponse()
        raw = r.read()
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            parsed = raw.decode(errors="replace")
        return r.status, parsed, r.getheader("X-Upstream", "")
    finally:
        if own:
            c.close()


def token(port, username):
    status, body, _ = request(port, "POST", "/api/v1/auth/token", {"username": username, "password": PASSWORD})
    if status != 200:
        raise RuntimeError("sign-in of %s: %s %s" % (username, status, body))
    return body["token"]


def cmd_tokens(port, users_file, out_file, parallel="4"):
    """Signs in every username of the file (by mobile), a few at a time: the per-address throttle
    reserves an attempt before the password is checked, so that no more than its limit may be under
    way at once from one address (nginx's)."""
    users = [u.strip() for u in open(users_file) if u.strip()]
    with ThreadPoolExecutor(int(parallel)) as pool:
        tokens = list(pool.map(lambda u: token(int(port), u), users))
    with open(out_file, "w") as f:
        for u, t in zip(users, tokens):
            f.write("%s %s\n" % (u, t))
    print(len(tokens))


def cmd_activity(port, admin_token, title, seats, when):
    """An activity open to everyone of the organizer's scope, sign-up open now; it starts tomorrow
    at 10:00 (business time) for the reminder, in three days otherwise. Prints its id."""
    now = datetime.datetime.now(BUSINESS).replace(microsecond=0)
    if when == "tomorrow":
        start = (now + datetime.timedelta(days=1)).replace(hour=10, minute=0, second=0)
    else:
        start = now + datetime.timedelta(days=3)
    body = {"title": title, "type": "SPORTS_CULTURE", "place": "市体育馆", "seats": int(seats),
            "startAt": start.isoformat(), "endAt": (start + datetime.timedelta(hours=2)).isoformat(),
            "signupOpensAt": (now - datetime.timedelta(minutes=1)).isoformat(),
            "signupClosesAt": (start - datetime.timedelta(hours=1)).isoformat(), "audience": {"all": True}}
    status, answer, _ = request(int(port), "POST", "/api/v1/activities", body, admin_token)
    if status != 201:
        raise RuntimeError("activity: %s %s" % (status, answer))
    print(answer["id"], start.date().isoformat())


def read_tokens(path):
    return [line.split() for line in open(path) if line.strip()]


def cmd_signups(port, activity, tokens_file, out_file):
    """Every member of the file signs up at the same moment (one thread each, released together).
    Writes one JSON line per member: mobile, HTTP status, registration status, upstream."""
    members = read_tokens(tokens_file)
    start = threading.Barrier(len(members))
    results = [None] * len(members)

    def one(i):
        mobile, tok = members[i]
        conn = http.client.HTTPConnection("127.0.0.1", int(port), timeout=60)
        conn.connect()
        start.wait()
        try:
            status, body, upstream = request(int(port), "POST", "/api/v1/activities/%s/registrations" % activity,
                                             token=tok, conn=conn)
            results[i] = {"mobile": mobile, "status": status, "upstream": upstream,
                          "registration": body.get("status") if isinstance(body, dict) else None}
        except Exception as ex:  # noqa: BLE001 - reported, not raised
            results[i] = {"mobile": mobile, "status": 0, "upstream": "", "error": repr(ex)}
        finally:
            conn.close()

    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(members))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with open(out_file, "w") as f:
        for r in results:
            f.write(json.dumps(r) + "\n")


def cmd_load(port, activity, tokens_file, finance_token, book, tag, seconds, rate, kill_pid, kill_at, out_file):
    """Requests offered at a fixed rate through nginx, half sign-ups of distinct members to one
    activity, half incomes posted to a book (each to the journal, its counterparty a unique key);
    at kill_at seconds the process kill_pid gets SIGKILL. Writes one JSON line per request and a last
    line with the moments of the kill and of the end of the process (its sockets closed), in seconds
    from the start."""
    members = read_tokens(tokens_file)
    seconds, rate, kill_at = float(seconds), float(rate), float(kill_at)
    total = int(seconds * rate)
    results = []
    lock = threading.Lock()
    local = threading.local()
    t0 = time.monotonic()
    killed = {}

    def watch_end():
        # the process has ended (a zombie until the shell reaps it) when its sockets are closed
        while True:
            try:
                with open("/proc/%s/stat" % kill_pid) as f:
                    if f.read().rsplit(")", 1)[1].split()[0] in ("Z", "X"):
                        break
            except FileNotFoundError:
                break
            time.sleep(0.001)
        killed["gone"] = time.monotonic() - t0

    def connection():
        if getattr(local, "conn", None) is None:
            local.conn = http.client.HTTPConnection("127.0.0.1", int(port), timeout=30)
        return local.conn

    def one(i):
        if i % 2 == 0 and i // 2 < len(members):
            kind, key = "registration", members[i // 2][0]
            args = ("POST", "/api/v1/activities/%s/registrations" % activity, None, members[i // 2][1])
        else:
            kind, key = "income", "%s-%d" % (tag, i)
            args = ("POST", "/api/v1/finance/incomes", {"orgId": int(book), "category": "OTHER_IN",
                    "amount": "%d.%02d" % (1 + i % 500, i % 100), "counterparty": key, "memo": "集群测试负载"},
                    finance_token)
        started = time.monotonic() - t0
        try:
            status, _, upstream = request(int(port), *args, conn=connection())
            error = None
        except Exception as ex:  # noqa: BLE001 - a failed request is a figure
            status, upstream, error = 0, "", repr(ex)
            local.conn.close()
            local.conn = None
        with lock:
            results.append({"kind": kind, "key": key, "status": status, "upstream": upstream, "error": error,
                            "start": started, "end": time.monotonic() - t0})

    with ThreadPoolExecutor(32) as pool:
        for i in range(total):
            due = i / rate
            if "at" not in killed and due >= kill_at:
                os.kill(int(kill_pid), signal.SIGKILL)
                killed["at"] = time.monotonic() - t0
                watcher = threading.Thread(target=watch_end)
                watcher.start()
            pause = due - (time.monotonic() - t0)
            if pause > 0:
                time.sleep(pause)
            pool.submit(one, i)
    with open(out_file, "w") as f:
        for r in sorted(results, key=lambda r: r["start"]):
            f.write(json.dumps(r) + "\n")
        f.write(json.dumps({"killed_at": killed.get("at"), "gone_at": killed.get("gone"),
                            "seconds": time.monotonic() - t0}) + "\n")


def psql(db, sql):
    out = subprocess.run(["psql", "-X", "-qAt", "-F", "\t", "-h", "127.0.0.1", "-U", os.environ.get("PGUSER", "postgres"),
                          "-d", db, "-c", sql], check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def cmd_verify_load(results_file, db, activity, tag, node2, grace):
    """Compares what the clients of the load run were told with the database; prints the check's
    line (OK/FAIL and figures) and exits 1 on a miss. The failover lasts from the kill until nginx
    has seen that node 1 is gone: the requests under way on node 1, and the POSTs nginx sends over a
    kept-alive connection to it before it has noticed the connection closed, are answered 502 (nginx
    does not send a POST to the next node once it has sent it to one, so nothing can be doubled).
    Every request sent more than `grace` seconds after the process ended must succeed on node 2."""
    lines = [json.loads(line) for line in open(results_file)]
    meta, results = lines[-1], lines[:-1]
    kill, gone = meta["killed_at"], meta["gone_at"]
    told = {"registration": {r["key"] for r in results if r["kind"] == "registration" and r["status"] == 201},
            "income": {r["key"] for r in results if r["kind"] == "income" and r["status"] == 201}}
    regs = {}
    for mobile, n in psql(db, """select a.username, count(*) from activity_registration r
            join account a on a.person_id = r.person_id where r.activity_id = %d group by a.username""" % int(activity)):
        regs[mobile] = int(n)
    incomes, txns = {}, {}
    for key, n, t in psql(db, """select i.counterparty, count(distinct i.id), count(t.id) from fin_income i
            left join fin_txn t on t.source_type = 'INCOME' and t.source_id = i.id
            where i.counterparty like '%s-%%' group by i.counterparty""" % tag):
        incomes[key], txns[key] = int(n), int(t)
    lost = [k for k in told["registration"] if regs.get(k, 0) != 1]
    lost += [k for k in told["income"] if incomes.get(k, 0) != 1 or txns.get(k, 0) != 1]
    doubled = [k for k, n in regs.items() if n > 1] + [k for k in incomes if incomes[k] > 1 or txns[k] > 1]
    answered = told["registration"] | told["income"]
    unanswered = [k for k in list(regs) + list(incomes) if k not in answered]
    errors = [r for r in results if r["status"] not in (200, 201)]
    after = [r for r in results if gone is not None and r["start"] > gone + float(grace)]
    after_bad = [r for r in after if r["status"] != 201 or r["upstream"].split(", ")[-1] != node2]
    kinds = {}
    for r in errors:
        label = str(r["status"]) if r["status"] else r["error"].split("(")[0]
        kinds[label] = kinds.get(label, 0) + 1
    window = ""
    if errors and kill is not None:
        window = ", between %+.2f and %+.2f s around the kill" % (min(r["start"] for r in errors) - kill,
                                                          max(r["end"] for r in errors) - kill)
    ok = kill is not None and not lost and not doubled and after and not after_bad
    print("%s 6 failover: %d requests in %.1f s, node 1 killed (-9) at %.1f s, its process gone %.0f ms later; "
          "from %s s after it %d/%d succeeded on node 2; "
          "told 201: %d sign-ups, %d journal postings; in the database: lost %d, doubled %d, committed without an "
          "answer %d; errors during the failover: %d%s%s"
          % ("OK  " if ok else "FAIL", len(results), meta["seconds"], kill or -1, ((gone or 0) - (kill or 0)) * 1000,
             grace, len(after) - len(after_bad), len(after),
             len(told["registration"]), len(told["income"]), len(lost), len(doubled), len(unanswered), len(errors),
             " (" + ", ".join("%s ×%d" % kv for kv in sorted(kinds.items())) + ")" if kinds else "", window))
    sys.exit(0 if ok else 1)


def cmd_closed(port, path, token, callers, seconds):
    """A closed loop of callers for some seconds (when wrk is not installed): prints requests/s,
    p50 and p99 in ms, and the count of answers other than 200."""
    callers, seconds = int(callers), float(seconds)
    end = time.monotonic() + seconds
    latencies, errors = [], [0]
    lock = threading.Lock()

    def loop():
        conn = http.client.HTTPConnection("127.0.0.1", int(port), timeout=30)
        mine, bad = [], 0
        while time.monotonic() < end:
            t = time.monotonic()
            try:
                status, _, _ = request(int(port), "GET", path, token=token if token != "-" else None, conn=conn)
            except Exception:  # noqa: BLE001
                status = 0
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", int(port), timeout=30)
            mine.append(time.monotonic() - t)
            bad += status != 200
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    threads = [threading.Thread(target=loop) for _ in range(callers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    latencies.sort()
    pct = lambda p: latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000 if latencies else 0
    print("%.0f %.1f %.1f %d" % (len(latencies) / seconds, pct(0.50), pct(0.99), errors[0]))


def cmd_xlsx(template, out, organ, rows):
    """The import template with rows of new people added (inline strings), valid ID numbers (the
    unreal region 990101 of the demo data) and mobiles 137… unlike the demo's 139…. Prints the mobiles."""
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

    def id_number(seq):
        first = "990101" + "1990%02d%02d" % (1 + seq % 12, 1 + seq % 28) + "%03d" % (seq % 1000)
        return first + "10X98765432"[sum(int(c) * w for c, w in zip(first, weights)) % 11]

    base = random.randrange(10_000_000, 99_000_000)
    xml = []
    for i in range(int(rows)):
        cells = ["集群导入" + "甲乙丙丁戊己庚辛壬癸"[i % 10], id_number(base + i), "137" + str(base + i), organ]
        xml.append('<row r="%d">%s</row>' % (i + 2, "".join(
            '<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>' % ("ABCD"[j], i + 2, escape(v))
            for j, v in enumerate(cells))))
        print(cells[2])
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.decode().replace("</sheetData>", "".join(xml) + "</sheetData>").encode()
            dst.writestr(item, data)


def cmd_pdf(out, size):
    """A PDF-looking file (the signature the store checks) of random bytes; prints its sha256."""
    data = b"%PDF-1.4\n" + os.urandom(int(size))
    with open(out, "wb") as f:
        f.write(data)
    print(hashlib.sha256(data).hexdigest())


if __name__ == "__main__":
    globals()["cmd_" + sys.argv[1].replace("-", "_")](*sys.argv[2:])

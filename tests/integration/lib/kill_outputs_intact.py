#!/usr/bin/env python3
"""snapshot: records the SHA-256 of every file in DIR into FILE.
check: every output in DIR is as in the snapshot or a complete, valid new file (qpdf --check,
unzip -tq, Python's email, json); none is lost; everything else is a hidden temporary of an
output. Prints the number of outputs replaced, 1 when old and new outputs are side by side
(else 0), and the number of temporaries; exits 1 on any problem (FAIL lines on stderr).

  kill_outputs_intact.py snapshot DIR FILE | check DIR FILE WHEN BRIEFS_DIR
"""
import email, email.policy, hashlib, json, os, re, subprocess, sys
mode, d, snap = sys.argv[1:4]
def sha(p): return hashlib.sha256(open(p, "rb").read()).hexdigest()
files = sorted(os.listdir(d))
if mode == "snapshot":
    json.dump({f: sha(os.path.join(d, f)) for f in files if os.path.isfile(os.path.join(d, f))}, open(snap, "w"))
    sys.exit(0)
when = sys.argv[4]
before = json.load(open(snap))
stems = [f[:-5] for f in os.listdir(sys.argv[5]) if f.endswith(".yaml")]
outputs = {"manifest.json"} | {f"{s}.{e}" for s in stems for e in ("pdf", "docx", "eml")}
hidden = {f".{s}.briefmake-state" for s in stems} | {".briefmake.lock"}
ok = True
def bad(msg):
    global ok; ok = False; print(f"FAIL: {when}: {msg}", file=sys.stderr)

def valid(path):  # None when the file is complete and valid, else why not
    name = os.path.basename(path)
    try:
        if name.endswith(".pdf"):
            r = subprocess.run(["qpdf", "--check", path], capture_output=True, text=True)
            return None if r.returncode == 0 else "qpdf --check: " + (r.stdout + r.stderr)[-200:]
        if name.endswith(".docx"):
            r = subprocess.run(["unzip", "-tq", path], capture_output=True, text=True)
            return None if r.returncode == 0 else "unzip -tq: " + (r.stdout + r.stderr)[-200:]
        if name.endswith(".eml"):
            m = email.message_from_binary_file(open(path, "rb"), policy=email.policy.default)
            atts = [a.get_content() for a in m.iter_attachments()]
            if m.defects or len(atts) != 2 or not atts[0].startswith(b"%PDF-") or b"%%EOF" not in atts[0][-32:] \
               or not atts[1].startswith(b"PK"):
                return f"not a complete message: defects {m.defects}, {len(atts)} attachments"
            return None
        if name == "manifest.json":
            m = json.load(open(path, encoding="utf-8"))
            return None if len(m["briefs"]) == len(stems) else f"{len(m['briefs'])} briefs"
        if name.endswith(".briefmake-state"):
            s = json.load(open(path, encoding="utf-8"))
            return None if s["outputs"] and s["inputs"] else "no outputs or inputs"
        return None  # the lock file: empty
    except Exception as e:
        return f"{type(e).__name__}: {e}"

replaced, old, temps = 0, 0, 0
for f in sorted(set(before) | set(files)):
    p = os.path.join(d, f)
    m = re.fullmatch(r"\.(.+)\.[A-Za-z0-9]{6}", f)
    if m and not os.path.exists(p): continue  # a temporary of an earlier kill, cleaned up
    if f in outputs or f in hidden:
        if not os.path.exists(p):
            if f in before and f != ".briefmake.lock": bad(f"{f} was there before the run and is gone")
            continue
        if before.get(f) == sha(p):
            old += f in outputs
            continue
        replaced += f in outputs
        why = valid(p)
        if why: bad(f"{f} is neither the previous file nor a complete new one ({why})")
        continue
    if m and (m.group(1) in outputs or m.group(1) in hidden) and os.path.isfile(p):
        temps += 1  # hidden, ending in six random characters: no glob for outputs finds it
    else:
        bad(f"unexpected file {f}")
print(replaced, int(replaced > 0 and old > 0), temps)
sys.exit(0 if ok else 1)

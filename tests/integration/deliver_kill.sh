#!/usr/bin/env bash
# kill -9 during the delivery of 20 messages: afterwards every message has been received once,
# or twice with one Message-ID (at most one of them twice), and after the next run none is
# missing. The server (lib/smtpd.py) takes a while over each message so the kill lands mid-run.
source "$(dirname "$0")/lib/common.bash"
source "$(dirname "$0")/lib/mail.bash"

make_ca "$TMP/ca"
start_smtpd slow "$TMP/inbox" --cert "$TMP/ca/server.pem" --key "$TMP/ca/server.key" --delay 0.3
PORT=$SMTPD_PORT
B=$TMP/briefs
mkdir -p "$B"
stems=()
for i in $(seq -w 1 20); do
  "$PY" "$LIB/mail_briefs.py" "$B/n$i.yaml" "Not $i" - "kisi$i@example.gov.tr"
  stems+=("n$i=1-2:kisi$i@example.gov.tr")
done
bm() {
  "$BRIEFMAKE" -j 2 --smtp "smtp://127.0.0.1:$PORT" --smtp-ca "$TMP/ca/ca.pem" --from 'Robot <robot@example.gov.tr>' \
    -o "$TMP/out" "$B" 2>>"$TMP/err"
}
bm &
pid=$!
for _ in $(seq 600); do
  [ "$(received "$TMP/inbox")" -ge 6 ] && break
  kill -0 $pid 2>/dev/null || break
  sleep 0.1
done
n=$(received "$TMP/inbox")
kill -9 $pid 2>/dev/null || fail "briefmake ended before the kill ($n received)"
wait $pid 2>/dev/null || true
echo "killed after $n of 20 messages were received"
[ "$n" -ge 6 ] && [ "$n" -lt 20 ] || fail "the kill did not land during delivery ($n received)"

stop_smtpd slow
start_smtpd fast "$TMP/inbox" --port "$PORT" --cert "$TMP/ca/server.pem" --key "$TMP/ca/server.key"
bm || fail "the run after the kill failed: $(cat "$TMP/err")"
"$PY" "$LIB/check_received.py" "$TMP/inbox" "$TMP/out" "${stems[@]}" || fail "after the kill and a rerun, not every message once or twice"
total=$(received "$TMP/inbox")
[ "$total" -le 21 ] || fail "$total messages received for 20: more than one went twice"
[ "$total" -ge 20 ] || fail "only $total messages received for 20"
bm || fail "the third run failed"
[ "$(received "$TMP/inbox")" = "$total" ] || fail "the third run delivered again"
finish

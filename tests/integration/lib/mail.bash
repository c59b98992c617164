# shellcheck shell=bash
# Helpers for the delivery tests (source after common.bash): a test CA and server certificates
# made with openssl, and the aiosmtpd server of lib/smtpd.py started on 127.0.0.1 and stopped
# when the test ends.

# Debian's python3 carries aiosmtpd (python3-aiosmtpd); a python3 earlier on PATH may not.
PY=python3
for p in /usr/bin/python3 python3; do
  if "$p" -c 'import aiosmtpd' 2>/dev/null; then PY=$p; break; fi
done
"$PY" -c 'import aiosmtpd' 2>/dev/null || die "python3-aiosmtpd is not installed (run scripts/setup --test)"
need openssl
LIB=$SOURCE_DIR/tests/integration/lib

# make_ca DIR: DIR/ca.pem (a test CA), DIR/server.pem + server.key for 127.0.0.1 and localhost,
# DIR/other-ca.pem and DIR/wrong.pem + wrong.key (a certificate of another CA, and one of the
# test CA for another name).
make_ca() {
  local d=$1
  mkdir -p "$d"
  (
    cd "$d"
    openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 -subj '/CN=briefmake test CA' \
      -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign
    openssl req -x509 -newkey rsa:2048 -nodes -keyout other-ca.key -out other-ca.pem -days 2 -subj '/CN=other CA' \
      -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign
    sign() {  # sign NAME CA SAN
      openssl req -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.csr" -subj "/CN=$1"
      printf 'subjectAltName=%s\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' "$3" >"$1.ext"
      openssl x509 -req -in "$1.csr" -CA "$2.pem" -CAkey "$2.key" -CAcreateserial -out "$1.pem" -days 2 -extfile "$1.ext"
    }
    sign server ca 'IP:127.0.0.1,DNS:localhost'
    sign wrong ca 'DNS:mail.example.org'
    sign stranger other-ca 'IP:127.0.0.1,DNS:localhost'
  ) >"$d/openssl.log" 2>&1 || die "openssl could not make the test CA: $(tail -5 "$d/openssl.log")"
}

# start_smtpd NAME DIR [smtpd.py options...]: starts a server that stores into DIR; sets
# SMTPD_PORT and remembers the process as NAME (stop_smtpd NAME). Stopped at the test's end.
SMTPD_PIDS=()
start_smtpd() {
  local name=$1 dir=$2
  shift 2
  rm -f "$TMP/$name.port"
  "$PY" "$LIB/smtpd.py" --dir "$dir" --port-file "$TMP/$name.port" --lifetime 600 "$@" 2>"$TMP/$name.log" &
  local pid=$!
  SMTPD_PIDS+=("$pid")
  eval "SMTPD_PID_$name=$pid"
  local i
  for i in $(seq 100); do
    [ -s "$TMP/$name.port" ] && break
    kill -0 "$pid" 2>/dev/null || die "the SMTP server did not start: $(cat "$TMP/$name.log")"
    sleep 0.1
  done
  [ -s "$TMP/$name.port" ] || die "the SMTP server did not start in 10 s: $(cat "$TMP/$name.log")"
  SMTPD_PORT=$(cat "$TMP/$name.port")
}
stop_smtpd() {
  local var=SMTPD_PID_$1
  kill "${!var}" 2>/dev/null || true
  wait "${!var}" 2>/dev/null || true
}
stop_all_smtpd() {
  local p
  for p in "${SMTPD_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${SMTPD_PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
}
trap 'stop_all_smtpd; rm -rf "$TMP"' EXIT

# received DIR: how many messages the server stored in DIR.
received() { find "$1" -maxdepth 1 -name '*.eml' 2>/dev/null | wc -l; }

# credentials FILE USER PASS: a netrc-form login for 127.0.0.1, mode 600.
credentials() {
  (umask 077 && printf 'machine 127.0.0.1\n  login %s\n  password %s\n' "$2" "$3" >"$1")
}

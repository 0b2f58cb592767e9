#!/usr/bin/env bash
# deploy/nginx/boravak.conf works: nginx with that file, and `boravak serve` behind it as in
# docs/deploy.md, answer over TLS and refuse what the file says they refuse.
# Usage: nginx_proxy_test.sh BORAVAK_BINARY
#
# Everything runs as the current user on loopback ports nobody else uses: a self-signed
# certificate, nginx with its pid, logs and temporary files in a scratch folder, and the
# committed file with its ports and certificate paths changed (only those lines; the test
# fails if it cannot find them). Exit 77 (skipped) when nginx, openssl or curl is missing.
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 BORAVAK_BINARY" >&2
  exit 2
fi
for tool in nginx openssl curl python3; do
  if ! command -v "$tool" >/dev/null 2>&1 && [[ ! -x /usr/sbin/$tool ]]; then
    echo "$tool is not installed: skipped"
    exit 77
  fi
done
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
boravak="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
tmp="$(mktemp -d)"
boravak_pid=""
nginx_pid=""

stop() {
  local pid="$1"
  [[ -n $pid ]] || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
}
cleanup() {
  stop "$nginx_pid"
  stop "$boravak_pid"
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

. "$(dirname "$0")/../lib/checks.sh"
# Stops at once with the logs: nothing after this could work.
give_up() {
  echo "FAIL - $1"
  for log in "$tmp/boravak.log" "$tmp/error.log" "$tmp/nginx.out"; do
    [[ -s $log ]] && { echo "--- $log"; tail -n 30 "$log"; }
  done
  exit 1
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
boravak_port="$(free_port)"
tls_port="$(free_port)"
http_port="$(free_port)"
while [[ $tls_port == "$boravak_port" ]]; do tls_port="$(free_port)"; done
while [[ $http_port == "$boravak_port" || $http_port == "$tls_port" ]]; do http_port="$(free_port)"; done

# A certificate for 127.0.0.1, good for two days.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
  -subj "/CN=boravak test" -addext "subjectAltName=IP:127.0.0.1" \
  -keyout "$tmp/key.pem" -out "$tmp/cert.pem" 2>"$tmp/openssl.err" || give_up "openssl could not make a certificate: $(cat "$tmp/openssl.err")"

# The committed site file, with the lines that name ports and certificates changed.
site="$repo/deploy/nginx/boravak.conf"
# expect_line TEXT: the committed file has this exact line (indentation aside).
expect_line() {
  grep -q -x -F -e "$1" <(sed -e 's/^[[:space:]]*//' "$site") || give_up "deploy/nginx/boravak.conf has no line \"$1\"; update this test with the file"
}
expect_line "server 127.0.0.1:8080;"
expect_line "listen 80;"
expect_line "listen [::]:80;"
expect_line "listen 443 ssl http2;"
expect_line "listen [::]:443 ssl http2;"
expect_line "ssl_certificate /etc/letsencrypt/live/boravak.example.org/fullchain.pem;"
expect_line "ssl_certificate_key /etc/letsencrypt/live/boravak.example.org/privkey.pem;"
sed -e "s#^\([[:space:]]*\)server 127\.0\.0\.1:8080;#\1server 127.0.0.1:$boravak_port;#" \
  -e "s#^\([[:space:]]*\)listen 80;#\1listen 127.0.0.1:$http_port;#" \
  -e "/^[[:space:]]*listen \[::\]:80;/d" \
  -e "s#^\([[:space:]]*\)listen 443 ssl http2;#\1listen 127.0.0.1:$tls_port ssl http2;#" \
  -e "/^[[:space:]]*listen \[::\]:443 ssl http2;/d" \
  -e "s#^\([[:space:]]*\)ssl_certificate /etc/.*#\1ssl_certificate $tmp/cert.pem;#" \
  -e "s#^\([[:space:]]*\)ssl_certificate_key /etc/.*#\1ssl_certificate_key $tmp/key.pem;#" \
  "$site" >"$tmp/boravak.conf"

# The file itself: the client's address is set, never appended to.
grep -v '^[[:space:]]*#' "$site" >"$tmp/directives"
# shellcheck disable=SC2016 # nginx variables, not the shell's
if grep -q -F 'proxy_set_header X-Forwarded-For $remote_addr;' "$tmp/directives" &&
  ! grep -q -F '$proxy_add_x_forwarded_for' "$tmp/directives"; then
  pass "X-Forwarded-For is set to \$remote_addr, not appended to"
else
  fail "X-Forwarded-For must be set with \$remote_addr, and \$proxy_add_x_forwarded_for not used"
fi

# The rest of nginx.conf, as Debian's would give it, but all in the scratch folder. As root,
# nginx would hand the requests to "nobody", who cannot enter the scratch folder.
{
  [[ $(id -u) -eq 0 ]] && echo "user root root;"
  cat <<EOF
worker_processes 1;
pid $tmp/nginx.pid;
error_log $tmp/error.log info;
events {
    worker_connections 256;
}
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log $tmp/access.log;
    client_body_temp_path $tmp/client_body;
    proxy_temp_path $tmp/proxy;
    fastcgi_temp_path $tmp/fastcgi;
    uwsgi_temp_path $tmp/uwsgi;
    scgi_temp_path $tmp/scgi;
    include $tmp/boravak.conf;
}
EOF
} >"$tmp/nginx.conf"
[[ -f /etc/nginx/mime.types ]] || sed -i '/mime.types/d' "$tmp/nginx.conf"

if "$nginx_bin" -t -p "$tmp" -e "$tmp/error.log" -c "$tmp/nginx.conf" >"$tmp/nginx.out" 2>&1; then
  pass "nginx -t accepts deploy/nginx/boravak.conf"
else
  give_up "nginx -t refuses the configuration: $(cat "$tmp/nginx.out")"
fi

# boravak as the systemd unit runs it, on the scratch database.
# --rate-limit 20: low enough for the X-Forwarded-For check at the end to reach it.
"$boravak" serve --listen "127.0.0.1:$boravak_port" --trusted-proxy 127.0.0.1/32 \
  --db "sqlite:$tmp/db.sqlite" --rate-limit 20 >"$tmp/boravak.log" 2>&1 &
boravak_pid=$!
"$nginx_bin" -p "$tmp" -e "$tmp/error.log" -c "$tmp/nginx.conf" -g "daemon off;" >"$tmp/nginx.out" 2>&1 &
nginx_pid=$!

# Waits until boravak answers on its own port and nginx on the TLS port (60 s at most).
ready=""
for _ in $(seq 1 600); do
  kill -0 "$boravak_pid" 2>/dev/null || give_up "boravak serve stopped at start"
  kill -0 "$nginx_pid" 2>/dev/null || give_up "nginx stopped at start"
  if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$boravak_port/v1/health" &&
    curl -sk -o /dev/null --max-time 2 "https://127.0.0.1:$tls_port/"; then
    ready=yes
    break
  fi
  sleep 0.1
done
[[ -n $ready ]] || give_up "boravak or nginx did not answer within 60 seconds"

# answer METHOD URL [curl options...]: status in $status, body in $tmp/body, headers in $tmp/headers.
answer() {
  local method="$1" url="$2"
  shift 2
  status="$(curl -s -k -X "$method" -o "$tmp/body" -D "$tmp/headers" -w '%{http_code}' --max-time 60 "$@" "$url")" || status="none"
}

# Through nginx, over TLS, to boravak's health route.
answer GET "https://127.0.0.1:$tls_port/v1/health"
if [[ $status == 200 ]] && grep -q '"status":"ok"' "$tmp/body"; then
  pass "GET https://…/v1/health answers status ok through nginx"
else
  fail "GET https://…/v1/health through nginx" "status $status" "$(head -c 300 "$tmp/body")"
fi
if grep -q -i '^strict-transport-security:' "$tmp/headers"; then
  pass "HTTPS answers carry Strict-Transport-Security"
else
  fail "no Strict-Transport-Security header over HTTPS"
fi

# The web page comes through too.
answer GET "https://127.0.0.1:$tls_port/"
if [[ $status == 200 ]] && grep -q -i '^content-type: text/html' "$tmp/headers"; then
  pass "GET https://…/ is the web page"
else
  fail "GET https://…/ through nginx" "status $status"
fi

# Plain HTTP sent to the TLS port must not reach boravak: an error or a redirect.
status="$(curl -s -o "$tmp/body" -w '%{http_code}' --max-time 10 "http://127.0.0.1:$tls_port/v1/health")" || status="none"
if [[ $status == none || $status == 000 || $status == 400 || $status == 497 || $status == 3* ]] && ! grep -q '"status":"ok"' "$tmp/body"; then
  pass "plain HTTP on the TLS port is refused (status $status)"
else
  fail "plain HTTP on the TLS port got an answer" "status $status" "$(head -c 300 "$tmp/body")"
fi

# Port 80: the page redirects to HTTPS, the API is refused.
answer GET "http://127.0.0.1:$http_port/"
if [[ $status == 301 ]] && grep -q -i '^location: https://' "$tmp/headers"; then
  pass "http://…/ redirects to https://"
else
  fail "http://…/ should be a 301 to https://" "status $status"
fi
answer GET "http://127.0.0.1:$http_port/v1/health"
if [[ $status == 403 ]]; then
  pass "the API over plain HTTP is refused (403)"
else
  fail "the API over plain HTTP should be 403" "status $status"
fi

# The metrics are never served through the proxy.
answer GET "https://127.0.0.1:$tls_port/v1/metrics"
if [[ $status == 403 ]]; then
  pass "GET https://…/v1/metrics is refused by nginx"
else
  fail "GET https://…/v1/metrics should be 403 from nginx" "status $status"
fi

# Bodies: 2 MiB is too much for an ordinary route (nginx answers 413 before boravak sees it)...
line='{"id":"r","citizenship":"RU","stays":[{"entry":"2026-10-20"}],"on":"2026-11-10"}'
python3 -c 'import sys; line = sys.argv[1] + "\n"; n = 2 * 1024 * 1024 // len(line) + 1; sys.stdout.write(line * n)' "$line" >"$tmp/batch.jsonl"
lines_in="$(wc -l <"$tmp/batch.jsonl")"
answer POST "https://127.0.0.1:$tls_port/v1/stay/check" -H "Content-Type: application/json" --data-binary "@$tmp/batch.jsonl"
if [[ $status == 413 ]] && ! grep -q -i '^content-type: application/json' "$tmp/headers"; then
  pass "2 MiB to /v1/stay/check stops at nginx (413)"
else
  fail "2 MiB to /v1/stay/check should be nginx's 413" "status $status" "$(grep -i '^content-type' "$tmp/headers" || true)"
fi
# ...and fine for the batch, which streams through.
answer POST "https://127.0.0.1:$tls_port/v1/stay/batch" -H "Content-Type: application/x-ndjson" --data-binary "@$tmp/batch.jsonl"
lines_out="$(wc -l <"$tmp/body")"
if [[ $status == 200 && $lines_out == "$lines_in" ]]; then
  pass "a 2 MiB batch ($lines_in lines) goes through nginx, one answer line each"
else
  fail "a 2 MiB batch through nginx" "status $status, $lines_in lines in, $lines_out out" "$(head -c 300 "$tmp/body")"
fi

# X-Forwarded-For end to end, with boravak's rate limit (--rate-limit 20 a second per client
# address) as the witness. One client floods the API, each request with a different forged
# X-Forwarded-For: nginx replaces the header, so boravak counts them all against that client and
# refuses some (429). A second client, from another loopback address, is then still served:
# boravak read its address from the header that nginx set, not from the socket (always nginx).
python3 - "$tls_port" >"$tmp/xff.out" 2>&1 <<'PY' && xff_status=0 || xff_status=$?
import http.client, ssl, sys
port = int(sys.argv[1])
tls = ssl.create_default_context()
tls.check_hostname = False
tls.verify_mode = ssl.CERT_NONE
def statuses(source, count, forged):
    c = http.client.HTTPSConnection("127.0.0.1", port, timeout=10, context=tls, source_address=(source, 0))
    seen = []
    for n in range(count):
        headers = {"X-Forwarded-For": "198.51.100.%d" % (n % 250 + 1)} if forged else {}
        c.request("GET", "/v1/health", headers=headers)
        r = c.getresponse()
        r.read()
        seen.append(r.status)
    c.close()
    return seen
flood = statuses("127.0.0.1", 120, True)
print("flood from 127.0.0.1 with forged X-Forwarded-For: %d answered 200, %d answered 429"
      % (flood.count(200), flood.count(429)))
other = statuses("127.0.0.2", 3, False)
print("then from 127.0.0.2: %s" % other)
sys.exit(0 if 429 in flood and other == [200, 200, 200] else 1)
PY
if [[ $xff_status -eq 0 ]]; then
  pass "forged X-Forwarded-For does not escape the rate limit; another client address is counted apart"
else
  fail "X-Forwarded-For through nginx" "$(cat "$tmp/xff.out")"
fi

echo "$passed passed, $failed failed"
if [[ $failed -ne 0 ]]; then
  echo "--- boravak log"
  tail -n 30 "$tmp/boravak.log" || true
  echo "--- nginx error log"
  tail -n 30 "$tmp/error.log" || true
  exit 1
fi

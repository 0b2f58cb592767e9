#!/usr/bin/env bash
# A new user's first run, for real: builds a minimal Debian 12 (bookworm) root with debootstrap,
# installs only make, git and ca-certificates in it, clones this repository there, runs
# `make run` until /v1/health answers, stops it, then runs `make test`, and prints a summary.
#
# Usage: sudo scripts/fresh-check.sh [--head] [--keep]      (or: sudo make fresh-check)
#   --head   clone the committed HEAD only. By default the clone also gets this working tree's
#            uncommitted changes and untracked (not ignored) files, so that work can be checked
#            before it is committed; the host repository is only read, never changed.
#   --keep   keep the root folder afterwards (everything is still unmounted).
# Environment:
#   FRESH_DIR           where the temporary root goes (default /var/tmp; needs about 6 GB)
#   FRESH_RUN_MINUTES   how long `make run` may take to answer /v1/health (default 60)
#   FRESH_TEST_MINUTES  how long `make test` may take (default 150)
#   FRESH_MIRROR        the Debian mirror (default: the one this host's apt uses for bookworm)
#
# Needs root: debootstrap, chroot and mount do. The host must reach a Debian mirror and the
# npm registry. Whatever lets it do so here is carried into the root: /etc/resolv.conf, the CA
# certificates added in /usr/local/share/ca-certificates, apt settings for proxies, CAs and
# Release checks from /etc/apt/apt.conf.d, npm's config files (/etc/npmrc, /usr/etc/npmrc and
# root's ~/.npmrc), and the proxy and CA variables of this environment. The logs are kept in
# $FRESH_DIR/boravak-fresh-check-logs.<time>/ after the root is gone.
set -euo pipefail

HEAD_ONLY=0
KEEP=0
for arg in "$@"; do
  case "$arg" in
    --head) HEAD_ONLY=1 ;;
    --keep) KEEP=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "fresh-check: unknown argument $arg (see --help)" >&2; exit 2 ;;
  esac
done

if [ "$(id -u)" -ne 0 ]; then
  echo "fresh-check: needs root (debootstrap, chroot, mount): run 'sudo make fresh-check'" >&2
  exit 1
fi

REPO=$(cd "$(dirname "$0")/.." && pwd)
BASE_DIR="${FRESH_DIR:-/var/tmp}"
RUN_MINUTES="${FRESH_RUN_MINUTES:-60}"
TEST_MINUTES="${FRESH_TEST_MINUTES:-150}"
STAMP=$(date +%Y%m%d-%H%M%S)
LOGS="$BASE_DIR/boravak-fresh-check-logs.$STAMP"
mkdir -p "$LOGS"

say() { printf '\n== fresh-check: %s\n' "$*"; }
elapsed() { local s=$(( $(date +%s) - $1 )); printf '%dm%02ds' $((s / 60)) $((s % 60)); }

# --- debootstrap and the mirror ---------------------------------------------------------------

need=()
command -v debootstrap >/dev/null || need+=(debootstrap)
[ -e /usr/share/keyrings/debian-archive-keyring.gpg ] || need+=(debian-archive-keyring)
if [ ${#need[@]} -gt 0 ]; then
  say "installing ${need[*]} on this host"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

# The first URI this host's apt uses for SUITE ("bookworm", "bookworm-security"), from both the
# one-line (.list) and the deb822 (.sources) formats. Files apt does not read are ignored.
apt_uri_for() {
  local suite="$1" files=()
  [ -f /etc/apt/sources.list ] && files+=(/etc/apt/sources.list)
  for f in /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] && files+=("$f")
  done
  [ ${#files[@]} -gt 0 ] || return 0
  awk -v suite="$suite" '
    # deb822 paragraphs end at a blank line or at the end of their file (plain POSIX awk).
    function flush() {
      if (!found && types ~ /(^| )deb( |$)/ && (" " suites " ") ~ (" " suite " ") && uris != "") {
        split(uris, u, " "); print u[1]; found = 1
      }
      types = ""; suites = ""; uris = ""
    }
    FNR == 1 { flush(); deb822 = (FILENAME ~ /\.sources$/) }
    found { exit }
    deb822 {
      if ($0 ~ /^[ \t]*$/) { flush(); next }
      if ($0 ~ /^Types:/)  { sub(/^Types:[ \t]*/, "");  types = $0 }
      if ($0 ~ /^Suites:/) { sub(/^Suites:[ \t]*/, ""); suites = $0 }
      if ($0 ~ /^URIs:/)   { sub(/^URIs:[ \t]*/, "");   uris = $0 }
      next
    }
    /^[ \t]*deb[ \t]/ {
      line = $0; sub(/^[ \t]*deb[ \t]+/, "", line)
      if (line ~ /^\[/) sub(/^\[[^]]*\][ \t]*/, "", line)
      n = split(line, w, /[ \t]+/)
      if (n >= 2 && w[2] == suite) { print w[1]; found = 1; exit }
    }
    END { flush() }
  ' "${files[@]}" 2>/dev/null | head -n 1
}

MIRROR="${FRESH_MIRROR:-$(apt_uri_for bookworm)}"
MIRROR="${MIRROR:-http://deb.debian.org/debian}"
SECURITY="$(apt_uri_for bookworm-security)"
SECURITY="${SECURITY:-http://deb.debian.org/debian-security}"

# debootstrap fetches with wget, which reads http_proxy/https_proxy but not apt's settings.
if [ -z "${http_proxy:-}${HTTP_PROXY:-}" ]; then
  eval "$(apt-config shell APT_HTTP_PROXY Acquire::http::Proxy APT_HTTPS_PROXY Acquire::https::Proxy)"
  if [ -n "${APT_HTTP_PROXY:-}" ] && [ "${APT_HTTP_PROXY}" != DIRECT ]; then export http_proxy="$APT_HTTP_PROXY"; fi
  if [ -n "${APT_HTTPS_PROXY:-}" ] && [ "${APT_HTTPS_PROXY}" != DIRECT ]; then export https_proxy="$APT_HTTPS_PROXY"; fi
fi

# --- the temporary root, and the trap that always takes it down -------------------------------

mkdir -p "$BASE_DIR"
free_kb=$(df -Pk "$BASE_DIR" | awk 'NR == 2 {print $4}')
if [ "${free_kb:-0}" -lt $(( 6 * 1024 * 1024 )) ]; then
  echo "fresh-check: warning: only $(( ${free_kb:-0} / 1024 / 1024 )) GB free in $BASE_DIR; the root needs about 6 GB (set FRESH_DIR)" >&2
fi
WORK=$(mktemp -d "$BASE_DIR/boravak-fresh.XXXXXX")
ROOT="$WORK/root"
mkdir -p "$ROOT"
RUN_PID=

mounts_under() {  # mount points at or below $1, deepest first
  awk -v root="$1" '{ m = $5; gsub(/\\040/, " ", m); if (m == root || index(m, root "/") == 1) print m }' \
    /proc/self/mountinfo | awk '{ print length($0) "\t" $0 }' | sort -rn | cut -f2-
}

kill_inside() {  # every process whose root directory is the temporary root
  local signal="$1" dir pid link
  for dir in /proc/[0-9]*; do
    pid=${dir#/proc/}
    link=$(readlink "$dir/root" 2>/dev/null) || continue
    if [ "$link" = "$ROOT" ] || [ "${link#"$ROOT"/}" != "$link" ]; then
      kill "-$signal" "$pid" 2>/dev/null || true
    fi
  done
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  set +e
  if [ -n "$RUN_PID" ]; then kill -TERM -- "-$RUN_PID" 2>/dev/null; fi
  kill_inside TERM; sleep 2; kill_inside KILL; sleep 1
  local m
  while IFS= read -r m; do
    umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || echo "fresh-check: could not unmount $m" >&2
  done < <(mounts_under "$ROOT")
  if [ -n "$(mounts_under "$ROOT")" ]; then
    echo "fresh-check: something is still mounted under $ROOT; NOT removing $WORK:" >&2
    mounts_under "$ROOT" >&2
  elif [ "$KEEP" = 1 ]; then
    echo "fresh-check: kept the root in $ROOT (unmounted)"
  else
    rm -rf --one-file-system "$WORK"
  fi
  echo "fresh-check: logs in $LOGS"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- build the root ---------------------------------------------------------------------------

T0=$(date +%s)
say "debootstrap --variant=minbase bookworm from $MIRROR into $ROOT"
if ! debootstrap --variant=minbase bookworm "$ROOT" "$MIRROR" >"$LOGS/debootstrap.log" 2>&1; then
  tail -n 30 "$LOGS/debootstrap.log" >&2
  echo "fresh-check: debootstrap failed (whole log: $LOGS/debootstrap.log)" >&2
  exit 1
fi
DEBOOTSTRAP_TIME=$(elapsed "$T0")

cat >"$ROOT/etc/apt/sources.list" <<EOF
deb $MIRROR bookworm main
deb $MIRROR bookworm-updates main
deb $SECURITY bookworm-security main
EOF
# No service starts inside the root (postgresql's package would start a cluster otherwise).
printf '#!/bin/sh\nexit 101\n' >"$ROOT/usr/sbin/policy-rc.d"
chmod 755 "$ROOT/usr/sbin/policy-rc.d"

# What lets this host reach the mirror and the registry.
cp -L /etc/resolv.conf "$ROOT/etc/resolv.conf"
[ -s "$ROOT/etc/hosts" ] || printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' >"$ROOT/etc/hosts"
if ls /usr/local/share/ca-certificates/* >/dev/null 2>&1; then
  mkdir -p "$ROOT/usr/local/share/ca-certificates"
  cp -a /usr/local/share/ca-certificates/. "$ROOT/usr/local/share/ca-certificates/"
fi
# Until ca-certificates is installed inside (its postinst rebuilds this file from the Mozilla
# set and the local certificates above), apt over https uses the host's bundle.
if [ -f /etc/ssl/certs/ca-certificates.crt ]; then
  mkdir -p "$ROOT/etc/ssl/certs"
  cp -L /etc/ssl/certs/ca-certificates.crt "$ROOT/etc/ssl/certs/ca-certificates.crt"
fi
for f in /etc/apt/apt.conf /etc/apt/apt.conf.d/*; do
  [ -f "$f" ] || continue
  if grep -qiE 'Proxy|CaInfo|CaPath|Verify-Peer|Verify-Host|SslCert|SslKey|Check-Valid-Until|Check-Date' "$f"; then
    mkdir -p "$ROOT$(dirname "$f")"
    cp -L "$f" "$ROOT$f"
    echo "fresh-check: carrying $f into the root"
  fi
done
for f in /etc/npmrc /usr/etc/npmrc; do
  if [ -f "$f" ]; then mkdir -p "$ROOT$(dirname "$f")"; cp -L "$f" "$ROOT$f"; echo "fresh-check: carrying $f"; fi
done
# The user's own npm settings: root's, or those of the user who called sudo.
for user in root ${SUDO_USER:-}; do
  home=$(getent passwd "$user" | cut -d: -f6)
  if [ -n "$home" ] && [ -f "$home/.npmrc" ]; then
    mkdir -p "$ROOT/root"
    install -m 600 "$home/.npmrc" "$ROOT/root/.npmrc"
    echo "fresh-check: carrying $user's ~/.npmrc"
    break
  fi
done

# The environment inside: a clean one, plus this host's proxy and CA variables.
INSIDE_ENV=(HOME=/root LANG=C.UTF-8 TERM=dumb DEBIAN_FRONTEND=noninteractive
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin)
CA_FILES=()
while IFS='=' read -r name _; do
  case "$name" in
    http_proxy|https_proxy|no_proxy|HTTP_PROXY|HTTPS_PROXY|NO_PROXY|ALL_PROXY|all_proxy|NPM_CONFIG_*|npm_config_*)
      INSIDE_ENV+=("$name=${!name}") ;;
    NODE_EXTRA_CA_CERTS|SSL_CERT_FILE|SSL_CERT_DIR|REQUESTS_CA_BUNDLE|CURL_CA_BUNDLE|GIT_SSL_CAINFO)
      INSIDE_ENV+=("$name=${!name}"); CA_FILES+=("${!name}") ;;
  esac
done < <(env)

# --- mounts -----------------------------------------------------------------------------------

for d in proc sys dev dev/pts; do
  mkdir -p "$ROOT/$d"
  mount --bind "/$d" "$ROOT/$d"
  mount --make-private "$ROOT/$d"
done
# Chromium needs a shared-memory folder; a fresh tmpfs, not the host's /dev/shm.
mkdir -p "$ROOT/dev/shm"
mount -t tmpfs -o mode=1777,size=1g shm "$ROOT/dev/shm"
# The repository, read-only, only to be cloned from. A linked worktree or a repository with
# alternates keeps objects outside its folder; it is cloned from a bundle of HEAD instead.
ORIGIN=/mnt/boravak-origin
mkdir -p "$ROOT$ORIGIN"
if [ -d "$REPO/.git" ] && [ ! -s "$REPO/.git/objects/info/alternates" ]; then
  mount --bind "$REPO" "$ROOT$ORIGIN"
  mount --make-private "$ROOT$ORIGIN"
  mount -o remount,bind,ro "$ROOT$ORIGIN"
else
  git -c safe.directory="$REPO" -C "$REPO" bundle create "$ROOT/root/boravak.bundle" HEAD 2>/dev/null
  ORIGIN=/root/boravak.bundle
fi

inside() {  # inside COMMAND...: run in the root, as root, with the clean environment
  chroot "$ROOT" /usr/bin/env -i "${INSIDE_ENV[@]}" "$@"
}

# --- what a new user does ---------------------------------------------------------------------

say "apt-get install make git ca-certificates (nothing else)"
inside sh -c 'apt-get update -qq && apt-get install -y -qq --no-install-recommends make git ca-certificates' \
  >"$LOGS/apt-minimal.log" 2>&1 || { tail -n 30 "$LOGS/apt-minimal.log" >&2; exit 1; }
# The CA variables name files on this host; those the root lacks are copied to the same path.
for f in "${CA_FILES[@]}"; do
  if [ -f "$f" ] && [ ! -e "$ROOT$f" ]; then mkdir -p "$ROOT$(dirname "$f")"; cp -L "$f" "$ROOT$f"; fi
done

say "git clone of $REPO"
inside git config --global --add safe.directory '*'
inside git clone -q "$ORIGIN" /root/boravak
CLONED=$(inside git -C /root/boravak rev-parse --short HEAD)
WHAT="HEAD $CLONED"
if [ "$HEAD_ONLY" = 0 ]; then
  # The working tree's changes on top of the clone: tracked changes as a binary diff, untracked
  # files that git does not ignore as a tar. Read from the host repository, which stays as it is.
  host_git() { git -c safe.directory="$REPO" -C "$REPO" "$@"; }
  host_git diff --binary HEAD >"$ROOT/root/worktree.patch"
  (cd "$REPO" && host_git ls-files -z --others --exclude-standard | tar --null -T - -cf "$ROOT/root/untracked.tar")
  if [ -s "$ROOT/root/worktree.patch" ]; then
    inside sh -c 'cd /root/boravak && git apply --whitespace=nowarn /root/worktree.patch'
  fi
  inside tar -xf /root/untracked.tar -C /root/boravak
  untracked=$(tar -tf "$ROOT/root/untracked.tar" | wc -l)
  changed=$(inside git -C /root/boravak status --porcelain | wc -l)
  WHAT="HEAD $CLONED + the working tree ($changed changed or new paths, $untracked untracked files)"
  rm -f "$ROOT/root/worktree.patch" "$ROOT/root/untracked.tar"
fi
echo "fresh-check: testing $WHAT"

# A free port, so that a server already on 8080 (or anything else) does not get in the way.
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PORT=
for _ in $(seq 50); do
  p=$(( 20000 + RANDOM % 40000 ))
  if port_free "$p"; then PORT=$p; break; fi
done
[ -n "$PORT" ] || { echo "fresh-check: found no free port" >&2; exit 1; }

# Prints the body of /v1/health when it answers 200 within 5 s (bash's /dev/tcp: the host
# needs no curl).
HEALTH_SCRIPT=$(cat <<'EOF_HEALTH'
exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
printf 'GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
reply=$(cat <&3) || exit 1
case "${reply%%$'\r'*}" in *" 200 "*) ;; *) exit 1 ;; esac
printf '%s\n' "${reply#*$'\r\n\r\n'}"
EOF_HEALTH
)
health() { timeout 5 bash -c "$HEALTH_SCRIPT" health "$PORT" 2>/dev/null; }

say "make run LISTEN=127.0.0.1:$PORT (up to $RUN_MINUTES minutes for /v1/health)"
T1=$(date +%s)
# With job control on for this one job, make and the server get a process group of their own
# (its id is the job's pid), which is stopped as a whole below.
set -m
chroot "$ROOT" /usr/bin/env -i "${INSIDE_ENV[@]}" \
  sh -c "cd /root/boravak && exec make run LISTEN=127.0.0.1:$PORT" >"$LOGS/make-run.log" 2>&1 </dev/null &
RUN_PID=$!
set +m
RUN_OK=0
HEALTH=
deadline=$(( T1 + RUN_MINUTES * 60 ))
while [ "$(date +%s)" -lt "$deadline" ]; do
  if HEALTH=$(health); then RUN_OK=1; break; fi
  kill -0 "$RUN_PID" 2>/dev/null || break
  sleep 5
done
RUN_TIME=$(elapsed "$T1")
DB_FILE=/root/.local/share/boravak/boravak.sqlite
if [ "$RUN_OK" = 1 ]; then
  echo "fresh-check: /v1/health answered after $RUN_TIME: $HEALTH"
  # Ctrl-C, as a person would stop it: SIGINT to make and the server.
  kill -INT -- "-$RUN_PID" 2>/dev/null || true
  for _ in $(seq 30); do kill -0 "$RUN_PID" 2>/dev/null || break; sleep 1; done
  if kill -0 "$RUN_PID" 2>/dev/null; then
    echo "fresh-check: make run did not stop within 30 s of Ctrl-C; killing it" >&2
    kill -KILL -- "-$RUN_PID" 2>/dev/null || true
    RUN_OK=0
  fi
  if [ -f "$ROOT$DB_FILE" ]; then DB_NOTE="$DB_FILE exists"; else DB_NOTE="$DB_FILE is MISSING"; RUN_OK=0; fi
else
  if kill -0 "$RUN_PID" 2>/dev/null; then
    echo "fresh-check: no answer from /v1/health within $RUN_MINUTES minutes" >&2
    kill -TERM -- "-$RUN_PID" 2>/dev/null || true
  else
    echo "fresh-check: make run exited before /v1/health answered" >&2
  fi
  tail -n 40 "$LOGS/make-run.log" >&2
  DB_NOTE="not checked"
fi
wait "$RUN_PID" 2>/dev/null || true
RUN_PID=

say "make test (up to $TEST_MINUTES minutes)"
T2=$(date +%s)
TEST_STATUS=0
timeout --kill-after=60 "$(( TEST_MINUTES * 60 ))" \
  chroot "$ROOT" /usr/bin/env -i "${INSIDE_ENV[@]}" sh -c 'cd /root/boravak && make test' \
  >"$LOGS/make-test.log" 2>&1 </dev/null || TEST_STATUS=$?
TEST_TIME=$(elapsed "$T2")
CTEST_LINE=$(grep -E 'tests passed|tests failed' "$LOGS/make-test.log" | tail -n 1 || true)
if [ "$TEST_STATUS" -ne 0 ]; then
  grep -E '^\s+[0-9]+ - |\(Failed\)|\(Timeout\)|Not Run|\*\*\*' "$LOGS/make-test.log" | tail -n 30 >&2 || true
  tail -n 20 "$LOGS/make-test.log" >&2
fi

say "summary"
printf '  %-12s %s\n' "tested" "$WHAT"
printf '  %-12s %s\n' "mirror" "$MIRROR (security: $SECURITY)"
printf '  %-12s %s\n' "debootstrap" "$DEBOOTSTRAP_TIME"
if [ "$RUN_OK" = 1 ]; then
  printf '  %-12s %s\n' "make run" "ok: /v1/health answered after $RUN_TIME on port $PORT; stopped with Ctrl-C; $DB_NOTE"
else
  printf '  %-12s %s\n' "make run" "FAILED after $RUN_TIME ($DB_NOTE; log: $LOGS/make-run.log)"
fi
if [ "$TEST_STATUS" -eq 0 ]; then
  printf '  %-12s %s\n' "make test" "ok in $TEST_TIME: ${CTEST_LINE:-see the log}"
elif [ "$TEST_STATUS" -eq 124 ]; then
  printf '  %-12s %s\n' "make test" "TIMED OUT after $TEST_MINUTES minutes (log: $LOGS/make-test.log)"
else
  printf '  %-12s %s\n' "make test" "FAILED (exit $TEST_STATUS) in $TEST_TIME: ${CTEST_LINE:-no ctest summary} (log: $LOGS/make-test.log)"
fi
[ "$RUN_OK" = 1 ] && [ "$TEST_STATUS" -eq 0 ]

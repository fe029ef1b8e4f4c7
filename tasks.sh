#!/usr/bin/env bash
# bookmaker's two entry points on a fresh Debian machine:
#   ./tasks.sh seed   set up, then build the seed article's EPUB and PDF into out/
#   ./tasks.sh test   set up (with test tools), then run the whole test suite
# Set-up is idempotent: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")"

SEED=seeds/000_782556e6ec3af548.txt
APT_RUNTIME=(libharfbuzz-subset0 fonts-noto-cjk fonts-noto-core fonts-noto-color-emoji fonts-symbola libpango-1.0-0 libpangoft2-1.0-0)
APT_TEST=(poppler-utils chromium fonts-dejavu-core calibre)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

setup_python() {
  local extra="$1"
  if ! command -v java >/dev/null 2>&1 && [ "$extra" = "test" ]; then apt_install default-jdk-headless; fi
  if [ ! -x .venv/bin/python ]; then
    log "creating .venv"
    python3 -m venv .venv 2>/dev/null || { apt_install python3-venv; python3 -m venv .venv; }
  fi
  local stamp=.venv/.bookmaker-installed-$extra
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    log "installing bookmaker into .venv ($extra)"
    .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
    if [ "$extra" = "test" ]; then
      .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test]"
    else
      .venv/bin/python -m pip install -q --disable-pip-version-check -e .
    fi
    touch "$stamp"
  fi
}

setup_node_tools() {
  # DAISY Ace (EPUB accessibility checker) and epub.js (a JavaScript reading system) run from npm
  # with Debian's chromium (pinned lock files; puppeteer's own browser download skipped).
  local tool
  for tool in ace reader; do
    if [ -f "tools/$tool/package.json" ] && [ ! -d "tools/$tool/node_modules" ]; then
      if ! command -v npm >/dev/null 2>&1; then apt_install nodejs npm; fi
      log "installing tools/$tool (npm ci)"
      (cd "tools/$tool" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --silent --no-audit --no-fund)
    fi
  done
}

case "${1:-}" in
  seed)
    apt_install "${APT_RUNTIME[@]}"
    setup_python runtime
    log "building $SEED into out/"
    .venv/bin/bookmaker build "$SEED" -o out
    ;;
  test)
    apt_install "${APT_RUNTIME[@]}" "${APT_TEST[@]}"
    setup_python test
    setup_node_tools
    log "running the test suite"
    shift
    .venv/bin/python -m pytest "$@"
    ;;
  *)
    echo "usage: ./tasks.sh seed | test [pytest args]" >&2
    exit 2
    ;;
esac

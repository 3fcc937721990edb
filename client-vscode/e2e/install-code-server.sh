#!/usr/bin/env bash
# Installs code-server (VS Code for the browser) and playwright-core into client-vscode/.e2e for the end-to-end test.
# code-server 4.100.3 is the newest release that runs on Node 20. Its own postinstall downloads ripgrep, which this
# network cannot reach, so the script runs its steps by hand (with --ignore-scripts, so npm_config_unsafe_perm is moot): Debian's rg stands in, native modules build from source.
set -euo pipefail
extension_folder="$(cd "$(dirname "$0")/.." && pwd)"
install_folder="$extension_folder/.e2e"
code_server_version=4.100.3
playwright_version=1.65.1

if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
  missing=""
  for package in chromium ripgrep libkrb5-dev build-essential python3; do
    dpkg -s "$package" > /dev/null 2>&1 || missing="$missing $package"
  done
  if [ -n "$missing" ]; then
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing
  fi
fi

if [ -x "$install_folder/node_modules/.bin/code-server" ] && [ -f "$install_folder/.installed-$code_server_version" ]; then
  echo "code-server $code_server_version is already installed in $install_folder"
  exit 0
fi
mkdir -p "$install_folder"
cd "$install_folder"
[ -f package.json ] || echo '{ "name": "promptwise-e2e", "private": true }' > package.json
export npm_config_yes=true
npm install --ignore-scripts --no-audit --no-fund "code-server@$code_server_version" "playwright-core@$playwright_version"
npm rebuild argon2 --build-from-source

cd node_modules/code-server/lib/vscode
npm install --omit=dev --ignore-scripts --no-audit --no-fund
npm rebuild kerberos @vscode/spdlog native-watchdog node-pty @vscode/deviceid
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
(cd extensions && npm install --omit=dev --ignore-scripts --no-audit --no-fund)
touch "$install_folder/.installed-$code_server_version"
echo "code-server $code_server_version installed in $install_folder"

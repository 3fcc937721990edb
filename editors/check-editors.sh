#!/usr/bin/env bash
# Runs the headless editor checks of docs/editors.md: Neovim's built-in client and Emacs's eglot against the server jar.
# Usage, from anywhere: editors/check-editors.sh [PROMPT_FILE]; PROMPTWISE_SERVER_JAR overrides server/target/promptwise.jar,
# and PROMPTWISE_EXPECT_RULE names a rule id that must be among the diagnostics (duplicate-instruction for the fixture).
set -euo pipefail
repository_root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repository_root"
prompt_file="${1:-editors/fixtures/triage.prompty}"
# The fixture repeats a sentence, so the server must report duplicate-instruction on it.
if [ $# -eq 0 ]; then
  export PROMPTWISE_EXPECT_RULE="${PROMPTWISE_EXPECT_RULE:-duplicate-instruction}"
fi
export PROMPTWISE_SERVER_JAR="${PROMPTWISE_SERVER_JAR:-$repository_root/server/target/promptwise.jar}"
failures=0
for editor in nvim emacs; do
  if ! command -v "$editor" > /dev/null; then
    echo "skipped $editor: not installed (apt-get install -y neovim emacs-nox elpa-eglot)"
    continue
  fi
  echo "== $editor"
  if [ "$editor" = nvim ]; then
    timeout 90 nvim --headless --clean +'luafile editors/nvim-check.lua' "$prompt_file" || failures=$((failures + 1))
  else
    timeout 90 emacs --batch -l editors/emacs-check.el "$prompt_file" 2> /dev/null || failures=$((failures + 1))
  fi
done
exit "$failures"

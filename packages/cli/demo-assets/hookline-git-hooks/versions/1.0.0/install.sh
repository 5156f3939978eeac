#!/bin/sh
# Installs the hooks into the current repository (run from its root).
set -eu
dir=$(cd "$(dirname "$0")" && pwd)
git config core.hooksPath "$dir/hooks"
chmod +x "$dir"/hooks/*
echo "Hookline installed: core.hooksPath=$dir/hooks"

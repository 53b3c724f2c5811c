#!/usr/bin/env bash
# Prints the path of a Jaeger v2 binary, building it first if needed: $JAEGER_BIN if set, else a
# binary cached under ~/.cache/tracing-in-elixir, else one built there from the Go module proxy.
# `go install github.com/jaegertracing/jaeger/cmd/jaeger@v1.76.0` refuses (the module's go.mod has
# replace directives), so the module is downloaded and built in a writable copy instead.
set -euo pipefail
VERSION="${JAEGER_VERSION:-v1.76.0}"
CACHE="${TRACING_IN_ELIXIR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tracing-in-elixir}"
BIN="$CACHE/jaeger-$VERSION/jaeger"

if [ -n "${JAEGER_BIN:-}" ]; then
  if [ ! -x "$JAEGER_BIN" ]; then
    echo "build-jaeger: JAEGER_BIN=$JAEGER_BIN is not an executable file" >&2
    exit 1
  fi
  echo "$JAEGER_BIN"
  exit 0
fi
if [ -x "$BIN" ]; then
  echo "build-jaeger: reusing $BIN" >&2
  echo "$BIN"
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "build-jaeger: no Go toolchain; install Go (https://go.dev/dl/) or set JAEGER_BIN to a Jaeger v2 binary" >&2
  exit 1
fi

start=$(date +%s)
echo "build-jaeger: building Jaeger $VERSION into $BIN (a few minutes the first time)" >&2
src="$(go mod download -json "github.com/jaegertracing/jaeger@$VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
if [ -z "$src" ] || [ ! -d "$src" ]; then
  echo "build-jaeger: go mod download gave no source folder for jaeger@$VERSION" >&2
  exit 1
fi
work="$(mktemp -d)"
trap 'rm -rf "$work" "${partial:-}"' EXIT
cp -r "$src/." "$work/"
chmod -R u+w "$work"
mkdir -p "$(dirname "$BIN")"
# A partial file of this build's own: two builds at once (a test run beside .ci/run) each rename
# a whole binary into place, and the later rename replaces an identical file.
partial="$BIN.partial.$$"
(cd "$work" && go build -o "$partial" ./cmd/jaeger)
mv "$partial" "$BIN"
echo "build-jaeger: built in $(($(date +%s) - start)) s" >&2
echo "$BIN"

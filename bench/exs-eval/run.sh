#!/usr/bin/env bash
# Evaluator and project-model speed: how long `mixless debug config` takes to
# load a project (parse + evaluate mix.exs, config.exs, the env file and
# runtime.exs, deep-merging every `config` call).
#
#   bench/exs-eval/run.sh <build dir> [N]
#
# Workloads:
#   1. examples/hello for dev, test and prod (the real thing, small files);
#   2. a generated project whose config/config.exs has N `config` calls
#      (default 2000) spread over 20 apps, each value built with the
#      evaluator's usual constructs (interpolation, Enum.map over a range,
#      String functions, keyword lists, maps), plus a dev.exs that
#      overrides every tenth key (deep merges).
# Prints the best of 5 runs of each, wall time, process start included.
set -euo pipefail
BUILD=${1:?build dir}
N=${2:-2000}
SRC=$(cd "$(dirname "$0")/../.." && pwd)
BIN="$BUILD/bin/mixless"
W=$(mktemp -d "${TMPDIR:-/tmp}/mixless-exs-eval.XXXXXX")
trap 'rm -rf "$W"' EXIT

mkdir -p "$W/gen/config"
cat >"$W/gen/mix.exs" <<'MIX'
defmodule Gen.MixProject do
  use Mix.Project
  def project, do: [app: :gen, version: "0.1.0", deps: deps()]
  defp deps, do: for(i <- 1..50, do: {:"dep#{i}", "~> #{i}.0"})
end
MIX
{
	echo 'import Config'
	for ((i = 0; i < N; i++)); do
		app=$((i % 20))
		printf 'config :app%d, Gen.Key%d,\n' "$app" "$i"
		printf '  name: "key_#{%d}" <> String.upcase("x%d"),\n' "$i" "$i"
		printf '  list: Enum.map(1..5, &(&1 * %d)),\n' "$i"
		printf '  opts: [pool_size: %d, ssl: %d > 10, nested: [a: 1, b: %%{"k" => %d}]],\n' "$((i % 10))" "$i" "$i"
		printf '  words: ~w(alpha beta gamma)a\n\n'
	done
	echo 'import_config "#{config_env()}.exs"'
} >"$W/gen/config/config.exs"
{
	echo 'import Config'
	for ((i = 0; i < N; i += 10)); do
		printf 'config :app%d, Gen.Key%d, opts: [nested: [c: %d]]\n' "$((i % 20))" "$i" "$i"
	done
} >"$W/gen/config/dev.exs"
bytes=$(cat "$W/gen/config/"*.exs | wc -c)

best() { # best wall time of 5 runs, in ms
	local b=999999 s e t
	for _ in 1 2 3 4 5; do
		s=$(date +%s%N)
		"$@" >/dev/null
		e=$(date +%s%N)
		t=$(((e - s) / 1000000))
		((t < b)) && b=$t
	done
	echo "$b"
}

for env in dev test prod; do
	ms=$(best env MIX_ENV=$env DATABASE_URL=ecto://u:p@h/db SECRET_KEY_BASE=k \
		"$BIN" debug config -C "$SRC/examples/hello")
	echo "examples/hello $env: ${ms} ms"
done
ms=$(best "$BIN" debug config -C "$W/gen")
echo "generated: $N config calls, $bytes bytes of config: ${ms} ms"

#!/usr/bin/env bash
# phx-routes speed: the whole process (start, project and config, router
# read and evaluated, endpoint, table printed) on a generated router.
#
#   bench/phx-routes/run.sh <build dir> [N]
#
# Workload: a Phoenix 1.7-shaped project whose router has N `resources`
# (default 1250, i.e. 10,000 routes: 8 per resource), spread over 25 scopes
# with an alias and a pipe_through each, a third of them nested one level
# (`resources ... do resources ... end`, only: [:index, :show] inside), and
# the endpoint's LiveView socket. `mix phx.routes` must compile such a router
# first (about 4 minutes for 10,000 routes); phx-routes reads it as source.
# Prints the best and the median of 11 runs, wall time, and checks the row
# count.
set -euo pipefail
BUILD=${1:?build dir}
N=${2:-1250}
BIN="$BUILD/bin/phx-routes"
W=$(mktemp -d "${TMPDIR:-/tmp}/mixless-phx-routes.XXXXXX")
trap 'rm -rf "$W"' EXIT

mkdir -p "$W/gen/config" "$W/gen/lib/gen_web"
cat >"$W/gen/mix.exs" <<'MIX'
defmodule Gen.MixProject do
  use Mix.Project
  def project, do: [app: :gen, version: "0.1.0", deps: []]
end
MIX
printf 'import Config\nconfig :gen, GenWeb.Endpoint, code_reloader: false\n' >"$W/gen/config/config.exs"
cat >"$W/gen/lib/gen_web.ex" <<'WEB'
defmodule GenWeb do
  def router do
    quote do
      use Phoenix.Router, helpers: false
    end
  end

  defmacro __using__(which) when is_atom(which), do: apply(__MODULE__, which, [])
end
WEB
cat >"$W/gen/lib/gen_web/endpoint.ex" <<'EP'
defmodule GenWeb.Endpoint do
  use Phoenix.Endpoint, otp_app: :gen
  socket "/live", Phoenix.LiveView.Socket, websocket: [connect_info: [:peer_data]]
  plug GenWeb.Router
end
EP
# N resources, 8 routes each: every third one has 6 (except: [:new, :edit])
# and a nested resources of 2 (only: [:index, :show]), so the total stays
# exactly 8 * N.
{
	echo 'defmodule GenWeb.Router do'
	echo '  use GenWeb, :router'
	echo
	echo '  pipeline :browser do'
	echo '    plug :accepts, ["html"]'
	echo '  end'
	per=$(((N + 24) / 25))
	i=0
	for ((s = 0; s < 25 && i < N; s++)); do
		printf '\n  scope "/s%d", GenWeb.Area%d do\n    pipe_through :browser\n\n' "$s" "$s"
		for ((k = 0; k < per && i < N; k++, i++)); do
			if ((i % 3 == 0)); then
				printf '    resources "/r%d", Thing%dController, except: [:new, :edit] do\n' "$i" "$i"
				printf '      resources "/items", Item%dController, only: [:index, :show]\n' "$i"
				printf '    end\n'
			else
				printf '    resources "/r%d", Thing%dController\n' "$i" "$i"
			fi
		done
		echo '  end'
	done
	echo 'end'
} >"$W/gen/lib/gen_web/router.ex"

bytes=$(wc -c <"$W/gen/lib/gen_web/router.ex")
rows=$("$BIN" -C "$W/gen" | grep -c 'Controller')
echo "router: $N resources, $rows routes, $bytes bytes"
[ "$rows" -eq $((8 * N)) ] || { echo "expected $((8 * N)) routes" >&2; exit 1; }

times=()
for ((r = 0; r < 11; r++)); do
	t0=$(date +%s%N)
	"$BIN" -C "$W/gen" >/dev/null
	t1=$(date +%s%N)
	times+=($(((t1 - t0) / 1000)))
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
best=$(echo "$sorted" | head -1)
median=$(echo "$sorted" | sed -n 6p)
printf 'phx-routes, whole process: best %d.%03d ms, median %d.%03d ms (11 runs)\n' \
	$((best / 1000)) $((best % 1000)) $((median / 1000)) $((median % 1000))
# On a shared machine the wall time carries the others' load; the CPU time
# the process itself used (task-clock: user + system, page faults included)
# is the steadier figure.
if command -v perf >/dev/null 2>&1; then
	perf stat -r 11 -x, -e task-clock "$BIN" -C "$W/gen" 2>"$W/stat" >/dev/null &&
		awk -F, '/task-clock/ { printf "phx-routes, CPU time (task-clock, mean of 11): %.1f ms\n", $1 }' "$W/stat"
fi

#!/usr/bin/env bash
# bench/ecto-oban/run.sh: Oban's migrations through ecto-migrate, on a
# throwaway PostgreSQL (tests/helpers/pg.bash).
#
#   bench/ecto-oban/run.sh [BUILD_BIN_DIR]   (default: build/bin; R=11 rounds)
#
# Workload (fixed): one migration, `def up, do: Oban.Migrations.up()` /
# `def down, do: Oban.Migrations.down()`, i.e. Oban's v1 to v14
# and back to nothing. Each round: ecto-migrate migrate, then
# ecto-migrate rollback, each timed as a whole process (start, project and
# config, translation of every version, the version query, the DDL, the
# commit). Also: the translation alone, as `migrate --dry-run` against the
# empty database. Prints the median of R rounds of each.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
bin=$(cd "${1:-$src/build/bin}" && pwd)
R=${R:-11}
export PATH="$bin:$PATH" NO_COLOR=1

# shellcheck source=../../tests/helpers/pg.bash
source "$src/tests/helpers/pg.bash"
work=$(mktemp -d "${TMPDIR:-/tmp}/em-oban-bench.XXXXXX")
cleanup() { pg_stop; rm -rf "$work"; }
trap cleanup EXIT
pg_start >/dev/null

cd "$work"
mkdir -p priv/repo/migrations config
printf 'defmodule Bench.MixProject do\n  use Mix.Project\n  def project, do: [app: :bench, version: "0.1.0"]\nend\n' >mix.exs
printf 'import Config\nconfig :bench, ecto_repos: [Bench.Repo]\n' >config/config.exs
printf 'defmodule Bench.Repo.Migrations.AddOban do\n  use Ecto.Migration\n\n  def up, do: Oban.Migrations.up()\n  def down, do: Oban.Migrations.down()\nend\n' \
	>priv/repo/migrations/20240101000001_add_oban.exs
export DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/bench"
ecto-migrate create --quiet

ms() { # ms COMMAND... : wall time in milliseconds (one decimal)
	local t0 t1
	t0=$(date +%s%N)
	"$@" >/dev/null 2>&1
	t1=$(date +%s%N)
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) / 1e6 }'
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

up=() down=() dry=()
for _ in $(seq 1 "$R"); do
	dry+=("$(ms ecto-migrate migrate --dry-run)")
	up+=("$(ms ecto-migrate migrate)")
	[ "$(pg_psql bench -c "SELECT obj_description('oban_jobs'::regclass, 'pg_class')")" = 14 ]
	down+=("$(ms ecto-migrate rollback)")
done
printf 'translate (migrate --dry-run): %s ms\n' "$(printf '%s\n' "${dry[@]}" | median)"
printf 'migrate v1..v14:               %s ms\n' "$(printf '%s\n' "${up[@]}" | median)"
printf 'rollback to nothing:           %s ms\n' "$(printf '%s\n' "${down[@]}" | median)"

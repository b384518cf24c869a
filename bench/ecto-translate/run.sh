#!/usr/bin/env bash
# Translator throughput: reading and translating N Ecto migrations (each a
# table with three columns, timestamps and an index; up and down), the work
# ecto-migrate does for every pending migration before it applies the first.
#
#   bench/ecto-translate/run.sh [BUILD_DIR] [N]
#
# BUILD_DIR is a configured and built tree (RelWithDebInfo or Release; the
# target ecto_migrate_lib must be built); N defaults to 1000. The workload
# goes to /tmp and is removed afterwards.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
build=$(cd "${1:-$src/build}" && pwd)
n=${2:-1000}
work=$(mktemp -d /tmp/mixless-bench-translate.XXXXXX)
trap 'rm -rf "$work"' EXIT

for i in $(seq 1 "$n"); do
	v=$((20240000000000 + i))
	cat >"$work/${v}_create_t$i.exs" <<EXS
defmodule Bench.Repo.Migrations.CreateT$i do
  use Ecto.Migration

  def change do
    create table(:t$i) do
      add :name, :string, null: false
      add :count, :integer, default: 0
      add :owner_id, references(:users, on_delete: :delete_all)
      timestamps()
    end

    create index(:t$i, [:name])
  end
end
EXS
done

cc -O2 -std=c11 -D_DEFAULT_SOURCE -D_GNU_SOURCE -I"$src/tools/ecto-migrate" -I"$src/tools/lib" \
	-I"$build/tools/lib" -o "$work/translate" "$here/translate.c" \
	"$build/tools/ecto-migrate/libecto_migrate_lib.a" "$build/tools/lib/libmixless_project.a" \
	"$build/tools/lib/libmixless_exs.a" "$build/tools/lib/libmixless_core.a" -lm

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p')"
"$work/translate" "$work"/*.exs
best=
for run in 1 2 3 4 5; do
	s=$(date +%s%N)
	"$work/translate" "$work"/*.exs >/dev/null
	e=$(date +%s%N)
	ms=$(( (e - s) / 1000000 ))
	if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
done
echo "translate $n migrations: best of 5 = ${best} ms ($(( best * 1000 / n )) us per migration)"

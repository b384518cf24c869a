#!/usr/bin/env bash
# make demo: run every mixless tool on examples/hello against a throwaway
# PostgreSQL, through the binaries, the CMake functions and the Make include,
# and say what happened. Nothing in the source tree is modified: outputs go
# under $BUILD/demo.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
BUILD=${BUILD:-build}
bin=$root/$BUILD/bin
demo=$root/$BUILD/demo
export PATH="$bin:$PATH" NO_COLOR=${NO_COLOR:-}
# Run as `make demo`: keep the outer make's flags out of the builds below,
# so they print what a user running them by hand would see.
unset MAKEFLAGS MFLAGS MAKELEVEL

say()  { printf '\n\033[1m== %s\033[0m\n' "$*"; }
run()  { printf '$ %s\n' "$*"; "$@"; }

rm -rf "$demo"
mkdir -p "$demo"
# A scratch copy of the app: the tasks write into it as they would into yours.
cp -r examples/hello "$demo/hello"
cd "$demo/hello"

. "$root/tests/helpers/pg.bash"
trap pg_stop EXIT
say "Starting a throwaway PostgreSQL"
pg_start
export DATABASE_URL="postgres://postgres:postgres@127.0.0.1:$PGPORT/hello_dev"
echo "PostgreSQL on 127.0.0.1:$PGPORT (data in $MIXLESS_PG_DIR)"

say "mixless help --search phx.digest"
run mixless help --search phx.digest

say "The front door: the project's own task and a mix.exs alias"
run mixless help --search hello
run mixless hello.greeting
# assets.build's steps (tailwind, esbuild) need mix: named as skipped
run env MIXLESS_MIX= mixless assets.build

say "mix phx.digest  ->  phx-digest"
run phx-digest priv/static -o "$demo/static"
find "$demo/static" -type f -not -path "*/.*" | sort | sed "s|$demo/||" | head -20
echo "... $(find "$demo/static" -type f -not -path "*/.*" | wc -l) files"

say "mix phx.gen.html  ->  phx-gen html (a resource in the scratch copy; ecto-migrate applies its migration below)"
touch "$demo/.before-gen"
run phx-gen html Shop Item items name:string price:decimal in_stock:boolean released_on:date --yes
echo "(the files it wrote:)"
find . -type f -newer "$demo/.before-gen" | sed 's|^\./||' | sort
echo "(the controller's first lines, and the migration:)"
sed -n 1,12p lib/hello_web/controllers/item_controller.ex
cat priv/repo/migrations/*_create_items.exs

say "mix phx.gen.auth  ->  phx-gen auth (in its own scratch copy of the app)"
# examples/hello has an Accounts.User already: the auth system gets its own context
cp -r "$root/examples/hello" "$demo/hello-auth"
touch "$demo/.before-auth"
run phx-gen auth -C "$demo/hello-auth" Identity Member members --live --yes
echo "(the files it created or changed:)"
(cd "$demo/hello-auth" && find . -type f -newer "$demo/.before-auth" | sed 's|^\./||' | sort)
echo "(what it injected into the router:)"
diff "$root/examples/hello/lib/hello_web/router.ex" "$demo/hello-auth/lib/hello_web/router.ex" || true

say "mix ecto.create / ecto.migrate / ecto.migrations / ecto.rollback  ->  ecto-migrate"
run ecto-migrate create
run ecto-migrate migrate
run ecto-migrate migrations
run ecto-migrate rollback --step 1
run ecto-migrate migrations

say "The same tasks as build targets: CMake (add_phx_digest, add_ecto_repo)"
echo "(installing mixless into $demo/prefix, as a user would, for find_package(Mixless))"
cmake --install "$root/$BUILD" --prefix "$demo/prefix" >/dev/null
run cmake -S "$demo/hello" -B "$demo/cmake" -DCMAKE_PREFIX_PATH="$demo/prefix" >/dev/null
run cmake --build "$demo/cmake" --target phx.digest
echo "(a second build has nothing to do:)"
run cmake --build "$demo/cmake" --target phx.digest
run cmake --build "$demo/cmake" --target migrate

say "... and Make (make/mixless.mk)"
run make --no-print-directory -C "$demo/hello" MIXLESS_DIR="$root" MIXLESS_BIN="$bin" digest
run make --no-print-directory -C "$demo/hello" MIXLESS_DIR="$root" MIXLESS_BIN="$bin" rollback STEP=2
run make --no-print-directory -C "$demo/hello" MIXLESS_DIR="$root" MIXLESS_BIN="$bin" migrate

say "mix phx.routes  ->  phx-routes"
run phx-routes
echo "(the same table as a build target, computed again only when an input changed:)"
run cmake --build "$demo/cmake" --target phx.routes
run make --no-print-directory -C "$demo/hello" MIXLESS_DIR="$root" MIXLESS_BIN="$bin" routes

say "Done"
echo "Digested assets in $demo/static, the CMake build in $demo/cmake;"
echo "the throwaway PostgreSQL is stopped and removed now."

"""
  a #{b}
    c
  """
====
"""
  a \
  b
  """
====
~s"""
  x #{1} \n
  """
====
~S"""
  raw \n #{x}
  \"""
  """
====
'''
  abc
  '''
====
x = """
a
"""
====
~w[a b c]s
====
~r/\//
====
~r|a\|b|
====
~s(a(b)c)
====
"a\
b"
====
"tab\tnl\nq\"bs\\u\u0041x\x41"
====
?\s + ?\\ + ?" + ?#
====
:"foo#{1}bar"
====
%{"a" => 1, "b" => %{c: [1, 2]}}
====
foo.bar.baz(1).qux
====
a.b[c].d
====
fun.(x).(y)
====
x |> f() |> g(1) |> Enum.map(&(&1 * 2))
====
a and not b or c
====
not a == b
====
!a == b
====
-a.b
====
@a.b
====
^a.b
====
&a.b/1
====
&(a.b/1)
====
a = b when c
====
a :: b | c
====
a | b :: c
====
a \\ b = c
====
a <- b when c
====
x in [1, 2] and y not in [3]
====
1 + 2 * 3 - 4 / 5 ** 6
====
a ++ b -- c <> d .. e
====
a..b
====
..
====
a ||| b &&& c
====
a === b !== c
====
a < b == c
====
a |> b <~> c
====
%{a => 1, b: 2}
====
%{m | a => 1}
====
case x do
  {:ok, %{id: id} = m} when is_binary(id) and id != "" ->
    {id, m}

  {:error, _} = e ->
    e
end
====
fn
  a, b when a > b -> a
  a, _ -> a
end
====
fn {a, b} -> a; c -> c end
====
fn () -> 1 end
====
for <<c <- "abc">>, c != ?b, into: "", do: <<c>>
====
for x <- [1, 2], y <- [3], x < y, do: {x, y}
====
with {:ok, a} <- f(),
     b = g(a),
     true <- h(b) || :error do
  b
end
====
try do
  x()
rescue
  ArgumentError -> 1
  e in [KeyError, RuntimeError] -> e
else
  v -> v
catch
  kind, reason -> {kind, reason}
after
  :ok
end
====
receive do
after
  0 -> :empty
end
====
if x, do: (a; b), else: c
====
unless a, do: b
====
def a(x) when x in [1, 2] when is_nil(x), do: x
====
defp b(%__MODULE__{a: a} = s, opts \\ []), do: {s, a, opts}
====
defmacro c(ast) do
  quote do
    unquote(ast) + unquote_splicing([1, 2])
  end
end
====
@spec f(integer(), [atom()]) :: {:ok, term()} | {:error, String.t()}
====
@type t :: %__MODULE__{a: integer, b: [String.t()]}
====
@callback handle(term) :: :ok | {:error, reason :: term}
====
@derive {Jason.Encoder, only: [:a]}
====
schema "users" do
  field :email, :string, redact: true
  has_many :posts, Post, on_delete: :delete_all
  embeds_one :profile, Profile do
    field :bio, :string
  end
end
====
live_session :default, on_mount: [{A, :x}] do
  live "/", Index, :index
end
====
Enum.reduce(list, %{}, fn x, acc -> Map.update(acc, x, 1, &(&1 + 1)) end)
====
String.split(s, ~r/\s+/, trim: true)
====
Application.get_env(:app, __MODULE__)[:key] || raise "missing"
====
x = if a,
  do: 1,
  else: 2
====
foo(bar,
  baz: 1,
  qux: 2)
====
[
  1,
  2,
]
====
%{
  a: 1,
}
====
{:ok,
 :x}
====
assert %{"data" => [%{"id" => ^id}]} = json_response(conn, 200)
====
Repo.all(from p in Post, where: p.id in ^ids, select: {p.id, p.title})
====
from(u in User, join: p in assoc(u, :posts), preload: [posts: p])
====
x
|> Enum.map(fn y ->
  y * 2
end)
|> Enum.sum()
====
a = %{b | c: 1}.c
====
a[:b][:c]
====
a.b()[1]
====
<<x::size(8)-unit(1), y::bits>>
====
<<1::4, 2::4>> <> "abc"
====
'abc' ++ 'd'
====
__MODULE__.Sub.fun()
====
__ENV__.file
====
Foo.Bar.baz
====
Foo."bar baz"()
====
:erlang.++(a, b)
====
Kernel.||(a, b)
====
&Kernel.||/2
====
&&&/2
====
&is_nil/1
====
& &1
====
& &1.name
====
&{&1, &2}
====
&[&1]
====
&"#{&1}"
====
x = &(&1)
====
quote do: unquote(x)
====
a = b = c = d
====
-1 - -1
====
- 1
====
+1
====
!!a
====
not not a
====
^^^a
====
~~~a
====
a ~>> b <<~ c
====
[~s(a), ~s[a], ~s{a}, ~s<a>, ~s/a/, ~s|a|, ~s"a", ~s'a']
====
[~S(a\)), ~S[a\]], ~S{a\}}, ~S<a\>>, ~S/a\//, ~S|a\||, ~S"a\"", ~S'a\'']
====
[~s(a\)), ~s[a\]], ~s{a\}}, ~s<a\>>, ~s/a\//, ~s|a\||, ~s"a\"", ~s'a\'']
====
~s'''
  a #{b} 'q'
  '''
====
~r"""
  ^a\d+$
  """x
====
~w"""
  a b
  c
  """a
====
[?a, ?\n, ?\t, ?\s, ?\0, ?\e, ?\d, ?", ?', ?(, ?), ?,, ?;, ?é, ?\\]
====
x = 1; y = 2;
z = 3
====
a = [
  # comment
  1, # trailing
  2
]
====
foo(
  # comment
)
====
x =
  # comment
  1
====
a = 1 \
  + 2
====
[valid?: true, ok!: 1, Foo: 2]
====
%{valid?: true}
====
foo valid?: true
====
[do: 1, else: 2, after: 3, catch: 4, rescue: 5, fn: 6, end: 7, when: 8, in: 9, and: 10, or: 11, not: 12, true: 13, nil: 14]
====
x.when
====
x.fn
====
[:do, :end, :fn, :when, :in, :and, :not, :true, :nil, :else]
====
[:+, :-, :*, :/, :==, :!=, :===, :<>, :++, :--, :.., :..., :|>, :<<<, :&&, :||, :!, :^, :@, :&, :=, :<-, :\\, :->, :::, :"::", :|, :{}, :%{}, :%, :<<>>, :., :~~~, :^^^, :..//]
====
[+: 1, -: 2, ==: 3, "quoted key": 4, 'single': 5]
====
:'single quoted'
====
'charlist #{1}'
====
"nested #{"inner #{1} string"} done"
====
"#{}"
====
"a#{x}b#{y}c"
====
"""
a #{
  b
} c
"""
====
x = """
  one
    two
  three
  """
====
    x = """
      indented
      """
====
"""
\ttab
  """
====
call(a, b: 1, c: 2)
====
call a, b: 1, c: 2
====
call(a, [b: 1], c)
====
{a, b: 1}
====
[1, 2, a: 3]
====
f a, do: b
====
f(a, do: b)
====
f a do b end
====
f(a) do b end
====
f a, b do c end
====
f g a do b end
====
f g(a) do b end
====
x = f a do b end
====
f a, fn x -> x end
====
f(fn -> :ok end)
====
f fn x -> x end, 1
====
a.b c
====
a.b c do d end
====
A.b c, d
====
a.b(c).d e
====
a.("b")
====
a.b.("c")
====
(&(&1 + 1)).(2)
====
(fn x -> x end).(1)
====
fn x -> x end.(1)
====
%{a: 1}.a
====
[1, 2][0]
====
"abc"[0]
====
foo[bar] = 1
====
x = y[z]
====
@a[:b]
====
@a.b.c
====
foo -1
====
foo - 1
====
foo -x
====
foo-1
====
foo+1
====
a +1
====
a - -1
====
1..-1//1
====
-1..1
====
a..b//-1
====
x..y
====
(x..y)//z
====
unquote(name)(args)
====
unquote(name)(args) do x end
====
Mod.unquote(name)(args)
====
%unquote(mod){a: 1}
====
%mod{a: 1}
====
%_{a: 1}
====
%^mod{}
====
%@mod{}
====
def unquote(:"foo bar")(), do: 1
====
quote(do: x)
====
quote(do: x) |> Macro.to_string()
====
def x, do: 1, else: 2
====
if a do
else
end
====
case x do
end
====
cond do
  true -> nil
end
====
fn -> end
====
fn -> nil; end
====
(a, b -> c)
====
(-> c)
====
@spec f(... -> any) :: any
====
[...]
====
%{...}
====
f(...)
====
a...
====
x = ...

====
42
====
1_000_000
====
0x1F
====
0o17
====
0b1010
====
?a
====
?\n
====
?\\
====
?é
====
:foo
====
:foo?
====
:bar!
====
:"foo bar"
====
:"a#{b}"
====
:+
====
:<<>>
====
:"Elixir.Foo"
====
true
====
nil
====
"a\tb\"c\\d"
====
"\x41\u00e9\u{1F600}\s\0"
====
"a\#{b}"
====
'abc'
====
"""
  line1
    line2
  """
====
'''
  chars
  '''
====
~w(a b c)a
====
~s[x #{1}]
====
~S(no #{interp} \n)
====
~r/a+b/i
====
~r{a\}b}
====
~c'x'
====
~D<2024-01-01>
====
~U|x|
====
~s"a\"b"
====
Foo.Bar.Baz
====
__MODULE__.Sub
====
__MODULE__
====
x = 1
====
[]
====
{}
====
{1, 2, 3}
====
{:a, b: 1}
====
%{}
====
%{a: 1}
====
%{"a" => 1, b: 2}
====
%{m | a: 1, b: 2}
====
%{m | "a" => 1}
====
%Foo.Bar{a: 1}
====
%__MODULE__{x: 1}
====
%Foo{s | a: 1}
====
<<1, 2>>
====
<<a::binary-size(4), rest::binary>>
====
<<"abc", x::utf8>>
====
[1, 2 | t]
====
[{:a, 1}]
====
["a b": 1]
====
foo()
====
foo(1, a: 2)
====
foo 1, a: 2
====
Foo.bar(1)
====
Foo.bar 1
====
:erlang.element(1, t)
====
a.b.c
====
fun.(1)
====
conn.params["id"]
====
a[b][c]
====
Mod.fun/2
====
&Mod.fun/2
====
&fun/1
====
&(&1 + 1)
====
&+/2
====
&Kernel.+/2
====
a + b * c
====
(a + b) * c
====
a ** b ** c
====
-a ** 2
====
a - b - c
====
a ++ b ++ c
====
a <> b <> c
====
1..10//2
====
a in b
====
a not in b
====
not a
====
!a
====
^a
====
a |> b() |> c()
====
a < b
====
a >= b
====
a == b
====
a === b
====
a =~ b
====
a && b || c
====
a and b or c
====
a = b = c
====
a || b && c
====
x = a || b
====
a :: b
====
x when y
====
a <- b
====
a \\ b
====
a ||| b
====
a &&& b
====
a <<< b
====
a ~> b
====
a ^^^ b
====
a +++ b
====
a // b
====
a |> b when c
====
a -1
====
@doc "x"
====
@moduledoc false
====
@attr
====
@attr[:k]
====
@foo.bar
====
@spec foo(integer) :: atom
====
@impl true
====
@a 1 + 2
====
...
====
foo(...)
====
fn -> :ok end
====
fn x -> x end
====
fn a, b -> a + b end
====
fn (a, b) -> a end
====
fn x when x > 0 -> x; x -> -x end
====
fn
  {:ok, v} -> v
  _ -> nil
end
====
case x do
  1 -> :one
  n when n > 1 ->
    a = n
    a * 2
  _ -> :other
end
====
cond do
  a -> 1
  true -> 2
end
====
if a, do: b, else: c
====
if a do
  b
else
  c
end
====
unless a do b end
====
with {:ok, a} <- f(),
     {:ok, b} <- g(a) do
  {a, b}
else
  {:error, e} -> e
  _ -> :error
end
====
for x <- list, x > 1, into: %{}, do: {x, x}
====
for {k, v} <- map, reduce: 0 do
  acc -> acc + v
end
====
try do
  f()
rescue
  e in RuntimeError -> e
catch
  :exit, _ -> :exit
after
  cleanup()
end
====
receive do
  {:msg, x} -> x
after
  1000 -> :timeout
end
====
quote do
  unquote(x) + 1
end
====
defmodule Foo do
  def bar(a, b \\ 1) when is_integer(a), do: a + b
  defp baz(x) do
    x
  end
end
====
def foo, do: :ok
====
x = 1; y = 2
====
a = 1 +
  2
====
a
|> b()
|> c()
====
foo(
  1,
  2
)
====
x = \
  1
====
a = 1 # comment
====
foo bar, baz
====
foo bar baz, 1
====
if foo bar do x end
====
get "/", PageController, :home
====
resources "/users", UserController, except: [:new, :edit]
====
add :name, :string, null: false
====
plug Plug.Static, at: "/", from: :hello, gzip: false, only: HelloWeb.static_paths()
====
scope "/", HelloWeb do
  pipe_through :browser
  live "/users/:id", UserLive.Show, :show
end
====
config :hello, Hello.Repo, username: "postgres", pool_size: 10
====
import Config
====
alias Hello.{Accounts, Repo}
====
x.(1)(2)
====
case foo do end
====
a.b(1).c
====
foo.bar do x end
====
unquote(name)
====
%{"a" => %{"b" => [1, 2]}}
====
x = %{a: 1}[:a]
====
{:ok, %{a: b} = m}
====
&1
====
[do: 1]
====
[if: 1, do: 2]
====
t = (a; b)
====
()
====
x."foo bar"()
====
Kernel.+(1, 2)
====
a.do
====
[a: [b: [c: 1]]]

====
foo a, bar b
====
foo bar b, c
====
foo(bar a, b)
====
[b c]
====
a...b
====
...b
====
%{...1}
====
%{unquote_splicing(x)}
====
unquote(f)(x)
====
@foo quote do
  :ok
end
====
@spec f(a) :: a when a: term
====
[1,]
====
{1,}
====
<<1,>>
====
%{a: 1,}
====
[for x <- y, into: %{} do
  {x, 1}
end]
====
%{x | 'a' => 1}

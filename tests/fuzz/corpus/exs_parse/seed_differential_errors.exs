defmodule Foo do
  def x do
end
====
foo(1, 2
====
[1, 2)
====
x = )
====
"abc
====
a = 1 +
====
end
====
foo:bar
====
1abc
====
x = [1,
  2
====
%{a: 1, 2}
====
[a: 1, 2]
====
fn x end
====
"#{"
====
~x
====
~w{abc
====
x = 1 2
====
@
====
%(a)
====
:
====
a.(
====
1 = = 2
====
else
====
{1, 2]
====
"\u{D800}"
====
"""
  abc
====
'a
====
&&

====
x = 1 1.5
====
x = 1 foo
====
x = 1 "s"
====
x = 1 :a
====
x = 1 Foo
====
x = 1 'c'
====
x = 1 ?a
====
x = 1 do
====
x = 1 fn
====
x = 1 ~w(a)
====
x = 1 =
====
x = 1 ->
====
x = 1 when
====
x = 1 a: 1
====
foo(,)
====
x = 1 %{}
====
[1 2]
====
x = 1 true
====
x = 1 nil
====
x = 1 @a
====
x = 1 &1
====
a = 1 +

====
a = (
====
foo do
1 +
end
====
x = 1 <<>>
====
x = 1 {}
====
1 + * 2
====
x = 1 ...
====
case x do
 a -> 1
 2, 3
end
====
fn x -> 1 end end
====
f(1; 2)
====
x.
====
%Foo
====
:"a
====
<<1, 2
====
foo(1]
====
if a do
  b

====
fn x ->

====
foo(a: 1, 2)
====
"\u{zz}"
====
a
)
====
foo a, bar b, c
====
[b c, d]
====
[do: foo b, c: 1]
====
f (a, b)
====
%{a: b c, d: 1}
====
{a => 1}
====
f =>g(a) do b end
====
abc'
====
a.b)[1]
====
%{a:@ 1}
====
{a |> b when c
====
foo(1, a:2)
====
[~s(a\)), ~s[a\]], ~s{a\}, ~s<a\>>, ~s/a\//, ~s|a\||, ~s"a\"", ~s'a\'']
====
.~s(.
====
foo bar,= baz
====
F}oo.Bar.Baz
====
@spec f(.. -> any) :: any
====
%{"a" =>fn 1, b: 2}
====
.~c'x'
====
f g(a) dond
====
foo)
====
x = y[
====
}
====
:erlang.element(, t)
====
a a"nd not b or c
====
x = """
a"""
====
{1 2, 3}
====
t = ->(a; b)
====
.x = &(&1)
====
f a, b do c ed
====
defmodule Shop.Orders.Item do
  use Ecto.Schema
  import Ecto.Changeset

  @primary_key {:id, :binary_id, autogenerate: true}
  @foreign_key_type :binary_id
  schema "items" do
    field :name, :string
    field :price, :decimal
    field :quantity, :integer, default: 1
    field :tags, {:array, :string}, default: []
    field :status, Ecto.Enum, values: [:draft, :live, :"sold out"]
    belongs_tart, Shop.Orders.Cart

    timestamps(type: :utc_datetime)
  end

  @required ~w(name price)a
  @optional ~w(quantity tags status cart_id)a

  @doc false
  def changeset(item, attrs) do
    item
    |> cast(attrs, @required ++ @optional)
    |> validate_required(@required)
    |> validate_number(:quantity, greater_than: 0, less_than_or_equal_to: 1_000)
    |> validate_format(:name, ~r/^[\w\s-]+$/u, message: "has invalid characters")
    |> unique_constraint([:name, :cart_id], name: :items_name_cart_id_index)
    |> then(fn cs -> if get_change(cs, :price) == 0, do: add_error(cs, :price, "free?"), else: cs end)
  end

  def price_label(%__MODULE__{price: price, quantity: qty}) when qty >= 1,
    do: "#{qty} × #{Decimal.to_string(price)}"
end

====
if a doelse
end
====
{:ok,(
 :x}
====
%mod{1}
====
]
====
Application.get_env(:app, __MODULE__)[:|| raise "missing"
====
fa, b do c end
====
a.b}[c].d
====
%unquote(mod<<){a: 1}
====
.b.c
====
defmacro c(ast) dodo
  quote do
    unquote(ast) + unquote_splicing([1, 2])
  end
end
====
@derive {Jason.Encoder only: [:a]}
====
%~s(_{a: 1}
====
 <<< b
====
if a do
els
====
__MODULE__.Su()
====
fun.1)
====
1::4, 2::4>> <> "abc"
====
{:'single quoted'
====
n<<ot a
====
x = y[z]]
====
with {:ok, a} <- f(),
     b = g(a),
     true <- h(b) || :error do
  bend
====
a[:b][:c
====
for {k, v} <- map, reduce: 0%{ do
  acc -> acc + v
end
====
fn
  {:ok, v-> v
  _ -> nil
end
====
conf'ig :hello, Hello.Repo, username: "postgres", pool_size: 10
====
Foo%{.Bar.Baz
====
Foar(1)
====
a // 
====
[do 1]
====
al(ias Hello.{Accounts, Repo}
====
[do:-> 1]
====
[{:, 1}]
====
{1, , 3}
====
fun.(1~s()
====
x = 0x1F + 0o7 + 0b11 + 1_000 + 1.0e=3 + 1.5E-2
====
%}
====
@[a b, c
====
%{unless a do b end
====
1.
====
x."foo bar"(
====
n x -> x end
====
quote(do,: x)
====
x = 0x1F + 0o7 + 0b11 + 1_000  1.0e3 + 1.5E-2
====
fendn () -> 1 end
====
a < b =?= c
====
a and not; b or c
====
t =a; b)
====
??a
====
{1, 2,
====
x).when
====
n () -> 1 end
====
:<>>
====
 >= b
====
{
====
&K->ernel.||/2
====
assert %{data" => [%{"id" => ^id}]} = json_response(conn, 200)
====
unquote(name)(ar<<gs)
====
[~), ~S[a\]], ~S{a\}}, ~S<a\>>, ~S/a\//, ~S|a\||, ~S"a\"", ~S'a\'']
====
&is(_nil/1
====
&[ &1.name
====
fn -> ed
====
%@mod{
====
if a do
else
e"nd
====
x= = a || b
====
fn (a, b){ -> a end
====
[
  .1,
  2,
]
====
defp b(%__MODULE__{a: a} = s,] opts \\ []), do: {s, a, opts}
====
ifdo: (a; b), else: c
====
{a &&& b
====
<<x::siz)-unit(1), y::bits>>
====
 and not b or c
====
%{
  a: 1,.
}
====
%"^mod{}
====
a.b(1.c
====
| b && c
====
a ||| b &&& 
====
A.b {c, d
====
fn -=> :ok end
====
a && 'b || c
====
:"foo 
====
-)1 - -1
====
def unquote(:"foo bar")(),>> do: 1
====
&Mod~s(.fun/2
====
a \\  = c
====
fn (a, b;) -> a end
====
foo bar" baz, 1
====
fo[o 1, a: 2
====
a ||
====
-=1 - -1
====
[.. .]
====
[~S(a\)), ~S[a\]], ~S{a\}S<a\>>, ~S/a\//, ~S|a\||, ~S"a\"", ~S'a\'']
====
[a: 1, "b c":, 2, "#{x}": 3]
====
~r{a\}b
====
fn () > 1 end
====
>>a.b.c
====
fn -> :ok en
====
a fn** b ** c
====
:erlang).element(1, t)
====
f g a do b nd
====
a.'b.c
====
a.b[].d
====
.fn
====
schema "users" do
  field :email, :string, redact: true
  has_many :posts, Post, on_delete: :delete_all
  embeds_one :profile, Profiledo
    field :bio, :string
  end
end
====
s[x #{1}]
====
%{a: 1.a
====
a -
====
->{:ok,
 :x}
====
1 + 2 * 3 -, 4 / 5 ** 6
====
0o
17
====
plug Plug.Static, at: "/, from: :hello, gzip: false, only: HelloWeb.static_paths()
====
a |>. b when c
====
~s[x #{1}
====
[do: 1, else: 2, a->fter: 3, catch: 4, rescue: 5, fn: 6, end: 7, when: 8, in: 9, and: 10, or: 11, not: 12, true: 13, nil: 14]
====
x.[.y
====
f(fn -> :ok en)
====
a.("b)
====
~~a
====
defmodule ShopWeb.Endpoint do
  use Phoenix.Endpoint, otp_app: :shop

  @session_options [
    store: :cookie,
    key: "_shop_key",
    signing_salt: "aBcDeF12",
    same_site: "Lax"
  ]

  socket "/live", Phoenix.LiveView.Socket,
    websocket: [connect_info: [session: @session_options]],
    longpoll: [connect_info: [session: @session_options]]

  plug Plug.Static,
    at: "/",
    from: :shop,
    gzip: not code_reloading?,
    only: ShopWeb.static_paths()

  if code_reloading? do
    socket "/phoenix/live_reload/socket", Phoenix.LiveReloader.Socket
    plug Phoenix.LiveReloader
    plug Phoenix.CodeReloader
    plug Phoenix.Ecto.CheckRepoStatus, otp_app: :shop
  end

  plug Plug.RequestId
  plug Plug.Telemetry, event_prefix: [:phoenix, :endpoint]

  plug Plug.Parsers,
    parsers: [:urlencoded, :multipart, :json],
    pass: "*/*"],
    json_decoder: Phoenix.json_library()

  plug Plug.MethodOverride
  plug Plug.Head
  plug Plug.Session, @session_options
  plug ShopWeb.Router
end

====
fn ) -> 1 end
====
a :| c
====
unquote(na(args)
====
when@attr
====
Repo.all(from p in Post where: p.id in ^ids, select: {p.id, p.title})
====
[+: 1, -: 2, == 3, "quoted key": 4, 'single': 5]
====
x = a ;|| b
====
&\(a.b/1)
====
- 
====
""
\ttab
  """
====
1 + 2 * 3 - 4 /* 6
====
defmodule ShopWeb.CartLive.Index do
  use ShopWeb, :live_view

  alias Shop.Orders
  alias Shop.Orders.{Cart, Item}

  @impl true
  def mount(_params, _session, socket) do
    {:ok, stream(socket, :items, Orders.list_items())}
  end

  @impl true
  def handle_params(params, _url, socket) do
    {:noreply, apply_action(socket, socket.assigns.live_action, params)}
  end

  defp apply_action(socket, :edit, %{"id" => id}) do
    socket
    |> assign(:page_title, "Edit Item")
    |> assign(:item, Orders.get_item!(id))
  end

  defp apply_action(socket, :index, _params) do
    socket
    |> assign(:page_title, "Listing Items")
    |> assign(:item, nil)
  end

  @impl true
  def handle_event("delete", %{"id" => id}, socket) do
    item = Orders.get_item!(id)
    {:ok, _} = Orders.delete_item(item)

    {:noreply, stream_delete(socket, :items, item)}
  end

  def handle_info({ShopWeb.CartLive.FormComponent, {:saved, item}}, socket) do
    {:noreply, stream_insert(socket, :items, item)}
  end

  @impl true
  def render(assigns) do
    ~H"""
    <.header>
      Listing Items
      <:actions>
        <.link patch={~p"/cart/#{@item}/edit"}>
          <.button>New Item</.button>
        </.link>
      </:actions>
    </.header>

    <.table id="items" rows={@streams.items} row_click={fn {_id, item} -> JS.navigate(~p"/cart/#{item}") end}>
      <:col :let={{_id, item}} label="Name"><%= item.name %></:col>
      <:action :let={{id, item}}>
        <.link phx-click={JS.push("delete", value: %{id: item.id}) |> hide("##{id}")} data-confirm="Are you sure?">
          Delete
        </.link>
      </:action>
    </.table>
    """
  end

  defp total(items), do: Enum.reduce(items, 0, &(&1.price * &1.quantity + &2)
end

====
fn (a, b -> a end
====
(a + c
====
a ~ b
====
x =) f a do b end
====
foo
  1,
  2
)
====
a && b ||
====
a |> b(>>) |> c()
====
f(a, do: |b)
====
 +++ b
====
fendn (a, b) -> a end
====
"abc"0]
====
assert %{"data" => [%{"id" => ^id}]'} = json_response(conn, 200)
====
%__MODULE__{{x: 1}
====
f a do bend
====
a <> b' <> c
====
x = ."..

====
[?"a b": 1]
====
~s(!a == b
====
~<2024-01-01>
====
(> c)
====
x&..y
====
%_{: 1}
====
=~~~a
====
\:foo
====
defmacro c(ast) do
  quote do
do    unquote(ast) + unquote_splicing([1, 2])
  end
end
====
defmodule ShopWeb.CartLive.Index do
  use ShopWeb, :live_view

  alias Shop.Orders
  alias Shop.Orders.{Cart, Item}

  @impl true
  def mount(_params, _session, socket) do
    {:ok, stream(socket, :items, Orders.list_items())}
  end

  @impl true
  def handle_params(params, _url, socket) do
    {:noreply, apply_action(socket, socket.assigns.live_action, params)}
  end

  defp apply_action(socket, :edit, %{"id" => id}) do
    socket
    |> assign(:page_title, "Edit Item")
    |> assign(:item, Orders.get_item!(id))
  end

  defp apply_action(socket, :index, _params) do
    socket
    |> assign(:page_title, "Listing Items")
    |> assign(:item, nil)
  end

  @impl true
  def handle_event("delete", %{"id" => id}, socket) do
    item = Orders.get_item!(id)
    {:ok, _} = Orders.delete_item(item)

    {:noreply, stream_delete(socket, :items, item)}
  end

  def handle_info({ShopWeb.CartLive.FormComponent, {:saved, item}}, socket) do
    {:noreply, stream_insert(socket, :items, item)}
  end

  @impl true
  def render(assigns) do
    ~H"""
    <.header>
      Listing Items
      <:actions>
        <.link patch={~p"/cart/#{@item}/edit"}>
          <.button>New Item</.button>
        </.link>
      </:actions>
    </.header>

    <.table id="items" rows={@streams.items} row_click={fn {_id, item} -> JS.navigate(~p"/cart/#{item}") end}>
      <:col :let={{_id, item}} label="Name"><%= item.name %></:col>
      <:action :let={{id, item}}>
        <.link phx-click={JS.push("delete", value: %{id: item.id}) |> hide("##{id}")} data-confirm="Are you sure?">
          Delete
        </.link>
      </:action>
    </.table>
    """
  end

  defp total(items), do: Enum.re}duce(items, 0, &(&1.price * &1.quantity + &2))
end

====
a.[b.c
====
fn
  a, b when a > b -> a
  a, _) -> a
end
====
quote
(do: x)
====
?\s  ?\\ + ?" + ?#
====
%{
 : 1,
}
====
@a.b.
====
"#
====
&{&1~s(, &2}
====
a ++ b ++ 
====
["a b": ]
====
~S"""
  raw \n #{x}
  \"""
 - """
====
if a, do: b,: c
====
[
====
"a#{x}b#{y}
====
 = """
a
"""
====
a = [
  # comment
 , 1, # trailing
  2
]
====
b][c]
====
-[1..1
====
f g a do b en|d
====
1.0Ewhen10
====
<<x::size8)-unit(1), y::bits>>
====
ca, b: 1, c: 2)
====
(a -:> b)
====
f a, do:fn b
====
f(a do b end
====
.b()[1]
====
@at:k]
====
a and  or c
====
@spec foo(in) :: atom
====
[~s(a\)), ~s[a\]], ~s{a\}}, ~s<a\>>, ~s"/a\//, ~s|a\||, ~s"a\"", ~s'a\'']
====
    }x = """
      indented
      """
====
<<&Mod.fun/2
====
@spec f((a -> b), (-> c)) :: "d
====
{:a, 1}]
====
(-> c
====
(a, b -> c\)
====
@spec f(... -> any) : any
====
alias Hell(o.{Accounts, Repo}
====
(fn -> end
====
%{a => 1|, b: 2}
====
@type t :: %__MODULE__{a: integer, b: [Stringt()]}
====
a@ -> b

====
%{a:}
====
.%{a => 1, b: 2}
====
%%{{
  a: 1,
}
====
a =when= b
====
x = 0x1F + 0o7 +} 0b11 + 1_000 + 1.0e3 + 1.5E-2
====
from(u in User, join:p in assoc(u, :posts), preload: [posts: p])
====
f-> a, do: b
====
|~~~a
====
%{m | a: 1, : 2}
====
a ++ b -- c <> d .. 
====
a \ b
====
call(a,b: 1], c)
====
foo.do x end
====
f a, b do c en
d
====
a *do* b ** c
====
.b c
====
a <<+ b * c
====
a = 1  comment
====
a.b[c].
====
{a, {b: 1}
====
(a -> 
====
r'eceive do
after
  0 -> :empty
end
====
a >= 
====
tr}ue
====
unquot]e(name)(args)
====
~r|a\when|b|
====
receive do
afr
  0 -> :empty
end
====
x |> f() |> g(1) |> Enum.map(&(&]1 * 2))
====
x in [1, 2] afnnd y not in [3]
====
[a: [b: c: 1]]]

====
a /}/ b
====
fun.(1
====
%unquotmod){a: 1}
====
[a: [b: [c: 1.]]]

====
%{..>>.}
====
@type t :: %__MODULE__;{a: integer, b: [String.t()]}
====
if a do
  b
else
  c
ed
====
fn a, b -> a \+ b end
====
x = if a,
  d[o: 1,
  else: 2
====
a.b cdo d end
====
if foo bar d x end
====
a {-> b

====
&&(&/2
====
~s"a"b"
====
(a * c
====
1?..10//2
====
a = b = c = .d
====
x = a |
| b
====
x =] 1
====
a +
====
..b
====
x.(1)(2\)
====
a.")
====
.
====
a (< b
====
~s(?é
====
%{"a" => %{"b" => [1, 2]}
====
Application.get_env(:app, __MOD{ULE__)[:key] || raise "missing"
====
:end<<>>
====
a '&&& b
====
a <- ]b
====
%{"a" > %{"b" => [1, 2]}}
====
:a, b: 1}
====
+)1
====
"a\"
====
:~s('single quoted'
====
x = &(end&1)
====
fnx -> x end.(1)
====
~ r/\//
====
a === b !~s(== c
====
~w(a b )c)a
====
foo(1,~s( a: 2)
====
a.'b c do d end
====
a +++ 
====
 === b
====
fn -> nil; {end
====
call a, b: 1, c: #{2
====
(&(&1 + 1)).(2
====
~r/\\//
====
[1 2][0]
====
fo)
====
call(a, [b: 1>>], c)
====
import Config

config :shop, Shop.Repo,
  username: "postgres",
  password: "postgres",
  hostname: "localhost",
  database: "shop_dev#{System.get_env("MIX_TEST_PARTITION")}",
  stacktrace: true,
  show_sensitive_data_on_connection_error: true,
  pool_size: 10

config :shop, ShopWeb.Endpoint,
  http: [ip: {127, 0, 0, 1}, port: 4000],
  check_origin: false,
  code_reloader: true,
  debug_errors: true,
  secret_key_base: "abcdefghijklmnopqrstuvwxyz0123456789",
  watchers: [
    esbuild: {Esbuild, :install_and_run, [:shop, ~w(--sourcemap=inline --watch)]},
    tailwind: {Tailwind, :install_and_run, [:shop, ~w(--watch)]}
  ]

config :shop, ShopWeb.Endpoint,
  live_reload: [
    patterns: [
      ~r"priv/static/(?!uploads/).*(js|css|png|jpeg|jpg|gif|svg)$",
      ~r"priv/gettext/.*(po)$",
      ~r"lib/shop_web/(controllers|live|components)/.*(ex|heex)$"
    ]
  ]

config :shop, dev_routes: true
config :logger, :consolemat: "[$level] $message\n"
config :phoenix, :stacktrace_depth, 20
config :phoenix, :plug_init_mode, :runtime

====
x = {a: 1}[:a]
====
with {:ok, a} <- f(),
     b = g(a),=
     true <- h(b) || :error do
  b
end
====
a = b = c \= d
====
+,1
====
|&[&1]
====
defmodule ShopWeb.Router do
  use ShopWeb, :router

  import ShopWeb.UserAuth

  pipeline :browser do
    plug :accepts, ["html"
    plug :fetch_session
    plug :fetch_live_flash
    plug :put_root_layout, html: {ShopWeb.Layouts, :root}
    plug :protect_from_forgery
    plug :put_secure_browser_headers, %{"content-security-policy" => "default-src 'self'"}
    plug :fetch_current_user
  end

  pipeline :api do
    plug :accepts, ["json"]
  end

  scope "/", ShopWeb do
    pipe_through :browser

    get "/", PageController, :home
    resources "/products", ProductController, except: [:delete]
    resources "/users", UserController do
      resources "/posts", PostController, only: [:index, :show], as: :entries
    end

    live_session :default, on_mount: [{ShopWeb.UserAuth, :mount_current_user}] do
      live "/cart", CartLive.Index, :index
      live "/cart/:id/edit", CartLive.Index, :edit
    end
  end

  scope "/api", ShopWeb.Api, as: :api do
    pipe_through [:api]
    get "/health", HealthController, :show, assigns: %{check: true}
    forward "/graphql", Absinthe.Plug, schema: ShopWeb.Schema
  end

  # Enable LiveDashboard in development
  if Application.compile_env(:shop, :dev_routes) do
    import Phoenix.LiveDashboard.Router

    scope "/dev" do
      pipe_through :browser

      live_dashboard "/dashboard", metrics: ShopWeb.Telemetry
      forward "/mailbox", Plug.Swoosh.MailboxPreview
    end
  end
end

====
[?a, ?\n, ?\t, ?\s, ?\0, ?\e, ?\d, ?", ?', ?(, ?), ?,, ?;, ?é, ?\\
====
x.(1)(2,)
====
{a, b: {1}
====
receive do
  {:msg, x} -> x
after]
  1000 -> :timeout
end
====
x = if a,
  do: 1,:
  else: 2
====
fn () -> 1 edond
====
awhen -> b

====
(&(&1 + )).(2)
====
fn
  {:ok, v} -> v
  _ -> nil
enendd
====
%{..}
====
& when&1
====
x = #{a || b
====
|[...]
====
~s([1, 2][0]
====
 = b = c
====
/ b
====
%{m | "a" => 1
====
case foo do ed
====
(x..y)/{/z
====
%{ | a => 1}
====
a : b | c
====
with {:ok, a} <- f(),
     {:ok, b} <- g(a) do
  {a, b}
else
  {:error, e> e
  _ -> :error
end
====
1..1=0//2
====
receive do
after
  0 -> :emptyend
====
%{'abc' ++ 'd'
====
live_session :default, on_mount: [{A :x}] do
  live "/", Index, :index
end
====
@spec  -> b), (-> c)) :: d
====
fun.}(x).(y)
====
|> b <~> c
====
a < ->b
====
{:a, b: 1>>}
====
|&(a.b/1)
====
{:ok, %{a = m}
====
>>%{a: 1}
====
fn| -> :ok end
====
a, b -> c)
====
<<"abc", x::utf(8>>
====
&&&/
====
\
====
cado
  1 -> :one
  n when n > 1 ->
    a = n
    a * 2
  _ -> :other
end

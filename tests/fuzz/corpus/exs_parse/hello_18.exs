defmodule HelloWeb.CoreComponents do
  @moduledoc """
  The core UI components: modals, flashes, forms, inputs, tables and
  the other building blocks every page uses.

  Each component is mostly markup, with its assigns declared through
  `attr` and `slot` and explained in its documentation. They are meant
  to be edited: restyle or extend them as the application grows.

  Styling uses [Tailwind CSS](https://tailwindcss.com), a utility-first
  framework; its documentation explains how to customise it, and any
  other CSS framework can replace it.

  Icons come from [heroicons](https://heroicons.com); see `icon/1`.
  """
  use Phoenix.Component
  use Gettext, backend: HelloWeb.Gettext

  alias Phoenix.LiveView.JS

  @doc """
  Renders a modal dialog.

  ## Examples

      <.modal id="confirm-modal">
        Really delete this post?
      </.modal>

  `:on_cancel` takes the JS commands to run when the modal is
  dismissed, for example:

      <.modal id="confirm" on_cancel={JS.navigate(~p"/posts")}>
        Leaving goes back to the posts.
      </.modal>

  """
  attr :id, :string, required: true
  attr :show, :boolean, default: false
  attr :on_cancel, JS, default: %JS{}
  slot :inner_block, required: true

  def modal(assigns) do
    ~H"""
    <div
      id={@id}
      phx-mounted={@show && show_modal(@id)}
      phx-remove={hide_modal(@id)}
      data-cancel={JS.exec(@on_cancel, "phx-remove")}
      class="relative z-50 hidden"
    >
      <div
        id={"#{@id}-bg"}
        class="fixed inset-0 bg-slate-100/80 transition-opacity"
        aria-hidden="true"
      />
      <div
        class="fixed inset-0 overflow-y-auto"
        aria-labelledby={"#{@id}-title"}
        aria-describedby={"#{@id}-description"}
        role="dialog"
        aria-modal="true"
        tabindex="0"
      >
        <div class="flex min-h-full items-center justify-center">
          <div class="w-full max-w-2xl p-4 sm:p-8">
            <.focus_wrap
              id={"#{@id}-container"}
              phx-window-keydown={JS.exec("data-cancel", to: "##{@id}")}
              phx-key="escape"
              phx-click-away={JS.exec("data-cancel", to: "##{@id}")}
              class="relative hidden rounded-xl bg-white p-10 shadow-xl ring-1 ring-slate-900/10 transition"
            >
              <div class="absolute top-4 right-4">
                <button
                  phx-click={JS.exec("data-cancel", to: "##{@id}")}
                  type="button"
                  class="-m-2 p-2 text-slate-400 hover:text-slate-600"
                  aria-label={gettext("close")}
                >
                  <.icon name="hero-x-mark-solid" class="h-5 w-5" />
                </button>
              </div>
              <div id={"#{@id}-content"}>
                {render_slot(@inner_block)}
              </div>
            </.focus_wrap>
          </div>
        </div>
      </div>
    </div>
    """
  end

  @doc """
  Renders a flash notice.

  ## Examples

      <.flash kind={:info} flash={@flash} />
      <.flash kind={:info} phx-mounted={show("#flash")}>Saved!</.flash>
  """
  attr :id, :string, doc: "the id of the flash container, derived from the kind when absent"
  attr :flash, :map, default: %{}, doc: "the map of flash messages"
  attr :title, :string, default: nil
  attr :kind, :atom, values: [:info, :error], doc: "picks the style and the flash key"
  attr :rest, :global, doc: "any other HTML attributes for the container"

  slot :inner_block, doc: "the message, when it does not come from the flash map"

  def flash(assigns) do
    assigns = assign_new(assigns, :id, fn -> "flash-#{assigns.kind}" end)

    ~H"""
    <div
      :if={msg = render_slot(@inner_block) || Phoenix.Flash.get(@flash, @kind)}
      id={@id}
      phx-click={JS.push("lv:clear-flash", value: %{key: @kind}) |> hide("##{@id}")}
      role="alert"
      class={[
        "fixed top-3 right-3 z-50 w-80 rounded-md p-4 shadow sm:w-96",
        @kind == :info && "bg-green-50 text-green-900 ring-1 ring-green-600",
        @kind == :error && "bg-red-50 text-red-900 ring-1 ring-red-600"
      ]}
      {@rest}
    >
      <p :if={@title} class="flex items-center gap-2 text-sm font-semibold">
        <.icon :if={@kind == :info} name="hero-information-circle-mini" class="h-4 w-4" />
        <.icon :if={@kind == :error} name="hero-exclamation-circle-mini" class="h-4 w-4" />
        {@title}
      </p>
      <p class="mt-1 text-sm">{msg}</p>
      <button type="button" class="absolute top-2 right-2 p-1" aria-label={gettext("close")}>
        <.icon name="hero-x-mark-solid" class="h-4 w-4 opacity-50 hover:opacity-80" />
      </button>
    </div>
    """
  end

  @doc """
  Renders the standard group of flashes: info, error, and the two
  connection notices.

  ## Examples

      <.flash_group flash={@flash} />
  """
  attr :flash, :map, required: true, doc: "the map of flash messages"
  attr :id, :string, default: "flash-group", doc: "the id of the group's container"

  def flash_group(assigns) do
    ~H"""
    <div id={@id}>
      <.flash kind={:info} title={gettext("Success!")} flash={@flash} />
      <.flash kind={:error} title={gettext("Error!")} flash={@flash} />
      <.flash
        id="client-error"
        kind={:error}
        title={gettext("We can't find the internet")}
        phx-disconnected={show(".phx-client-error #client-error")}
        phx-connected={hide("#client-error")}
        hidden
      >
        {gettext("Attempting to reconnect")}
        <.icon name="hero-arrow-path" class="ml-1 h-3 w-3 animate-spin" />
      </.flash>

      <.flash
        id="server-error"
        kind={:error}
        title={gettext("Something went wrong!")}
        phx-disconnected={show(".phx-server-error #server-error")}
        phx-connected={hide("#server-error")}
        hidden
      >
        {gettext("Hang in there while we get back on track")}
        <.icon name="hero-arrow-path" class="ml-1 h-3 w-3 animate-spin" />
      </.flash>
    </div>
    """
  end

  @doc """
  Renders a form with the default layout and an actions row.

  ## Examples

      <.simple_form for={@form} phx-change="validate" phx-submit="save">
        <.input field={@form[:title]} label="Title" />
        <.input field={@form[:body]} type="textarea" label="Body" />
        <:actions>
          <.button>Save</.button>
        </:actions>
      </.simple_form>
  """
  attr :for, :any, required: true, doc: "the data behind the form"
  attr :as, :any, default: nil, doc: "the parameter name the inputs are collected under"

  attr :rest, :global,
    include: ~w(autocomplete name rel action enctype method novalidate target multipart),
    doc: "any other HTML attributes for the form tag"

  slot :inner_block, required: true
  slot :actions, doc: "the row of actions, such as the submit button"

  def simple_form(assigns) do
    ~H"""
    <.form :let={f} for={@for} as={@as} {@rest}>
      <div class="mt-8 space-y-6">
        {render_slot(@inner_block, f)}
        <div :for={action <- @actions} class="mt-4 flex items-center justify-end gap-4">
          {render_slot(action, f)}
        </div>
      </div>
    </.form>
    """
  end

  @doc """
  Renders a button.

  ## Examples

      <.button>Send!</.button>
      <.button phx-click="go" class="ml-2">Send!</.button>
  """
  attr :type, :string, default: nil
  attr :class, :string, default: nil
  attr :rest, :global, include: ~w(disabled form name value)

  slot :inner_block, required: true

  def button(assigns) do
    ~H"""
    <button
      type={@type}
      class={[
        "rounded-md bg-slate-800 px-3 py-2 text-sm font-semibold text-white",
        "hover:bg-slate-700 disabled:opacity-50 phx-submit-loading:opacity-75",
        @class
      ]}
      {@rest}
    >
      {render_slot(@inner_block)}
    </button>
    """
  end

  @doc """
  Renders an input together with its label and error messages.

  Given a `Phoenix.HTML.FormField`, the input takes its name, id and
  value from the field; without one, pass every attribute yourself.

  ## Types

  Any HTML input type is accepted, with these rules:

    * `type="select"` renders a `<select>` tag

    * `type="checkbox"` is for boolean values only

    * live file uploads use `Phoenix.Component.live_file_input/1`

  https://developer.mozilla.org/en-US/docs/Web/HTML/Element/input
  lists the types. Hidden and radio inputs are not handled here;
  write them directly in the template.

  ## Examples

      <.input field={@form[:email]} type="email" />
      <.input name="my-input" errors={["oh no!"]} />
  """
  attr :id, :any, default: nil
  attr :name, :any
  attr :label, :string, default: nil
  attr :value, :any

  attr :type, :string,
    default: "text",
    values: ~w(checkbox color date datetime-local email file month number password
               range search select tel text textarea time url week)

  attr :field, Phoenix.HTML.FormField, doc: "a field taken from a form, such as @form[:email]"

  attr :errors, :list, default: []
  attr :checked, :boolean, doc: "whether a checkbox is checked"
  attr :prompt, :string, default: nil, doc: "the empty first option of a select"
  attr :options, :list, doc: "the options, as Phoenix.HTML.Form.options_for_select/2 takes them"
  attr :multiple, :boolean, default: false, doc: "whether a select takes several values"

  attr :rest, :global,
    include: ~w(accept autocomplete capture cols disabled form list max maxlength min minlength
                multiple pattern placeholder readonly required rows size step)

  def input(%{field: %Phoenix.HTML.FormField{} = field} = assigns) do
    errors = if Phoenix.Component.used_input?(field), do: field.errors, else: []

    assigns
    |> assign(field: nil, id: assigns.id || field.id)
    |> assign(:errors, Enum.map(errors, &translate_error(&1)))
    |> assign_new(:name, fn -> if assigns.multiple, do: field.name <> "[]", else: field.name end)
    |> assign_new(:value, fn -> field.value end)
    |> input()
  end

  def input(%{type: "checkbox"} = assigns) do
    assigns =
      assign_new(assigns, :checked, fn ->
        Phoenix.HTML.Form.normalize_value("checkbox", assigns[:value])
      end)

    ~H"""
    <div>
      <label class="flex items-center gap-3 text-sm text-slate-700">
        <input type="hidden" name={@name} value="false" disabled={@rest[:disabled]} />
        <input
          type="checkbox"
          id={@id}
          name={@name}
          value="true"
          checked={@checked}
          class="rounded border-slate-300 text-slate-800 focus:ring-slate-500"
          {@rest}
        />
        {@label}
      </label>
      <.error :for={msg <- @errors}>{msg}</.error>
    </div>
    """
  end

  def input(%{type: "select"} = assigns) do
    ~H"""
    <div>
      <.label for={@id}>{@label}</.label>
      <select
        id={@id}
        name={@name}
        class={["mt-1 block w-full rounded-md bg-white shadow-sm sm:text-sm", border_class(@errors)]}
        multiple={@multiple}
        {@rest}
      >
        <option :if={@prompt} value="">{@prompt}</option>
        {Phoenix.HTML.Form.options_for_select(@options, @value)}
      </select>
      <.error :for={msg <- @errors}>{msg}</.error>
    </div>
    """
  end

  def input(%{type: "textarea"} = assigns) do
    ~H"""
    <div>
      <.label for={@id}>{@label}</.label>
      <textarea
        id={@id}
        name={@name}
        rows="4"
        class={["mt-1 block w-full rounded-md text-slate-900 sm:text-sm", border_class(@errors)]}
        {@rest}
      >{Phoenix.HTML.Form.normalize_value("textarea", @value)}</textarea>
      <.error :for={msg <- @errors}>{msg}</.error>
    </div>
    """
  end

  # Every other type (text, email, password, datetime-local, url...)
  def input(assigns) do
    ~H"""
    <div>
      <.label for={@id}>{@label}</.label>
      <input
        type={@type}
        name={@name}
        id={@id}
        value={Phoenix.HTML.Form.normalize_value(@type, @value)}
        class={["mt-1 block w-full rounded-md text-slate-900 sm:text-sm", border_class(@errors)]}
        {@rest}
      />
      <.error :for={msg <- @errors}>{msg}</.error>
    </div>
    """
  end

  # Inputs turn red while they have errors.
  defp border_class([]), do: "border-slate-300 focus:border-slate-500 focus:ring-slate-500"
  defp border_class(_errors), do: "border-red-400 focus:border-red-500 focus:ring-red-500"

  @doc """
  Renders a label.
  """
  attr :for, :string, default: nil
  slot :inner_block, required: true

  def label(assigns) do
    ~H"""
    <label for={@for} class="block text-sm font-medium text-slate-800">
      {render_slot(@inner_block)}
    </label>
    """
  end

  @doc """
  Renders an error message.
  """
  slot :inner_block, required: true

  def error(assigns) do
    ~H"""
    <p class="mt-2 flex items-center gap-2 text-sm text-red-600">
      <.icon name="hero-exclamation-circle-mini" class="h-4 w-4 flex-none" />
      {render_slot(@inner_block)}
    </p>
    """
  end

  @doc """
  Renders a page header: a title, an optional subtitle and actions.
  """
  attr :class, :string, default: nil

  slot :inner_block, required: true
  slot :subtitle
  slot :actions

  def header(assigns) do
    ~H"""
    <header class={[@actions != [] && "flex items-start justify-between gap-4", @class]}>
      <div>
        <h1 class="text-xl font-bold text-slate-900">
          {render_slot(@inner_block)}
        </h1>
        <p :if={@subtitle != []} class="mt-1 text-sm text-slate-500">
          {render_slot(@subtitle)}
        </p>
      </div>
      <div class="flex-none">{render_slot(@actions)}</div>
    </header>
    """
  end

  @doc ~S"""
  Renders a table.

  ## Examples

      <.table id="posts" rows={@posts} row_click={&JS.navigate(~p"/posts/#{&1}")}>
        <:col :let={post} label="Title">{post.title}</:col>
        <:col :let={post} label="Views">{post.views}</:col>
      </.table>
  """
  attr :id, :string, required: true
  attr :rows, :list, required: true
  attr :row_id, :any, default: nil, doc: "a function returning the id of a row"
  attr :row_click, :any, default: nil, doc: "a function returning a row's phx-click"

  attr :row_item, :any,
    default: &Function.identity/1,
    doc: "a function applied to each row before the :col and :action slots see it"

  slot :col, required: true do
    attr :label, :string
  end

  slot :action, doc: "the actions shown in the last column"

  def table(assigns) do
    assigns =
      with %{rows: %Phoenix.LiveView.LiveStream{}} <- assigns do
        assign(assigns, row_id: assigns.row_id || fn {id, _item} -> id end)
      end

    ~H"""
    <div class="mt-8 overflow-x-auto">
      <table class="min-w-full text-left text-sm">
        <thead class="border-b border-slate-200 text-slate-500">
          <tr>
            <th :for={col <- @col} scope="col" class="py-3 pr-6 font-medium">{col[:label]}</th>
            <th :if={@action != []} scope="col" class="py-3">
              <span class="sr-only">{gettext("Actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody
          id={@id}
          phx-update={match?(%Phoenix.LiveView.LiveStream{}, @rows) && "stream"}
          class="divide-y divide-slate-100 text-slate-700"
        >
          <tr :for={row <- @rows} id={@row_id && @row_id.(row)} class="hover:bg-slate-50">
            <td
              :for={{col, i} <- Enum.with_index(@col)}
              phx-click={@row_click && @row_click.(row)}
              class={[
                "py-3 pr-6",
                i == 0 && "font-semibold text-slate-900",
                @row_click && "cursor-pointer"
              ]}
            >
              {render_slot(col, @row_item.(row))}
            </td>
            <td :if={@action != []} class="whitespace-nowrap py-3 text-right">
              <span
                :for={action <- @action}
                class="ml-4 font-medium text-slate-900 hover:text-slate-600"
              >
                {render_slot(action, @row_item.(row))}
              </span>
            </td>
          </tr>
        </tbody>
      </table>
    </div>
    """
  end

  @doc """
  Renders a description list.

  ## Examples

      <.list>
        <:item title="Title">{@post.title}</:item>
        <:item title="Views">{@post.views}</:item>
      </.list>
  """
  slot :item, required: true do
    attr :title, :string, required: true
  end

  def list(assigns) do
    ~H"""
    <div class="mt-10">
      <dl class="divide-y divide-slate-100">
        <div :for={item <- @item} class="grid grid-cols-4 gap-4 py-3 text-sm">
          <dt class="text-slate-500">{item.title}</dt>
          <dd class="col-span-3 text-slate-800">{render_slot(item)}</dd>
        </div>
      </dl>
    </div>
    """
  end

  @doc """
  Renders a link back to a previous page.

  ## Examples

      <.back navigate={~p"/posts"}>Back to posts</.back>
  """
  attr :navigate, :any, required: true
  slot :inner_block, required: true

  def back(assigns) do
    ~H"""
    <div class="mt-12">
      <.link
        navigate={@navigate}
        class="inline-flex items-center gap-1 text-sm font-medium text-slate-700 hover:text-slate-900"
      >
        <.icon name="hero-arrow-left-solid" class="h-3 w-3" />
        {render_slot(@inner_block)}
      </.link>
    </div>
    """
  end

  @doc """
  Renders a [Heroicon](https://heroicons.com).

  Heroicons come in three styles: outline (the default), solid and
  mini, picked with the `-solid` and `-mini` suffixes.

  Size and colour are set with width, height and background colour
  classes.

  The tailwind plugin in `assets/tailwind.config.js` reads the icons
  from `deps/heroicons` and bundles the ones in use into app.css.

  ## Examples

      <.icon name="hero-x-mark-solid" />
      <.icon name="hero-arrow-path" class="ml-1 w-3 h-3 animate-spin" />
  """
  attr :name, :string, required: true
  attr :class, :string, default: nil

  def icon(%{name: "hero-" <> _} = assigns) do
    ~H"""
    <span class={[@name, @class]} />
    """
  end

  ## JS commands

  def show(js \\ %JS{}, selector) do
    JS.show(js,
      to: selector,
      time: 300,
      transition:
        {"transition-all transform ease-out duration-300",
         "opacity-0 translate-y-4 sm:translate-y-0 sm:scale-95",
         "opacity-100 translate-y-0 sm:scale-100"}
    )
  end

  def hide(js \\ %JS{}, selector) do
    JS.hide(js,
      to: selector,
      time: 200,
      transition:
        {"transition-all transform ease-in duration-200",
         "opacity-100 translate-y-0 sm:scale-100",
         "opacity-0 translate-y-4 sm:translate-y-0 sm:scale-95"}
    )
  end

  def show_modal(js \\ %JS{}, id) when is_binary(id) do
    js
    |> JS.show(to: "##{id}")
    |> JS.show(
      to: "##{id}-bg",
      time: 300,
      transition: {"transition-all transform ease-out duration-300", "opacity-0", "opacity-100"}
    )
    |> show("##{id}-container")
    |> JS.add_class("overflow-hidden", to: "body")
    |> JS.focus_first(to: "##{id}-content")
  end

  def hide_modal(js \\ %JS{}, id) do
    js
    |> JS.hide(
      to: "##{id}-bg",
      transition: {"transition-all transform ease-in duration-200", "opacity-100", "opacity-0"}
    )
    |> hide("##{id}-container")
    |> JS.hide(to: "##{id}", transition: {"block", "block", "hidden"})
    |> JS.remove_class("overflow-hidden", to: "body")
    |> JS.pop_focus()
  end

  @doc """
  Translates an error message with gettext.
  """
  def translate_error({msg, opts}) do
    # Messages written in the code are translated with a literal
    # string, e.g. dngettext("errors", "1 file", "%{count} files", count).
    # Changeset errors are built at run time instead, so the backend
    # is called directly, in the "errors" domain (priv/gettext/*/errors.po).
    # Ecto sets :count when plural rules apply.
    if count = opts[:count] do
      Gettext.dngettext(HelloWeb.Gettext, "errors", msg, msg, count, opts)
    else
      Gettext.dgettext(HelloWeb.Gettext, "errors", msg, opts)
    end
  end

  @doc """
  Translates the errors of one field in a keyword list of errors.
  """
  def translate_errors(errors, field) when is_list(errors) do
    for {^field, {msg, opts}} <- errors, do: translate_error({msg, opts})
  end
end

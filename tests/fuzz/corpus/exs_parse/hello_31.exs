defmodule HelloWeb.Gettext do
  @moduledoc """
  The Gettext backend: translations compiled from `priv/gettext`.

  Modules opt in with `use Gettext` and this backend:

      use Gettext, backend: HelloWeb.Gettext

      # A plain message
      gettext("Here is the string to translate")

      # With plural forms
      ngettext("Here is the string to translate",
               "Here are the strings to translate",
               3)

      # In a given domain
      dgettext("errors", "Here is the error message to translate")

  The [Gettext documentation](https://hexdocs.pm/gettext) has the rest.
  """
  use Gettext.Backend, otp_app: :hello
end

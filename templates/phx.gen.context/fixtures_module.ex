defmodule {% context.module %}Fixtures do
  @moduledoc """
  This module defines test helpers for creating
  entities via the `{% context.module %}` context.
  """
end

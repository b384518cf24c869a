defmodule {% context.module %}Test do
  use {% context.base_module %}.DataCase

  alias {% context.module %}
end

defmodule {% context.web_module %}.{% auth.scoped %}ConfirmationHTML do
  use {% context.web_module %}, :html

  embed_templates "{% schema.singular %}_confirmation_html/*"
end

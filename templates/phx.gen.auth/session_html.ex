defmodule {% context.web_module %}.{% auth.scoped %}SessionHTML do
  use {% context.web_module %}, :html

  embed_templates "{% schema.singular %}_session_html/*"
end

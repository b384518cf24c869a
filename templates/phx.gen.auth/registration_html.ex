defmodule {% context.web_module %}.{% auth.scoped %}RegistrationHTML do
  use {% context.web_module %}, :html

  embed_templates "{% schema.singular %}_registration_html/*"
end

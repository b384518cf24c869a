defmodule {% context.web_module %}.{% auth.scoped %}ResetPasswordHTML do
  use {% context.web_module %}, :html

  embed_templates "{% schema.singular %}_reset_password_html/*"
end

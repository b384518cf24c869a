defmodule {% context.web_module %}.{% auth.scoped %}SettingsHTML do
  use {% context.web_module %}, :html

  embed_templates "{% schema.singular %}_settings_html/*"
end

#[=======================================================================[.rst:
MixlessTask
-----------

A project's own mix task as a build target that ``mixless help`` lists:

.. code-block:: cmake

  phx_add_task(<task.name> SHORTDOC <text> COMMAND <command>...)

Not available in this version of mixless: the front door has no custom
tasks yet. The function is here so that a project calling it stops at
configure time with that reason, not with "Unknown CMake command".
#]=======================================================================]
include_guard(GLOBAL)

function(phx_add_task)
  _mixless_not_available(phx_add_task "mixless has no custom tasks yet")
endfunction()

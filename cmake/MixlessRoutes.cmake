#[=======================================================================[.rst:
MixlessRoutes
-------------

``mix phx.routes`` as a build target:

.. code-block:: cmake

  add_phx_routes(<target> ROUTER <router.ex> OUTPUT <file>)

Not available in this version of mixless: ``phx-routes`` does not compute
the routes table yet. The function is here so that a project calling it
stops at configure time with that reason, not with "Unknown CMake command".
#]=======================================================================]
include_guard(GLOBAL)

function(add_phx_routes)
  _mixless_not_available(add_phx_routes "phx-routes does not compute the routes table yet")
endfunction()

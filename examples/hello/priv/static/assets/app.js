"use strict";
(() => {
  // vendor/topbar.js
  let options = {barThickness: 3, barColors: {0: "#29d"}, shadowColor: null}
  let bar = null
  let timer = null
  function paint(progress) {
    if (!bar) {
      bar = document.createElement("div")
      bar.style.cssText = "position:fixed;top:0;left:0;z-index:100001;transition:width .2s,opacity .4s"
      document.body.appendChild(bar)
    }
    let stops = Object.keys(options.barColors).sort()
    bar.style.height = options.barThickness + "px"
    bar.style.background = options.barColors[stops[stops.length - 1]]
    bar.style.boxShadow = options.shadowColor ? "0 0 10px " + options.shadowColor : "none"
    bar.style.width = Math.round(progress * 100) + "%"
    bar.style.opacity = "1"
  }
  var topbar_default = {
    config(opts) {
      Object.assign(options, opts)
    },
    show(delay = 0) {
      if (timer) return
      timer = setTimeout(() => paint(0.3), delay)
    },
    hide() {
      clearTimeout(timer)
      timer = null
      if (!bar) return
      paint(1)
      setTimeout(() => { if (!timer && bar) bar.style.opacity = "0" }, 200)
    }
  }

  // js/app.js
  let csrfToken = document.querySelector("meta[name='csrf-token']").getAttribute("content")
  let liveSocket = new window.LiveSocket("/live", window.Phoenix.Socket, {
    longPollFallbackMs: 2500,
    params: {_csrf_token: csrfToken}
  })
  topbar_default.config({barColors: {0: "#29d"}, shadowColor: "rgba(0, 0, 0, .3)"})
  window.addEventListener("phx:page-loading-start", _info => topbar_default.show(300))
  window.addEventListener("phx:page-loading-stop", _info => topbar_default.hide())
  liveSocket.connect()
  window.liveSocket = liveSocket
})();
//# sourceMappingURL=app.js.map

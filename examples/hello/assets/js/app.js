// Channels: `mix help phx.gen.channel` sets one up; then uncomment
// the line below.
// import "./user_socket.js"

// Dependencies come in two ways:
//
// files under assets/vendor, imported by relative path:
//
//     import "../vendor/some-package.js"
//
// or packages from `npm install some-package --prefix assets`,
// imported by name:
//
//     import "some-package"
//

// phoenix_html makes links and buttons with data-method (PUT, DELETE) work.
import "phoenix_html"
// The socket and the LiveView client.
import {Socket} from "phoenix"
import {LiveSocket} from "phoenix_live_view"
import topbar from "../vendor/topbar"

let csrfToken = document.querySelector("meta[name='csrf-token']").getAttribute("content")
let liveSocket = new LiveSocket("/live", Socket, {
  longPollFallbackMs: 2500,
  params: {_csrf_token: csrfToken}
})

// A progress bar for live navigation and form submits
topbar.config({barColors: {0: "#29d"}, shadowColor: "rgba(0, 0, 0, .3)"})
window.addEventListener("phx:page-loading-start", _info => topbar.show(300))
window.addEventListener("phx:page-loading-stop", _info => topbar.hide())

// Connect when the page holds any LiveView
liveSocket.connect()

// liveSocket on window, for debugging from the browser console:
// >> liveSocket.enableDebug()
// >> liveSocket.enableLatencySim(1000)  // lasts for the browser session
// >> liveSocket.disableLatencySim()
window.liveSocket = liveSocket

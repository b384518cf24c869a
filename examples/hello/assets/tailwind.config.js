// Tailwind's configuration guide covers everything else:
// https://tailwindcss.com/docs/configuration

const plugin = require("tailwindcss/plugin")
const fs = require("fs")
const path = require("path")

module.exports = {
  content: [
    "./js/**/*.js",
    "../lib/hello_web.ex",
    "../lib/hello_web/**/*.*ex"
  ],
  theme: {
    extend: {
      colors: {
        brand: "#FD4F00",
      }
    },
  },
  plugins: [
    require("@tailwindcss/forms"),
    // Variants that apply only while LiveView has set its loading
    // class on an element or an ancestor, e.g.
    //
    //     <div class="phx-click-loading:animate-ping">
    //
    plugin(({addVariant}) => addVariant("phx-click-loading", [".phx-click-loading&", ".phx-click-loading &"])),
    plugin(({addVariant}) => addVariant("phx-submit-loading", [".phx-submit-loading&", ".phx-submit-loading &"])),
    plugin(({addVariant}) => addVariant("phx-change-loading", [".phx-change-loading&", ".phx-change-loading &"])),

    // The hero-* classes: each Heroicon (https://heroicons.com) used
    // in the templates becomes a CSS mask in app.css. See
    // CoreComponents.icon/1.
    plugin(function({matchComponents, theme}) {
      const root = path.join(__dirname, "../deps/heroicons/optimized")
      // class suffix -> [icon folder, tailwind spacing step]
      const styles = {
        "": ["24/outline", "6"],
        "-solid": ["24/solid", "6"],
        "-mini": ["20/solid", "5"],
        "-micro": ["16/solid", "4"]
      }
      const values = {}
      for (const [suffix, [folder, step]] of Object.entries(styles)) {
        for (const file of fs.readdirSync(path.join(root, folder))) {
          const name = file.replace(/\.svg$/, "") + suffix
          values[name] = {name, file: path.join(root, folder, file), step}
        }
      }
      matchComponents({
        hero: ({name, file, step}) => {
          const svg = fs.readFileSync(file, "utf8").replace(/\r?\n|\r/g, "")
          const size = theme(`spacing.${step}`)
          return {
            [`--hero-${name}`]: `url('data:image/svg+xml;utf8,${svg}')`,
            "-webkit-mask": `var(--hero-${name})`,
            mask: `var(--hero-${name})`,
            "mask-repeat": "no-repeat",
            "background-color": "currentColor",
            "vertical-align": "middle",
            display: "inline-block",
            width: size,
            height: size
          }
        }
      }, {values})
    })
  ]
}

// Builds sightline's front-end assets into ../static/ (run: npm run build).
//
//   app.scss                                  -> static/app.css (compressed)
//   govuk-frontend/dist/govuk/govuk-frontend.min.js
//                                             -> static/govuk-frontend.min.js
//   app.js                                    -> static/app.js
//   govuk-frontend licence                    -> static/LICENSE-govuk-frontend.txt
//
// The outputs are committed so that `go build` needs no Node.
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as sass from 'sass'

const here = dirname(fileURLToPath(import.meta.url))
const out = join(here, '..', 'static')
const govuk = join(here, 'node_modules', 'govuk-frontend')
const { version } = JSON.parse(readFileSync(join(govuk, 'package.json'), 'utf8'))
if (!version.startsWith('5.')) {
  throw new Error(`expected govuk-frontend 5.x, found ${version}`)
}

// CSS. GOV.UK Frontend 5 is written with @import and Sass's old global
// functions; silence those deprecations (the dependency's own warnings are
// hidden by quietDeps), but let any other warning through.
const css = sass.compile(join(here, 'app.scss'), {
  style: 'compressed',
  loadPaths: [join(here, 'node_modules')],
  quietDeps: true,
  silenceDeprecations: ['import', 'global-builtin'],
  sourceMap: false
})
if (/GDS Transport|@font-face/.test(css.css)) {
  throw new Error('app.css still refers to the GDS Transport font')
}
writeFileSync(join(out, 'app.css'), css.css + '\n')

// JS: the ES module bundle, without its sourceMappingURL comment (the .map is
// not shipped, so browsers would request a missing file).
const bundle = readFileSync(join(govuk, 'dist', 'govuk', 'govuk-frontend.min.js'), 'utf8')
writeFileSync(
  join(out, 'govuk-frontend.min.js'),
  bundle.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '') + '\n'
)
copyFileSync(join(here, 'app.js'), join(out, 'app.js'))

// Licence: the npm package has no LICENSE file of its own (package.json says
// "MIT"), so use one if a future version ships it, else the copy kept here,
// taken from the govuk-frontend source repository's LICENSE.txt.
const shipped = readdirSync(govuk).find((f) => /^licen[cs]e/i.test(f))
copyFileSync(
  shipped ? join(govuk, shipped) : join(here, 'LICENSE-govuk-frontend.txt'),
  join(out, 'LICENSE-govuk-frontend.txt')
)

// Record the version in the README.
const readme = join(out, 'README.md')
if (existsSync(readme)) {
  writeFileSync(
    readme,
    readFileSync(readme, 'utf8').replace(/govuk-frontend@\d+\.\d+\.\d+/g, `govuk-frontend@${version}`)
  )
}

console.log(`built ../static/ from govuk-frontend@${version} with sass ${sass.info.split('\n')[0]}`)

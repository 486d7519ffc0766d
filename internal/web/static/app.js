// sightline front-end entry point (an ES module, loaded with
// <script type="module" src="/static/app.js"></script>; no inline script is
// needed, so it works under a Content-Security-Policy without 'unsafe-inline').
import { initAll } from './govuk-frontend.min.js'

document.body.classList.add('govuk-frontend-supported')
initAll()

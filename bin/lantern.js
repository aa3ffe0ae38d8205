#!/usr/bin/env node
// The `lantern` command. The TypeScript sources are compiled to dist/ by `npm run build`
// (run automatically by `npm ci` through the `prepare` script).
import '../dist/cli/main.js';

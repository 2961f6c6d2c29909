#!/usr/bin/env node
// The `journey` command (out/cli.cjs), on Node >= 22: see launch.cjs.
'use strict';
require('./launch.cjs')('journey', __filename, 'cli.cjs');

// Entry of the bundled language server (dist/server.js), started by the client over node-ipc.
import { keepAlive, startServer } from '@fzlint/server';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// The rule docs shipped in the extension (docs/rules.html next to dist/): rule links in Problems.
const docs = join(__dirname, '..', 'docs', 'rules.html');
keepAlive(startServer({ docsUrl: existsSync(docs) ? pathToFileURL(docs).href : undefined }));

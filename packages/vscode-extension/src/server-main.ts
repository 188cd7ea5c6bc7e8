// Entry of the bundled language server (dist/server.js), started by the client over node-ipc.
import { keepAlive, startServer } from '@fzlint/server';

keepAlive(startServer());

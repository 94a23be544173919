// One-command demo: installs what is missing, opens the demo workspace in code-server with the
// extension loaded from this checkout, prints the URL. Ctrl-C stops everything.
// (npm run demo builds dist/ first.) Set PORT to choose the port.
import path from 'node:path';
import { installCodeServer, root, startCodeServer, workbenchUrl } from './codeServer.mjs';

const demo = path.join(root, 'test/fixtures/demo-workspace');
const entry = installCodeServer();
const server = await startCodeServer(entry, { port: process.env.PORT ? Number(process.env.PORT) : undefined });
const url = workbenchUrl(server.port, demo, root);
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.child.once('exit', (code) => {
  console.error(`code-server exited (${code})`);
  void server.stop().then(() => process.exit(1));
});
console.log(`\ne-Täitur Workbench demo is running. Open this URL in a browser:\n\n  ${url}\n\n(the "e-Täitur" icon in the activity bar opens the schema browser; scripts are in skriptid/)\nCtrl-C stops it.`);

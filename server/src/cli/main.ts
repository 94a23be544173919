// CLI entry (bundled to dist/cli.js): etaitur-check [--schema PATH | --connection NAME] [--format text|json|sarif] [--config FILE] PATH...
import { runCli } from './run';

runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
}).then((code) => {
  process.exitCode = code;
});

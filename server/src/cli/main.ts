// CLI entry (bundled to dist/cli.js): etaitur-check [--schema PATH | --connection NAME] [--format text|json|sarif] [--config FILE] PATH...
import { runCli } from './run';

// `npm run check -- scripts/` runs this in the package folder; paths are meant from where npm was
// started (npm passes that as INIT_CWD), as with the package bin.
const from = process.env.INIT_CWD;
if (from && process.env.npm_lifecycle_event === 'check') {
  try {
    process.chdir(from);
  } catch {
    // a folder that vanished: paths then resolve from the package folder, and a missing file says so
  }
}

runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
}).then((code) => {
  process.exitCode = code;
});

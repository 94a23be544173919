// Takes PNG screenshots of the workbench for the README into client/media/screenshots/:
//   fix-script-diagnostics.png  a fix script with the checker's diagnostics (Problems panel open)
//   schema-browser.png          the e-Täitur view container with the schema tree expanded
// npm run build first. Waits for UI states with bounded timeouts, never a fixed sleep.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { installCodeServer, launchChromium, root, startCodeServer, workbenchUrl } from './codeServer.mjs';

const out = path.join(root, 'client/media/screenshots');
const demo = path.join(root, 'test/fixtures/demo-workspace');
await mkdir(out, { recursive: true });
const entry = installCodeServer();
const server = await startCodeServer(entry, { settings: { 'workbench.colorTheme': 'Default Light Modern', 'editor.fontSize': 14 } });
const browser = await launchChromium();
try {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(workbenchUrl(server.port, demo, root));
  await page.waitForSelector('.monaco-workbench .activitybar', { timeout: 60_000 });
  const container = page.locator('.activitybar .action-item a[aria-label^="e-Täitur"]').first();
  await container.waitFor({ timeout: 30_000 });

  // 1. A fix script with diagnostics.
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { timeout: 10_000 });
  await page.keyboard.type('002_volgniku_aadress_vigane.sql');
  await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 10_000 });
  await page.keyboard.press('Enter');
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: 10_000 });
  await page.keyboard.press('Control+Shift+M');
  const squiggles = await page
    .waitForSelector('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning', { timeout: 20_000 })
    .then(() => true, () => false);
  if (!squiggles) console.warn('no diagnostics appeared within 20 s (is the language server built?)');
  await page.screenshot({ path: path.join(out, 'fix-script-diagnostics.png') });

  // 2. The schema browser.
  await page.keyboard.press('Control+J'); // hide the panel: the tree gets the height
  await container.click();
  const table = page.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: /^Menetlus$/ }) }).first();
  await table.waitFor({ timeout: 20_000 });
  await table.click();
  await page.keyboard.press('ArrowRight');
  await page.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: /^MenetlusId$/ }) }).first().waitFor({ timeout: 10_000 });
  await page.screenshot({ path: path.join(out, 'schema-browser.png') });
  console.log(`screenshots written to ${path.relative(root, out)}/`);
} finally {
  await browser.close();
  await server.stop();
}

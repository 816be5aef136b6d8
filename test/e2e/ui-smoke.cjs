// UI smoke test, driven like a person in a real VS Code workbench (code-server through Debian's
// chromium, from the e2e kit): install the packaged .vsix, open a zh-Hans spec, wait for the
// squiggles, open the hover and the Quick Fix menu, apply the preferred fix, save, check the file
// on disk. Screenshots go to $E2E_OUT/screenshots. Every wait has a deadline; none is a fixed sleep.
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const kit = path.resolve(process.env.VSCODE_E2E_KIT || path.join(root, '..', 'shared', 'vscode-e2e'));
if (!process.env.VSCODE_HOST) throw new Error("Set VSCODE_HOST to the folder the e2e kit's setup.sh installed code-server into.");
const host = path.resolve(process.env.VSCODE_HOST);
const codeServer = path.join(host, 'node_modules', '.bin', 'code-server');
// The kit's helpers load playwright-core from the host.
process.env.NODE_PATH = path.join(host, 'node_modules');
require('node:module').Module._initPaths();
const { startCodeServer, launchChromium } = require(path.join(kit, 'common.js'));

const SPEC = '# 青石街道智慧街区方案\n\n## 建设目标\n\n平台采用最先进的技术。\n\n建设全国首个数字孪生平台。\n\n## 办事渠道\n\n居民只能通过APP办理居住证明。\n';

const t0 = Date.now();
const lap = (s) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${s}`);

async function main() {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const vsix = path.join(root, `${manifest.name}-${manifest.version}.vsix`);
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} does not exist: run npm run package first.`);
  const base = path.resolve(process.env.E2E_OUT || fs.mkdtempSync(path.join(os.tmpdir(), 'needfirst-e2e-')));
  const work = path.join(base, 'ui');
  const shots = path.join(base, 'screenshots');
  const workspace = path.join(work, 'workspace');
  const extensions = path.join(work, 'extensions');
  for (const d of [workspace, extensions, shots]) fs.mkdirSync(d, { recursive: true });
  const spec = path.join(workspace, 'spec.md');
  fs.writeFileSync(spec, SPEC);

  // Installed the way a user would, from the file, with no network.
  const home = path.join(work, 'install-home');
  const install = spawnSync(codeServer, ['--extensions-dir', extensions, '--install-extension', vsix], {
    encoding: 'utf8',
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local/share') },
  });
  assert.equal(install.status, 0, `installing the .vsix failed: ${install.stdout}${install.stderr}`);
  assert.ok(fs.readdirSync(extensions).some((d) => d.startsWith(`${manifest.publisher}.${manifest.name}-${manifest.version}`)), 'the extension is in the extensions folder');
  lap(`installed ${path.basename(vsix)}`);

  const cs = await startCodeServer({ codeServer, work, workspace, extensionsDir: extensions });
  lap(`code-server up on 127.0.0.1:${cs.port}`);
  const browser = await launchChromium(path.join(work, 'home'));
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  try {
    await page.goto(cs.url());
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    await page.getByRole('treeitem', { name: 'spec.md' }).click();
    await page.waitForSelector('.monaco-editor .view-lines');
    lap('spec.md open');

    // Adjacent findings (全国首个, 数字孪生) share one squiggle element, so count the findings in the status bar.
    await page.waitForSelector('.monaco-editor .squiggly-warning', { timeout: 60000 });
    await page.locator('.statusbar-item', { hasText: 'needfirst: 4' }).waitFor({ timeout: 20000 });
    lap('warning squiggles, and 4 findings in the status bar');
    await page.locator('.codelens-decoration', { hasText: /价值判断 \d+\/10 · 4 处缺少依据/ }).waitFor({ timeout: 20000 });
    lap('CodeLens with the value checklist');
    await page.screenshot({ path: path.join(shots, 'ui-1-squiggles.png') });

    // Hover over 只能通过APP, the digital-only finding on line 11: the lowest squiggle.
    const boxes = await page.locator('.monaco-editor .squiggly-warning').evaluateAll((els) => els.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }));
    const lowest = boxes.reduce((a, b) => (b.y > a.y ? b : a));
    await page.mouse.move(lowest.x + lowest.width / 2, lowest.y + lowest.height / 2);
    await page.locator('.monaco-hover', { hasText: '为什么重要' }).waitFor({ timeout: 20000 });
    lap('hover shows the judgment');
    await page.screenshot({ path: path.join(shots, 'ui-2-hover.png') });
    await page.mouse.move(700, 700);
    await page.keyboard.press('Escape');

    // Focus the editor, put the cursor into 数字孪生 (line 7, column 8), then Quick Fix.
    await page.keyboard.press('Control+1');
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').waitFor({ timeout: 10000 });
    await page.keyboard.type('7:8');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10000 });
    await page.keyboard.press('Control+.');
    // The preferred fix is focused; Enter applies it (a click right after the menu opens is swallowed).
    await page.locator('.action-widget .monaco-list-row.focused', { hasText: '插入「真实需求」一节（待填写）' }).waitFor({ timeout: 20000 });
    lap('Quick Fix menu with the preferred fix focused');
    await page.screenshot({ path: path.join(shots, 'ui-3-quickfix-menu.png') });
    await page.keyboard.press('Enter');

    await page.locator('.monaco-editor .view-lines', { hasText: '### 真实需求' }).waitFor({ timeout: 20000 });
    lap('the need section is inserted');
    await page.keyboard.press('Control+S');
    const deadline = Date.now() + 15000;
    while (!fs.readFileSync(spec, 'utf8').includes('### 真实需求') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const saved = fs.readFileSync(spec, 'utf8');
    assert.match(saved, /建设全国首个数字孪生平台。\n\n### 真实需求\n\n【待填写：[^】]+】\n/);
    lap('saved file on disk has the section');
    await page.screenshot({ path: path.join(shots, 'ui-4-after-fix.png') });
    console.log(`ui-smoke: 1 passed, 0 failed (screenshots in ${shots})`);
  } catch (error) {
    console.error(error);
    await page.screenshot({ path: path.join(shots, 'ui-failure.png') }).catch(() => {});
    console.log('ui-smoke: 0 passed, 1 failed');
    process.exitCode = 1;
  } finally {
    await browser.close();
    cs.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

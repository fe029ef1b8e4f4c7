// Open an EPUB in epub.js (paginated, one page per screen) in Debian's chromium via puppeteer-core,
// turn the first pages, and run a probe script in every content document shown.
// Usage: node read.mjs BOOK.epub PROBE.js [WIDTH HEIGHT PAGES]  → JSON on stdout:
//   [{ "href": section, "frameWidth": px, "report": <the probe's value> }, ...]
// The probe is an expression evaluated in the section's frame (e.g. tests/support/line_probe.js);
// its text CONTROL is replaced by false.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";

const [book, probePath, width = "360", height = "640", pages = "6"] = process.argv.slice(2);
const here = dirname(fileURLToPath(import.meta.url));
const probe = readFileSync(probePath, "utf8").replaceAll("CONTROL", "false");

const browser = await puppeteer.launch({
  executablePath: process.env.PUPPETEER_EXECUTABLE_PATH || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--allow-file-access-from-files", "--hide-scrollbars"],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: Number(width), height: Number(height) });
  await page.goto(pathToFileURL(join(here, "harness.html")).href, { waitUntil: "load" });
  await page.evaluate(
    async (data, w, h) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      window.book = ePub(bytes.buffer);
      window.rendition = window.book.renderTo("viewer", { width: w, height: h, flow: "paginated", spread: "none" });
      await window.rendition.display();
    },
    readFileSync(book).toString("base64"),
    Number(width),
    Number(height),
  );
  const seen = new Map();
  for (let turn = 0; turn < Number(pages); turn++) {
    const href = await page.evaluate(() => window.rendition.currentLocation().start.href);
    if (!seen.has(href)) {
      const frame = page.frames().find((f) => f !== page.mainFrame());
      await frame.evaluate(() => document.fonts.ready.then(() => true));
      const frameWidth = await frame.evaluate(() => window.innerWidth);
      seen.set(href, { href, frameWidth, report: await frame.evaluate(probe) });
    }
    await page.evaluate(() => window.rendition.next());
  }
  process.stdout.write(JSON.stringify([...seen.values()]));
} finally {
  await browser.close();
}

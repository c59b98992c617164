// Loads a PDF with pdf.js (pdfjs-dist's legacy build, for Node; the engine behind Firefox's PDF
// accessibility) and prints, as JSON, what page.getStructTree() gives on every page: each
// element in order with its role, depth, /Alt and the text of the marked content it holds
// (matched through getTextContent({includeMarkedContent: true})).
//
//   node pdfjs_struct.mjs PDFJS_DIST_DIR FILE.pdf OUT.json
// OUT.json: [{"page": 1, "role": "H1", "depth": 1, "alt": null, "text": "..."}, ...]
// (a file: pdf.js prints its warnings, e.g. that it cannot render without a canvas, on stdout)
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [dist, file, outFile] = process.argv.slice(2);
const pdfjs = await import(pathToFileURL(`${dist}/legacy/build/pdf.mjs`).href);
const data = new Uint8Array(readFileSync(file));
const doc = await pdfjs.getDocument({ data, verbosity: 0, useSystemFonts: false, isEvalSupported: false }).promise;
const out = [];
for (let p = 1; p <= doc.numPages; ++p) {
  const page = await doc.getPage(p);
  const text = new Map();  // marked content id -> text
  const content = await page.getTextContent({ includeMarkedContent: true });
  const open = [];
  for (const it of content.items) {
    if (it.type === "beginMarkedContentProps" || it.type === "beginMarkedContent") {
      open.push(it.id ?? null);
    } else if (it.type === "endMarkedContent") {
      open.pop();
    } else if (typeof it.str === "string") {
      const id = open.findLast((x) => x);
      if (id) text.set(id, (text.get(id) ?? "") + it.str + (it.hasEOL ? " " : ""));
    }
  }
  const tree = await page.getStructTree();
  const walk = (node, depth) => {
    const kids = node.children ?? [];
    let own = "";
    for (const k of kids) if (k.type === "content") own += text.get(k.id) ?? "";
    if (node.role !== "Root") out.push({ page: p, role: node.role, depth, alt: node.alt ?? null, text: own });
    for (const k of kids) if (k.role) walk(k, depth + 1);
  };
  if (tree) walk(tree, 0);
}
writeFileSync(outFile, JSON.stringify(out));

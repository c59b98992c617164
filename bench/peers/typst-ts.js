// Typst in process (@myriaddreamin/typst-ts-node-compiler): compiles brief.typ to PDF.
// usage: node typst-ts.js DIR OUT.pdf          DIR holds brief.typ
//        node typst-ts.js DIR OUTDIR N         -> N documents in one process, each with its number
const fs = require('fs');
const path = require('path');
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');

const [dir, out, n] = process.argv.slice(2);
const main = path.resolve(dir, 'brief.typ');
const compiler = NodeCompiler.create({
  workspace: path.resolve(dir),
  fontArgs: [{ fontPaths: ['/usr/share/fonts/truetype/liberation2'] }],
});
const source = fs.readFileSync(main, 'utf8');

function one(file) {
  const doc = compiler.compile({ mainFilePath: main });
  if (doc.hasError()) { doc.printErrors(); process.exit(1); }
  fs.writeFileSync(file, compiler.pdf(doc.result));
}

if (!n) {
  one(out);
} else {
  fs.mkdirSync(out, { recursive: true });
  for (let i = 1; i <= Number(n); i++) {
    // a different title each time, so that no result is reused from Typst's memoisation
    compiler.mapShadow(main, Buffer.from(source.replace(/^(#set document\(title: ".*)"\)$/m, `$1 (${i})")`)));
    one(path.join(out, `brief-${String(i).padStart(4, '0')}.pdf`));
  }
  compiler.unmapShadow(main);
}

// docxtemplater: fills template.docx (made by pandoc from template.md) with data.json.
// usage: node fill.js TEMPLATE.docx DATA.json OUT.docx
//        node fill.js TEMPLATE.docx DATA.json OUTDIR N    -> N documents in one process
const fs = require('fs');
const path = require('path');
const PizZip = require('pizzip');
const Docxtemplater = require('docxtemplater');

const [template, dataFile, out, n] = process.argv.slice(2);
const content = fs.readFileSync(template, 'binary');
const data = JSON.parse(fs.readFileSync(dataFile, 'utf8'));

function one(file, number) {
  const doc = new Docxtemplater(new PizZip(content), { paragraphLoop: true, linebreaks: true });
  doc.render(number ? { ...data, title: `${data.title} (${number})` } : data);
  fs.writeFileSync(file, doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

if (!n) {
  one(out);
} else {
  fs.mkdirSync(out, { recursive: true });
  for (let i = 1; i <= Number(n); i++) one(path.join(out, `brief-${String(i).padStart(4, '0')}.docx`), i);
}

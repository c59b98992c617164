"""Makes reference documents for tests/integration/reference_doc.sh with programs nobody here
wrote: python-docx (Debian's python3-docx; run with /usr/bin/python3) and a flat ODT that
LibreOffice converts. Hostile variants are made from a good .docx with zipfile.

  refdoc_make.py plain OUT.docx LOGO.png     python-docx, explicit fonts and colours, no theme attributes
  refdoc_make.py theme OUT.docx              python-docx's own template: theme fonts and colours
  refdoc_make.py fodt OUT.fodt               a flat ODT with set styles, for soffice --convert-to docx
  refdoc_make.py hostile KIND GOOD.docx OUT  KIND: notzip, bomb, badstyles, macro, extimage, attached
  refdoc_make.py png OUT.png                 a small two-colour PNG (the header logo)
"""
import re
import struct
import sys
import zipfile
import zlib


def png(path, w=120, h=40):
    rows = b""
    for y in range(h):
        rows += b"\x00" + b"".join(
            (b"\x8b\x1a\x1a" if (x // 10 + y // 10) % 2 else b"\xf0\xb4\x3c") for x in range(w))

    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def field(paragraph, code):
    """A complex field (PAGE, NUMPAGES) as Word writes it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    for kind, text in (("begin", None), (None, code), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run()
        if kind:
            fc = OxmlElement("w:fldChar")
            fc.set(qn("w:fldCharType"), kind)
            run._r.append(fc)
        elif text == code:
            it = OxmlElement("w:instrText")
            it.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            it.text = code
            run._r.append(it)
        else:
            run.text = text


def strip_theme(element):
    """Removes every theme attribute (asciiTheme, themeColor, themeShade, ...)."""
    for el in element.iter():
        for a in list(el.attrib):
            if "theme" in a.lower():
                del el.attrib[a]


def table_style(st):
    """A ministry's table look: 9 pt text, maroon rules, a maroon header row in bold white."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn
    for old in st.findall(qn("w:rPr")) + st.findall(qn("w:tblStylePr")):
        st.remove(old)
    st.find(qn("w:tblPr")).addprevious(parse_xml('<w:rPr %s><w:sz w:val="18"/></w:rPr>' % nsdecls("w")))
    borders = st.find(qn("w:tblPr")).find(qn("w:tblBorders"))
    for b in borders:
        b.set(qn("w:color"), "8B1A1A")
    st.append(parse_xml(
        '<w:tblStylePr %s w:type="firstRow"><w:rPr><w:b/><w:color w:val="FFFFFF"/></w:rPr>'
        '<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="8B1A1A"/></w:tcPr></w:tblStylePr>' % nsdecls("w")))


def plain(out, logo):
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, RGBColor, Mm
    d = docx.Document()
    strip_theme(d.styles.element)
    s = d.sections[0]
    s.page_width, s.page_height = Mm(210), Mm(297)
    s.top_margin, s.bottom_margin = Cm(2.5), Cm(2)
    s.left_margin, s.right_margin = Cm(3.5), Cm(2)
    s.header_distance, s.footer_distance = Cm(1), Cm(1)

    def style(name, font, size, bold=False, italic=False, color=None, before=None, after=None):
        st = d.styles[name]
        st.font.name = font
        st.font.size = Pt(size)
        st.font.bold = bold
        st.font.italic = italic
        if color:
            st.font.color.rgb = RGBColor.from_string(color)
        if before is not None:
            st.paragraph_format.space_before = Pt(before)
        if after is not None:
            st.paragraph_format.space_after = Pt(after)
        return st

    style("Normal", "Arial", 10.5, color="222222", after=5)
    d.styles["Normal"].paragraph_format.line_spacing = 1.0
    style("Title", "Arial", 22, bold=True, color="8B1A1A", after=4)
    style("Subtitle", "Arial", 12, italic=True, color="555555", after=10)
    for level, size in ((1, 16), (2, 13), (3, 11)):
        style("Heading %d" % level, "Arial", size, bold=True, italic=level == 3, color="8B1A1A", before=14, after=4)
    style("Header", "Arial", 8.5, color="8B1A1A")
    style("Footer", "Arial", 8, color="555555")
    # The header's centre and right tab stops where this page's text ends, as a ministry's
    # template has them (python-docx's own are for US Letter with 1.25 in margins).
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.oxml.ns import qn
    text_width = s.page_width - s.left_margin - s.right_margin
    for name in ("Header", "Footer"):
        ppr = d.styles[name].element.get_or_add_pPr()
        for old in ppr.findall(qn("w:tabs")):
            ppr.remove(old)
        stops = d.styles[name].paragraph_format.tab_stops
        stops.add_tab_stop(text_width // 2, WD_TAB_ALIGNMENT.CENTER)
        stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)
    strip_theme(d.styles.element)
    table_style(d.styles["Table Grid"].element)
    hp = s.header.paragraphs[0]
    hp.text = "MINISTRY OF EXAMPLE\t\tPage "
    field(hp, " PAGE ")
    hp.add_run(" of ")
    field(hp, " NUMPAGES ")
    lp = s.header.add_paragraph()
    lp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    lp.add_run().add_picture(logo, width=Mm(30))
    fp = s.footer.paragraphs[0]
    fp.text = "Official use · Ministry of Example"
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph("Reference document.")
    d.save(out)


def theme(out):
    import docx
    from docx.shared import Pt
    d = docx.Document()
    # An explicit font beside the theme font: the theme wins, as in Word.
    st = d.styles["Normal"]
    st.font.size = Pt(11)
    rfonts = st.element.get_or_add_rPr().get_or_add_rFonts()
    rfonts.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}ascii", "Courier New")
    rfonts.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}asciiTheme", "minorHAnsi")
    # Its Header style's stops are python-docx's, for Letter with 1.25 in margins: centre at
    # 3.25 in, right at 6.5 in, half an inch past this page's right margin, where Word puts it.
    d.sections[0].header.paragraphs[0].text = "THEMED MINISTRY\t\tTABRIGHT"
    d.save(out)


FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:font-face-decls>
  <style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
  <style:font-face style:name="DejaVu Serif" svg:font-family="'DejaVu Serif'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
 </office:font-face-decls>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:text-properties style:font-name="DejaVu Sans" fo:font-size="10pt"/>
  </style:default-style>
  <style:style style:name="Standard" style:family="paragraph" style:class="text">
   <style:paragraph-properties fo:margin-top="0pt" fo:margin-bottom="4pt"/>
   <style:text-properties style:font-name="DejaVu Sans" fo:font-size="10pt" fo:color="#1a1a1a"/>
  </style:style>
  <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph"
   style:parent-style-name="Standard" style:next-style-name="Standard" style:default-outline-level="1">
   <style:paragraph-properties fo:margin-top="16pt" fo:margin-bottom="6pt" fo:keep-with-next="always"/>
   <style:text-properties style:font-name="DejaVu Serif" fo:font-size="18pt" fo:font-weight="bold" fo:color="#2e5e3e"/>
  </style:style>
  <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph"
   style:parent-style-name="Standard" style:next-style-name="Standard" style:default-outline-level="2">
   <style:paragraph-properties fo:margin-top="12pt" fo:margin-bottom="4pt" fo:keep-with-next="always"/>
   <style:text-properties style:font-name="DejaVu Serif" fo:font-size="14pt" fo:font-weight="bold" fo:color="#2e5e3e"/>
  </style:style>
  <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="center" fo:margin-bottom="6pt"/>
   <style:text-properties style:font-name="DejaVu Serif" fo:font-size="24pt" fo:font-weight="bold" fo:color="#2e5e3e"/>
  </style:style>
  <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard">
   <style:text-properties fo:font-size="9pt" fo:color="#2e5e3e"/>
  </style:style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="pm1">
   <style:page-layout-properties fo:page-width="8.5in" fo:page-height="11in" fo:margin-top="0.6in"
    fo:margin-bottom="0.8in" fo:margin-left="1.5in" fo:margin-right="0.8in"/>
   <style:header-style><style:header-footer-properties fo:min-height="0in" fo:margin-bottom="0.2in"/></style:header-style>
  </style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pm1">
   <style:header><text:p text:style-name="Header">LIBREOFFICE MINISTRY</text:p></style:header>
  </style:master-page>
 </office:master-styles>
 <office:body><office:text><text:p text:style-name="Standard">Reference.</text:p></office:text></office:body>
</office:document>
"""


def rewrite(good, out, change):
    """Copies the zip GOOD to OUT, passing every (name, bytes) through change(name, data)."""
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            r = change(info.filename, zin.read(info.filename))
            if r is not None:
                zout.writestr(info.filename, r)
        extra = change(None, None)
        for name, data in (extra or {}).items():
            zout.writestr(name, data)


def hostile(kind, good, out):
    if kind == "notzip":
        with open(out, "w") as f:
            f.write("This is a text file with a .docx name.\n")
        return
    if kind == "bomb":
        def change(name, data):
            if name is None:
                return {"word/media/zeros.bin": b"\0" * (64 << 20)}
            return data
    elif kind == "badstyles":
        def change(name, data):
            return data[: len(data) // 2] if name == "word/styles.xml" else data
    elif kind == "macro":
        def change(name, data):
            if name is None:
                return {"word/vbaProject.bin": b"\xd0\xcf\x11\xe0 not really a macro project"}
            if name == "[Content_Types].xml":
                return data.replace(b"document.main+xml", b"document.macroEnabled.main+xml")
            return data
    elif kind == "extimage":
        def change(name, data):
            if name and re.match(r"word/_rels/header\d*\.xml\.rels$", name):
                return data.replace(b'Target="media/', b'TargetMode="External" Target="http://example.org/')
            return data
    elif kind == "attached":
        rel = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
               b'relationships/attachedTemplate" Target="http://example.org/evil.dotm" TargetMode="External"/>'
               b'</Relationships>')

        def change(name, data):
            if name is None:
                return {"word/_rels/settings.xml.rels": rel}
            if name == "word/settings.xml":
                return data.replace(b"<w:defaultTabStop", b'<w:attachedTemplate r:id="rId1"/><w:defaultTabStop', 1)
            return data
    else:
        sys.exit("unknown kind " + kind)
    rewrite(good, out, change)


def main():
    cmd = sys.argv[1]
    if cmd == "png":
        png(sys.argv[2])
    elif cmd == "plain":
        plain(sys.argv[2], sys.argv[3])
    elif cmd == "theme":
        theme(sys.argv[2])
    elif cmd == "fodt":
        with open(sys.argv[2], "w", encoding="utf-8") as f:
            f.write(FODT)
    elif cmd == "hostile":
        hostile(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()

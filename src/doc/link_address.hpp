// Links for print: with the template's link-address, each paragraph that holds a link to an
// address outside the document is followed by a line in footnote size naming where it goes
// ("Türk Devletleri Teşkilatı: https://www.turkicstates.org"), so a reader of the printed
// brief knows. Applied to the merged document, so the PDF and the DOCX print the same lines.
#pragma once
#include "doc/doc.hpp"

namespace briefmake::doc {

// Adds the address lines after every paragraph with external links, at the top level and in
// list items, in the template's style "link-address" (else "note", footnote-sized in the
// shipped templates). Does nothing unless d.tmpl.link_address.
void add_link_addresses(Document& d);

}  // namespace briefmake::doc

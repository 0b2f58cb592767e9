// The payment slips as a printable PDF: each slip drawn as the paper form banks and post offices
// take (NBS "nalog za uplatu": payer, purpose, recipient, payment code, currency, amount,
// account, model and reference, each in its box), with the NBS IPS QR code a banking app scans,
// two slips to an A4 page with cut lines. After them, every fee of the plan that gets no slip,
// with the reason, and the notes on where and how to pay. Drawn with cairo and pango in DejaVu
// Sans, which has Serbian Cyrillic and Latin.
#pragma once

#include <string>

#include "app/papers.h"
#include "i18n/catalog.h"

namespace boravak::render {

// The PDF file's bytes. The form's own labels come from `form` (Serbian, as printed on the
// paper form); the captions, notes and reasons are in the reader's language (`words`).
std::string slips_pdf(const app::planned_permit& planned, const app::slip_set& set, const i18n::catalog& words,
                      const i18n::catalog& form);

// The same slips drawn into a PDF under way, from a fresh page (the permit plan's PDF ends with
// them when both exist).
class page_writer;
void draw_slips(page_writer& p, const app::planned_permit& planned, const app::slip_set& set, const i18n::catalog& words,
                const i18n::catalog& form);

}  // namespace boravak::render
